import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { refreshAfterOwnerChange } from './claim-customers';

export type AssignRequest = components['schemas']['AssignRequest'];
export type AssignResult = components['schemas']['AssignResult'];

export function assignCustomers(body: AssignRequest) {
  return unwrap(apiClient.POST('/api/v1/pool/assign', { body }));
}

export function assignCustomersMutationOptions() {
  return mutationOptions({
    mutationKey: ['pool', 'assign'],
    mutationFn: assignCustomers,
    onSettled: (_result, _error, _input, _onMutateResult, { client }) => refreshAfterOwnerChange(client),
  });
}

export function useAssignCustomers() {
  return useMutation(assignCustomersMutationOptions());
}
