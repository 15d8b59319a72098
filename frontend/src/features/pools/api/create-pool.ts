import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { poolsQueryKey } from '@/lib/pools';

export type PoolInput = components['schemas']['PoolInput'];

export function createPool(body: PoolInput) {
  return unwrap(apiClient.POST('/api/v1/pools', { body }));
}

export function createPoolMutationOptions() {
  return mutationOptions({
    mutationKey: ['pools', 'create'],
    mutationFn: createPool,
    onSuccess: (_pool, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: poolsQueryKey }),
  });
}

export function useCreatePool() {
  return useMutation(createPoolMutationOptions());
}
