import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type MergeResult = components['schemas']['MergeResult'];

export interface MergeCustomersInput {
  survivorId: number;
  /** In order of preference: an empty field of the survivor takes the first duplicate's value that has one. */
  duplicateIds: number[];
}

export function mergeCustomers({ survivorId, duplicateIds }: MergeCustomersInput) {
  return unwrap(apiClient.POST('/api/v1/customers/{id}/merge', { params: { path: { id: survivorId } }, body: { duplicateIds } }));
}

export function mergeCustomersMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'merge'],
    mutationFn: mergeCustomers,
    // Customers disappeared and one changed: lists, files, timelines, groups, the pool and reminders.
    // Not awaited: the merge is done when the server says so, not when every list has reloaded.
    onSuccess: (_result, _input, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: ['customers'] });
      void client.invalidateQueries({ queryKey: ['pool'] });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useMergeCustomers() {
  return useMutation(mergeCustomersMutationOptions());
}
