import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { lostReasonsQueryKey } from './list-lost-reasons';

export type CreateLostReasonInput = components['schemas']['CreateLostReasonRequest'];

export function createLostReason(body: CreateLostReasonInput) {
  return unwrap(apiClient.POST('/api/v1/lost-reasons', { body }));
}

export function createLostReasonMutationOptions() {
  return mutationOptions({
    mutationKey: ['lost-reasons', 'create'],
    mutationFn: createLostReason,
    onSuccess: (_reason, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: lostReasonsQueryKey }),
  });
}

export function useCreateLostReason() {
  return useMutation(createLostReasonMutationOptions());
}
