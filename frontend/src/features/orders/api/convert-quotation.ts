import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ifMatch, orderQueryKey, refreshAfterOrderChange, refreshWhenOutdated } from './get-order';
import type { Order } from './list-orders';

export function convertQuotation(quotation: Pick<Order, 'id' | 'version' | 'customerId'>) {
  return unwrap(
    apiClient.POST('/api/v1/orders/{id}/convert', { params: { path: { id: quotation.id }, header: ifMatch(quotation) } }),
  );
}

export function convertQuotationMutationOptions() {
  return mutationOptions({
    mutationKey: ['orders', 'convert'],
    mutationFn: convertQuotation,
    onSuccess: (order, quotation, _onMutateResult, { client }) => {
      // The quotation changed too (accepted, and now pointing at its order).
      void client.invalidateQueries({ queryKey: orderQueryKey(quotation.id) });
      refreshAfterOrderChange(client, order, order.customerId);
    },
    onError: (error, quotation, _onMutateResult, { client }) => refreshWhenOutdated(client, error, quotation.id),
  });
}

export function useConvertQuotation() {
  return useMutation(convertQuotationMutationOptions());
}
