import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { productQueryKey } from './get-product';
import { productsQueryKey } from './list-products';

export type StockMovementInput = components['schemas']['StockMovementInput'];

export function recordStockMovement({ productId, body }: { productId: number; body: StockMovementInput }) {
  return unwrap(apiClient.POST('/api/v1/products/{id}/stock-movements', { params: { path: { id: productId } }, body }));
}

export function recordStockMovementMutationOptions() {
  return mutationOptions({
    mutationKey: ['products', 'stock-movement'],
    mutationFn: recordStockMovement,
    onSuccess: (result, _input, _onMutateResult, { client }) => {
      // The answer carries the product's stock after the movement: show it at once, then refresh the history.
      client.setQueryData(productQueryKey(result.product.id), result.product);
      void client.invalidateQueries({ queryKey: [...productQueryKey(result.product.id), 'movements'] });
      void client.invalidateQueries({ queryKey: [...productsQueryKey, 'list'] });
    },
  });
}

export function useRecordStockMovement() {
  return useMutation(recordStockMovementMutationOptions());
}
