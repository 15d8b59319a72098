import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { productsQueryKey } from './list-products';

export function getProduct(id: number) {
  return unwrap(apiClient.GET('/api/v1/products/{id}', { params: { path: { id } } }));
}

export function productQueryKey(id: number) {
  return [...productsQueryKey, 'detail', id] as const;
}

export function productQueryOptions(id: number) {
  return queryOptions({ queryKey: productQueryKey(id), queryFn: () => getProduct(id) });
}

export function useProduct(id: number) {
  return useQuery(productQueryOptions(id));
}
