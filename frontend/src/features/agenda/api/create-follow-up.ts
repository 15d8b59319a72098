import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { agendaQueryKey, customerKeysAfterFollowUp } from './keys';

export type FollowUpType = components['schemas']['FollowUpType'];
export type CreateFollowUpRequest = components['schemas']['CreateFollowUpRequest'];

export const FOLLOW_UP_TYPES = [
  'EMAIL',
  'SMS',
  'CALL',
  'CHAT',
  'MEETING',
  'VISIT',
  'SAMPLE',
  'QUOTATION',
  'NOTE',
] as const satisfies readonly FollowUpType[];

export interface CreateFollowUpInput {
  customerId: number;
  body: CreateFollowUpRequest;
}

/** A follow-up logged from the agenda: it settles a customer near the pool or a repeat inquiry. */
export function createFollowUp({ customerId, body }: CreateFollowUpInput) {
  return unwrap(apiClient.POST('/api/v1/customers/{customerId}/follow-ups', { params: { path: { customerId } }, body }));
}

export function createFollowUpMutationOptions() {
  return mutationOptions({
    // Not under agendaMutationKey: Done and Snooze wait only for each other before reading the agenda again.
    mutationKey: ['agenda-follow-up'],
    mutationFn: createFollowUp,
    onSuccess: (_followUp, { customerId }, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: agendaQueryKey });
      for (const queryKey of customerKeysAfterFollowUp(customerId)) void client.invalidateQueries({ queryKey });
    },
  });
}

export function useCreateFollowUp() {
  return useMutation(createFollowUpMutationOptions());
}
