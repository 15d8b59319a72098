import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

export function reactivateCustomer(id: number) {
  return unwrap(apiClient.POST('/api/v1/customers/{id}/reactivate', { params: { path: { id } } }));
}

export function reactivateCustomerMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'reactivate'],
    mutationFn: reactivateCustomer,
    onSuccess: (active, _id, _onMutateResult, { client }) => {
      client.setQueryData(customerQueryKey(active.id), active);
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', active.id] });
      // The owner's pool clock restarts.
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
    onError: (error, id, _onMutateResult, { client }) => {
      // Not lost (any more): show the file as it is now.
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: customerQueryKey(id) });
    },
  });
}

export function useReactivateCustomer() {
  return useMutation(reactivateCustomerMutationOptions());
}
