import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { lostReasonsQueryKey } from './list-lost-reasons';

/** Only a reason never recorded on any customer can go (409 `reason-in-use` otherwise: archive it). */
export function deleteLostReason(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/lost-reasons/{id}', { params: { path: { id } } }));
}

export function deleteLostReasonMutationOptions() {
  return mutationOptions({
    mutationKey: ['lost-reasons', 'delete'],
    mutationFn: deleteLostReason,
    onSuccess: (_data, _id, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: lostReasonsQueryKey }),
  });
}

export function useDeleteLostReason() {
  return useMutation(deleteLostReasonMutationOptions());
}
