import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ifMatch, orderQueryKey, refreshAfterOrderChange, refreshWhenOutdated } from './get-order';
import type { Order } from './list-orders';

export function deleteOrder(order: Pick<Order, 'id' | 'version' | 'customerId'>) {
  return unwrap(apiClient.DELETE('/api/v1/orders/{id}', { params: { path: { id: order.id }, header: ifMatch(order) } }));
}

export function deleteOrderMutationOptions() {
  return mutationOptions({
    mutationKey: ['orders', 'delete'],
    mutationFn: deleteOrder,
    onSuccess: (_data, order, _onMutateResult, { client }) => {
      client.removeQueries({ queryKey: orderQueryKey(order.id) });
      refreshAfterOrderChange(client, null, order.customerId);
    },
    onError: (error, order, _onMutateResult, { client }) => refreshWhenOutdated(client, error, order.id),
  });
}

export function useDeleteOrder() {
  return useMutation(deleteOrderMutationOptions());
}
