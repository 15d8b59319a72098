import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

/** Claims one pool customer from its page; the result says why not when the rules refuse. */
export function claimCustomer(id: number) {
  return unwrap(apiClient.POST('/api/v1/pool/claim', { body: { customerIds: [id] } }));
}

export function claimCustomerMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'claim'],
    mutationFn: claimCustomer,
    // Claimed, or taken by someone else meanwhile (409): either way the file has a new owner.
    onSettled: (_result, _error, id, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: customerQueryKey(id) });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', id] });
      void client.invalidateQueries({ queryKey: ['pool'] });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useClaimCustomer() {
  return useMutation(claimCustomerMutationOptions());
}
