import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { poolsQueryKey } from '@/lib/pools';

export function deletePool(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/pools/{id}', { params: { path: { id } } }));
}

export function deletePoolMutationOptions() {
  return mutationOptions({
    mutationKey: ['pools', 'delete'],
    mutationFn: deletePool,
    // The pool's customers are in the default pool now: the pool screen and the customer lists show it.
    onSuccess: (_data, _id, _onMutateResult, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: poolsQueryKey }),
        client.invalidateQueries({ queryKey: ['pool'] }),
        client.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}

export function useDeletePool() {
  return useMutation(deletePoolMutationOptions());
}
