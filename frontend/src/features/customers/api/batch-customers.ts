import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customersQueryKey } from './list-customers';

export type BatchRequest = components['schemas']['BatchRequest'];
export type BatchAction = components['schemas']['BatchAction'];
export type BatchResult = components['schemas']['BatchResult'];

export function batchCustomers(body: BatchRequest) {
  return unwrap(apiClient.POST('/api/v1/customers/batch', { body }));
}

export function batchCustomersMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'batch'],
    mutationFn: batchCustomers,
    // Any customer may have changed: refresh lists, files and timelines alike.
    onSuccess: (_result, _input, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: customersQueryKey });
      void client.invalidateQueries({ queryKey: ['tags'] });
    },
  });
}

export function useBatchCustomers() {
  return useMutation(batchCustomersMutationOptions());
}
