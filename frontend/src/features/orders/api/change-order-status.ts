import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ifMatch, refreshAfterOrderChange, refreshWhenOutdated } from './get-order';
import type { Order, OrderStatus } from './list-orders';

export interface ChangeOrderStatusInput {
  order: Pick<Order, 'id' | 'version' | 'customerId'>;
  status: OrderStatus;
}

export function changeOrderStatus({ order, status }: ChangeOrderStatusInput) {
  return unwrap(
    apiClient.POST('/api/v1/orders/{id}/status', {
      params: { path: { id: order.id }, header: ifMatch(order) },
      body: { status },
    }),
  );
}

export function changeOrderStatusMutationOptions() {
  return mutationOptions({
    mutationKey: ['orders', 'status'],
    mutationFn: changeOrderStatus,
    onSuccess: (updated, _input, _onMutateResult, { client }) => refreshAfterOrderChange(client, updated, updated.customerId),
    onError: (error, { order }, _onMutateResult, { client }) => refreshWhenOutdated(client, error, order.id),
  });
}

export function useChangeOrderStatus() {
  return useMutation(changeOrderStatusMutationOptions());
}
