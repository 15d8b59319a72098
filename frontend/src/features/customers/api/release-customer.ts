import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

export type ReleaseRequest = components['schemas']['ReleaseRequest'];

export interface ReleaseCustomerInput {
  id: number;
  body: ReleaseRequest;
}

export function releaseCustomer({ id, body }: ReleaseCustomerInput) {
  return unwrap(apiClient.POST('/api/v1/customers/{id}/release', { params: { path: { id } }, body }));
}

export function releaseCustomerMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'release'],
    mutationFn: releaseCustomer,
    onSuccess: (released, _input, _onMutateResult, { client }) => {
      client.setQueryData(customerQueryKey(released.id), released);
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', released.id] });
      void client.invalidateQueries({ queryKey: ['pool'] });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useReleaseCustomer() {
  return useMutation(releaseCustomerMutationOptions());
}
