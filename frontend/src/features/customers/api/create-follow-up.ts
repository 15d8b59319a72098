import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

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

export function createFollowUp({ customerId, body }: CreateFollowUpInput) {
  return unwrap(
    apiClient.POST('/api/v1/customers/{customerId}/follow-ups', { params: { path: { customerId } }, body }),
  );
}

export function createFollowUpMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'follow-up', 'create'],
    mutationFn: createFollowUp,
    onSuccess: (_followUp, { customerId }, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', customerId] });
      // Last and next follow-up (and the score) changed.
      void client.invalidateQueries({ queryKey: customerQueryKey(customerId) });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      // A planned follow-up, or one done in time, changes today's reminders.
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useCreateFollowUp() {
  return useMutation(createFollowUpMutationOptions());
}
