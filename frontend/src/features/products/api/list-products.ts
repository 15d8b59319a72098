import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Product = components['schemas']['Product'];
export type ProductInput = components['schemas']['ProductInput'];

/** The list's filters as the page URL holds them. */
export interface ProductFilters {
  q?: string;
  category?: string;
  /** 'true' or 'false'; absent for both. */
  active?: string;
}

const PAGE_SIZE = 50;

export function listProducts(filters: ProductFilters, cursor?: string) {
  const active = filters.active === 'true' ? true : filters.active === 'false' ? false : undefined;
  return unwrap(
    apiClient.GET('/api/v1/products', {
      params: { query: { q: filters.q || undefined, category: filters.category || undefined, active, limit: PAGE_SIZE, cursor } },
    }),
  );
}

/** Every products query starts with this: an order that reserves or ships stock refreshes them all. */
export const productsQueryKey = ['products'] as const;

export function productsListQueryOptions(filters: ProductFilters) {
  return infiniteQueryOptions({
    queryKey: [...productsQueryKey, 'list', filters],
    queryFn: ({ pageParam }) => listProducts(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Keep showing the previous result while a new filter loads: no layout jump.
    placeholderData: keepPreviousData,
  });
}

export function useProducts(filters: ProductFilters) {
  return useInfiniteQuery(productsListQueryOptions(filters));
}
