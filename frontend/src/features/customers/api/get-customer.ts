import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { customersQueryKey } from './list-customers';

export function getCustomer(id: number) {
  return unwrap(apiClient.GET('/api/v1/customers/{id}', { params: { path: { id } } }));
}

export function customerQueryKey(id: number) {
  return [...customersQueryKey, 'detail', id] as const;
}

export function customerQueryOptions(id: number) {
  return queryOptions({ queryKey: customerQueryKey(id), queryFn: () => getCustomer(id) });
}

export function useCustomer(id: number) {
  return useQuery(customerQueryOptions(id));
}
