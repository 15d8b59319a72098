import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { PoolInput } from './create-pool';
import { poolsQueryKey, type Pool } from '@/lib/pools';

export interface UpdatePoolInput {
  pool: Pick<Pool, 'id' | 'version'>;
  /** The whole pool as it should be (PUT): name, everyone and members. */
  changes: PoolInput;
}

export function updatePool({ pool, changes }: UpdatePoolInput) {
  return unwrap(
    apiClient.PUT('/api/v1/pools/{id}', {
      params: { path: { id: pool.id }, header: { 'If-Match': `"${pool.version}"` } },
      body: changes,
    }),
  );
}

export function updatePoolMutationOptions() {
  return mutationOptions({
    mutationKey: ['pools', 'update'],
    mutationFn: updatePool,
    // Also after a refusal: a stale version (412) shows the latest once the list is fetched again.
    onSettled: (_pool, _error, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: poolsQueryKey }),
  });
}

export function useUpdatePool() {
  return useMutation(updatePoolMutationOptions());
}
