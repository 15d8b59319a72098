import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

// The order editor's own look-ups in the catalogue (features do not share code: see the README's layout).

export type Product = components['schemas']['Product'];

const PICKER_SIZE = 8;

/** Active products whose SKU or name contains `q`, with their stock now. */
export function searchProducts(q: string) {
  return unwrap(apiClient.GET('/api/v1/products', { params: { query: { q, active: true, limit: PICKER_SIZE } } }));
}

export function productSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['products', 'search', q],
    queryFn: () => searchProducts(q),
    select: (page) => page.items,
    // Stock moves: what the picker shows is a few seconds old at most.
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}

export function useProductSearch(q: string) {
  return useQuery({ ...productSearchQueryOptions(q), enabled: q.trim() !== '' });
}

export function getProduct(id: number) {
  return unwrap(apiClient.GET('/api/v1/products/{id}', { params: { path: { id } } }));
}

/** How often a picked product's stock is asked again while the editor is open: others sell from it meanwhile. */
const STOCK_REFRESH_MS = 15_000;

/** One product with its stock now (the products screens cache the same answer under the same key). */
export function useProductStock(id: number | null) {
  return useQuery({
    queryKey: ['products', 'detail', id],
    queryFn: () => getProduct(id ?? 0),
    enabled: id !== null,
    staleTime: 5_000,
    refetchInterval: STOCK_REFRESH_MS,
  });
}
