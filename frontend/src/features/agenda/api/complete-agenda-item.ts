import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { withItem, withoutItem } from '../lib/agenda';
import type { Agenda, AgendaItem } from './get-agenda';
import { agendaListQueryKey, agendaMutationKey, agendaQueryKey, customerKeysAfterFollowUp } from './keys';

export type CompleteAgendaItemRequest = components['schemas']['CompleteAgendaItemRequest'];

export interface AgendaItemInput {
  item: AgendaItem;
  /** Whose agenda shows it: undefined for the caller's own. */
  userId?: number;
}

/**
 * Records the follow-up: a plan task's of its own type (completing the step, the next one is planned), a planned
 * follow-up's as a call.
 */
export function completeAgendaItem({ item }: AgendaItemInput) {
  return unwrap(apiClient.POST('/api/v1/agenda/items/{key}/done', { params: { path: { key: item.key } }, body: {} }));
}

/** Leaves the list at once; comes back where it was if the server refuses; the agenda is read again after. */
export function completeAgendaItemMutationOptions() {
  return mutationOptions({
    mutationKey: [...agendaMutationKey, 'done'],
    mutationFn: completeAgendaItem,
    onMutate: async ({ item, userId }, { client }) => {
      const key = agendaListQueryKey(userId);
      await client.cancelQueries({ queryKey: key });
      const index = client.getQueryData<Agenda>(key)?.items.findIndex((candidate) => candidate.key === item.key) ?? -1;
      client.setQueryData<Agenda>(key, (agenda) => agenda && withoutItem(agenda, item.key));
      return { index };
    },
    onError: (_error, { item, userId }, onMutateResult, { client }) => {
      const index = onMutateResult?.index ?? -1;
      if (index < 0) return;
      client.setQueryData<Agenda>(agendaListQueryKey(userId), (agenda) => agenda && withItem(agenda, item, index));
    },
    onSettled: (_data, error, { item }, _onMutateResult, { client }) => {
      // One refetch after the last of several quick clicks: an earlier one would bring back items still on their way.
      if (client.isMutating({ mutationKey: agendaMutationKey }) === 1) {
        void client.invalidateQueries({ queryKey: agendaQueryKey });
      }
      if (!error) {
        for (const queryKey of customerKeysAfterFollowUp(item.customerId)) void client.invalidateQueries({ queryKey });
      }
    },
  });
}

export function useCompleteAgendaItem(onFailure?: (error: Error, input: AgendaItemInput) => void) {
  const options = completeAgendaItemMutationOptions();
  return useMutation({
    ...options,
    onError: (error, input, onMutateResult, context) => {
      options.onError?.(error, input, onMutateResult, context);
      onFailure?.(error, input);
    },
  });
}
