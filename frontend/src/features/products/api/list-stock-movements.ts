import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { productQueryKey } from './get-product';

export type StockMovement = components['schemas']['StockMovement'];
export type StockMovementKind = components['schemas']['StockMovementKind'];

const PAGE_SIZE = 20;

export function listStockMovements(productId: number, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/products/{id}/stock-movements', {
      params: { path: { id: productId }, query: { limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function stockMovementsQueryOptions(productId: number) {
  return infiniteQueryOptions({
    // Under the product's key: whatever refreshes the product (an order's reservation) refreshes its history.
    queryKey: [...productQueryKey(productId), 'movements'],
    queryFn: ({ pageParam }) => listStockMovements(productId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useStockMovements(productId: number) {
  return useInfiniteQuery(stockMovementsQueryOptions(productId));
}
