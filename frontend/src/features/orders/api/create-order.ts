import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { refreshAfterOrderChange } from './get-order';
import type { OrderInput } from './list-orders';

export function createOrder({ customerId, body }: { customerId: number; body: OrderInput }) {
  return unwrap(apiClient.POST('/api/v1/customers/{customerId}/orders', { params: { path: { customerId } }, body }));
}

export function createOrderMutationOptions() {
  return mutationOptions({
    mutationKey: ['orders', 'create'],
    mutationFn: createOrder,
    onSuccess: (order, _input, _onMutateResult, { client }) => refreshAfterOrderChange(client, order, order.customerId),
  });
}

export function useCreateOrder() {
  return useMutation(createOrderMutationOptions());
}
