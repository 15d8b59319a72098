import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { customerQueryKey } from './get-customer';
import { customersQueryKey, type Customer } from './list-customers';

/** A JSON merge patch of the customer's writable fields: `null` clears. */
export type CustomerPatch = Record<string, unknown>;

export interface UpdateCustomerInput {
  customer: Pick<Customer, 'id' | 'version'>;
  patch: CustomerPatch;
  allowDuplicate?: boolean;
}

export function updateCustomer({ customer, patch, allowDuplicate }: UpdateCustomerInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/customers/{id}', {
      params: {
        path: { id: customer.id },
        query: allowDuplicate ? { allowDuplicate: true } : {},
        header: { 'If-Match': `"${customer.version}"` },
      },
      // The contract types the body as an open object.
      body: patch as never,
    }),
  );
}

export function updateCustomerMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'update'],
    mutationFn: updateCustomer,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      client.setQueryData(customerQueryKey(updated.id), updated);
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', updated.id] });
    },
    onError: (error, { customer }, _onMutateResult, { client }) => {
      // Changed (412) or removed (404) by someone else: fetch what the server has now.
      if (error instanceof ApiError && (error.status === 404 || error.status === 412)) {
        void client.invalidateQueries({ queryKey: customerQueryKey(customer.id) });
      }
    },
  });
}

export function useUpdateCustomer() {
  return useMutation(updateCustomerMutationOptions());
}
