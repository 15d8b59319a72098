import { mutationOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { ApiError } from '@/lib/problem';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';
import { followUpsQueryKey, type FollowUp } from './list-follow-ups';

/** A JSON merge patch of a follow-up: members present change; `nextFollowUpAt: null` removes the reminder. */
export type UpdateFollowUpRequest = components['schemas']['UpdateFollowUpRequest'];

export interface UpdateFollowUpInput {
  followUp: Pick<FollowUp, 'id' | 'customerId' | 'version'>;
  patch: UpdateFollowUpRequest;
}

export function updateFollowUp({ followUp, patch }: UpdateFollowUpInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/customers/{customerId}/follow-ups/{id}', {
      params: {
        path: { customerId: followUp.customerId, id: followUp.id },
        header: { 'If-Match': `"${followUp.version}"` },
      },
      body: patch,
    }),
  );
}

/** After a follow-up changed or went: the customer's last/next follow-up, score, timeline, lists and reminders. */
export function invalidateAfterFollowUpChange(client: QueryClient, customerId: number) {
  void client.invalidateQueries({ queryKey: followUpsQueryKey(customerId) });
  void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', customerId] });
  void client.invalidateQueries({ queryKey: customerQueryKey(customerId) });
  void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
  void client.invalidateQueries({ queryKey: ['reminders'] });
}

export function updateFollowUpMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'follow-up', 'update'],
    mutationFn: updateFollowUp,
    onSuccess: (_updated, { followUp }, _onMutateResult, { client }) =>
      invalidateAfterFollowUpChange(client, followUp.customerId),
    onError: (error, { followUp }, _onMutateResult, { client }) => {
      // Changed (412) or removed (404) by someone else: fetch what the server has now.
      if (error instanceof ApiError && (error.status === 404 || error.status === 412)) {
        invalidateAfterFollowUpChange(client, followUp.customerId);
      }
    },
  });
}

export function useUpdateFollowUp() {
  return useMutation(updateFollowUpMutationOptions());
}
