import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ifMatch, refreshAfterOrderChange, refreshWhenOutdated } from './get-order';
import type { Order, OrderInput } from './list-orders';

export interface ReplaceOrderInput {
  order: Pick<Order, 'id' | 'version' | 'customerId'>;
  body: OrderInput;
}

export function replaceOrder({ order, body }: ReplaceOrderInput) {
  return unwrap(apiClient.PUT('/api/v1/orders/{id}', { params: { path: { id: order.id }, header: ifMatch(order) }, body }));
}

export function replaceOrderMutationOptions() {
  return mutationOptions({
    mutationKey: ['orders', 'replace'],
    mutationFn: replaceOrder,
    onSuccess: (updated, _input, _onMutateResult, { client }) => refreshAfterOrderChange(client, updated, updated.customerId),
    onError: (error, { order }, _onMutateResult, { client }) => refreshWhenOutdated(client, error, order.id),
  });
}

export function useReplaceOrder() {
  return useMutation(replaceOrderMutationOptions());
}
