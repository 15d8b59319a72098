import { useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';

// The order screens' own read of a customer: its name for headings and print, its owner for who may change orders.

export function getCustomer(id: number) {
  return unwrap(apiClient.GET('/api/v1/customers/{id}', { params: { path: { id } } }));
}

export type OrderCustomer = Awaited<ReturnType<typeof getCustomer>>;

/** Cached under the customer screens' key for the same answer, so opening one after the other asks once. */
export function useOrderCustomer(id: number | undefined) {
  return useQuery({
    queryKey: ['customers', 'detail', id],
    queryFn: () => getCustomer(id ?? 0),
    enabled: id !== undefined,
  });
}
