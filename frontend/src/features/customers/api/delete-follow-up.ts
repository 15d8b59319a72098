import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { invalidateAfterFollowUpChange } from './update-follow-up';

export interface DeleteFollowUpInput {
  customerId: number;
  id: number;
}

export function deleteFollowUp({ customerId, id }: DeleteFollowUpInput) {
  return unwrap(
    apiClient.DELETE('/api/v1/customers/{customerId}/follow-ups/{id}', { params: { path: { customerId, id } } }),
  );
}

export function deleteFollowUpMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'follow-up', 'delete'],
    mutationFn: deleteFollowUp,
    onSuccess: (_data, { customerId }, _onMutateResult, { client }) => invalidateAfterFollowUpChange(client, customerId),
    onError: (error, { customerId }, _onMutateResult, { client }) => {
      // Already gone: show the timeline as it is now.
      if (error instanceof ApiError && error.status === 404) invalidateAfterFollowUpChange(client, customerId);
    },
  });
}

export function useDeleteFollowUp() {
  return useMutation(deleteFollowUpMutationOptions());
}
