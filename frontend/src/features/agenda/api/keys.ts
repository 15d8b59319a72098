/**
 * The agenda lives under `reminders`: the key every write that changes a customer's due work already invalidates
 * (follow-ups, claims, releases, merges, pool rules, inquiries…), so the agenda and the header badge follow those
 * changes without the other features having to know about this one.
 */
export const agendaQueryKey = ['reminders', 'agenda'] as const;

/** One user's agenda: the caller's own (`me`), or the one a manager picked. */
export function agendaListQueryKey(userId: number | undefined) {
  return [...agendaQueryKey, 'list', userId ?? 'me'] as const;
}

/** The caller's counts, for the header badge. */
export const agendaCountsQueryKey = [...agendaQueryKey, 'counts'] as const;

/** Done and reschedule share this, so a refetch waits until the last of several quick clicks has settled. */
export const agendaMutationKey = ['agenda'] as const;

/** What a follow-up recorded from the agenda changes on the customer's page and in the lists (the customers
 * feature's keys, named here as features do not import each other). */
export function customerKeysAfterFollowUp(customerId: number) {
  return [
    ['customers', 'timeline', customerId],
    ['customers', 'follow-ups', customerId],
    ['customers', 'detail', customerId],
    ['customers', 'list'],
  ] as const;
}
