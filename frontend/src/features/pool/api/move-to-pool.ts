import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { poolsQueryKey } from '@/lib/pools';
import { refreshAfterOwnerChange } from './claim-customers';

export type MoveResult = components['schemas']['PoolMoveResult'];

export function moveToPool({ poolId, customerIds }: { poolId: number; customerIds: number[] }) {
  return unwrap(apiClient.POST('/api/v1/pools/{id}/customers', { params: { path: { id: poolId } }, body: { customerIds } }));
}

export function moveToPoolMutationOptions() {
  return mutationOptions({
    mutationKey: ['pool', 'move'],
    mutationFn: moveToPool,
    onSettled: (_result, _error, _input, _onMutateResult, { client }) => {
      refreshAfterOwnerChange(client);
      // The pools' customer counts.
      void client.invalidateQueries({ queryKey: poolsQueryKey });
    },
  });
}

export function useMoveToPool() {
  return useMutation(moveToPoolMutationOptions());
}
