import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Reminders = components['schemas']['Reminders'];
export type Reminder = components['schemas']['Reminder'];
export type ReminderCounts = components['schemas']['ReminderCounts'];

export function listReminders() {
  return unwrap(apiClient.GET('/api/v1/reminders'));
}

/** Claims, follow-ups and releases invalidate this key to refresh the header badge. */
export const remindersQueryKey = ['reminders'] as const;

export function remindersQueryOptions() {
  return queryOptions({
    queryKey: remindersQueryKey,
    queryFn: listReminders,
    // Follow-ups fall due and warnings appear while the app stays open all day.
    refetchInterval: 5 * 60_000,
  });
}

export function useReminders() {
  return useQuery(remindersQueryOptions());
}

export function reminderTotal(counts: ReminderCounts): number {
  return counts.overdue + counts.dueToday + counts.returnWarnings + counts.repeatInquiries;
}
