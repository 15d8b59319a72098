import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { withItem, withItemMoved, withoutItem } from '../lib/agenda';
import type { AgendaItemInput } from './complete-agenda-item';
import type { Agenda } from './get-agenda';
import { agendaListQueryKey, agendaMutationKey, agendaQueryKey } from './keys';

export interface RescheduleAgendaItemInput extends AgendaItemInput {
  /** The store day to move it to: today or later. */
  on: string;
}

/** Snoozes (to tomorrow) or reschedules a plan task or a planned follow-up. */
export function rescheduleAgendaItem({ item, on }: RescheduleAgendaItemInput) {
  return unwrap(apiClient.POST('/api/v1/agenda/items/{key}/reschedule', { params: { path: { key: item.key } }, body: { on } }));
}

/** Moves to its new day at once; back where it was if the server refuses; the agenda is read again after. */
export function rescheduleAgendaItemMutationOptions() {
  return mutationOptions({
    mutationKey: [...agendaMutationKey, 'reschedule'],
    mutationFn: rescheduleAgendaItem,
    onMutate: async ({ item, userId, on }, { client }) => {
      const key = agendaListQueryKey(userId);
      await client.cancelQueries({ queryKey: key });
      const index = client.getQueryData<Agenda>(key)?.items.findIndex((candidate) => candidate.key === item.key) ?? -1;
      client.setQueryData<Agenda>(key, (agenda) => agenda && withItemMoved(agenda, item.key, on));
      return { index };
    },
    onError: (_error, { item, userId }, onMutateResult, { client }) => {
      const index = onMutateResult?.index ?? -1;
      if (index < 0) return;
      client.setQueryData<Agenda>(
        agendaListQueryKey(userId),
        (agenda) => agenda && withItem(withoutItem(agenda, item.key), item, index),
      );
    },
    onSettled: (_data, _error, { item }, _onMutateResult, { client }) => {
      if (client.isMutating({ mutationKey: agendaMutationKey }) === 1) {
        void client.invalidateQueries({ queryKey: agendaQueryKey });
      }
      // The customer's next follow-up moved with it.
      void client.invalidateQueries({ queryKey: ['customers', 'detail', item.customerId] });
      void client.invalidateQueries({ queryKey: ['customers', 'timeline', item.customerId] });
    },
  });
}

export function useRescheduleAgendaItem(onFailure?: (error: Error, input: RescheduleAgendaItemInput) => void) {
  const options = rescheduleAgendaItemMutationOptions();
  return useMutation({
    ...options,
    onError: (error, input, onMutateResult, context) => {
      options.onError?.(error, input, onMutateResult, context);
      onFailure?.(error, input);
    },
  });
}
