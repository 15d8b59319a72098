import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

export interface SetCustomerTagsInput {
  id: number;
  tagIds: number[];
}

export function setCustomerTags({ id, tagIds }: SetCustomerTagsInput) {
  return unwrap(apiClient.PUT('/api/v1/customers/{id}/tags', { params: { path: { id } }, body: { tagIds } }));
}

export function setCustomerTagsMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'tags'],
    mutationFn: setCustomerTags,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      client.setQueryData(customerQueryKey(updated.id), updated);
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', updated.id] });
      void client.invalidateQueries({ queryKey: ['tags'] });
    },
  });
}

export function useSetCustomerTags() {
  return useMutation(setCustomerTagsMutationOptions());
}
