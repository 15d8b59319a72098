import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ordersQueryKey } from './list-orders';

const PAGE_SIZE = 20;

export function listCustomerOrders(customerId: number, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/customers/{customerId}/orders', {
      params: { path: { customerId }, query: { limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function customerOrdersQueryOptions(customerId: number) {
  return infiniteQueryOptions({
    queryKey: [...ordersQueryKey, 'customer', customerId],
    queryFn: ({ pageParam }) => listCustomerOrders(customerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCustomerOrders(customerId: number) {
  return useInfiniteQuery(customerOrdersQueryOptions(customerId));
}
