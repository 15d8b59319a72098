import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

export function deleteCustomer(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/customers/{id}', { params: { path: { id } } }));
}

export function deleteCustomerMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'delete'],
    mutationFn: deleteCustomer,
    onSuccess: (_data, id, _onMutateResult, { client }) => {
      client.removeQueries({ queryKey: customerQueryKey(id) });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
    },
  });
}

export function useDeleteCustomer() {
  return useMutation(deleteCustomerMutationOptions());
}
