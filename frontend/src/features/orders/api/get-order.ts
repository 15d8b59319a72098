import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { ordersQueryKey, type Order } from './list-orders';

export function getOrder(id: number) {
  return unwrap(apiClient.GET('/api/v1/orders/{id}', { params: { path: { id } } }));
}

export function orderQueryKey(id: number) {
  return [...ordersQueryKey, 'detail', id] as const;
}

export function orderQueryOptions(id: number) {
  return queryOptions({ queryKey: orderQueryKey(id), queryFn: () => getOrder(id) });
}

export function useOrder(id: number) {
  return useQuery(orderQueryOptions(id));
}

/** The ETag of the version a person saw: a change sends it, so someone else's change meanwhile answers 412. */
export function ifMatch(order: Pick<Order, 'version'>) {
  return { 'If-Match': `"${order.version}"` };
}

/**
 * After an order changed: show its new version, refresh the lists it is in, and what its step changed elsewhere:
 * product stock (reserved, released, shipped) and the customer's stage and timeline.
 */
export function refreshAfterOrderChange(client: QueryClient, order: Order | null, customerId: number) {
  if (order) client.setQueryData(orderQueryKey(order.id), order);
  void client.invalidateQueries({ queryKey: [...ordersQueryKey, 'list'] });
  void client.invalidateQueries({ queryKey: [...ordersQueryKey, 'customer', customerId] });
  void client.invalidateQueries({ queryKey: ['products'] });
  void client.invalidateQueries({ queryKey: ['customers'] });
}

/** Refused because the order is not what the person saw (someone changed it, or it moved on): fetch it again. */
export function refreshWhenOutdated(client: QueryClient, error: unknown, orderId: number) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 409 || error.status === 412)) {
    void client.invalidateQueries({ queryKey: orderQueryKey(orderId) });
  }
}
