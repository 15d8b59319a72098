import { mutationOptions, useMutation, type QueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { poolQueryKey } from './list-pool';

export type ClaimResult = components['schemas']['ClaimResult'];
export type PoolFailure = components['schemas']['PoolFailure'];
export type PoolFailureReason = components['schemas']['ClaimFailureReason'];

export function claimCustomers(customerIds: number[]) {
  return unwrap(apiClient.POST('/api/v1/pool/claim', { body: { customerIds } }));
}

/** Owners changed: the pool, everyone's customer lists and the reminders may all differ now. */
export function refreshAfterOwnerChange(client: QueryClient) {
  void client.invalidateQueries({ queryKey: poolQueryKey });
  void client.invalidateQueries({ queryKey: ['customers'] });
  void client.invalidateQueries({ queryKey: ['reminders'] });
}

export function claimCustomersMutationOptions() {
  return mutationOptions({
    mutationKey: ['pool', 'claim'],
    mutationFn: claimCustomers,
    // A 409 means someone else took it: the list must drop it either way.
    onSettled: (_result, _error, _ids, _onMutateResult, { client }) => refreshAfterOwnerChange(client),
  });
}

export function useClaimCustomers() {
  return useMutation(claimCustomersMutationOptions());
}
