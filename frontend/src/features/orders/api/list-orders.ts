import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Order = components['schemas']['Order'];
export type OrderKind = components['schemas']['OrderKind'];
export type OrderStatus = components['schemas']['OrderStatus'];
export type OrderInput = components['schemas']['OrderInput'];
export type OrderLine = components['schemas']['OrderLine'];
export type OrderLineInput = components['schemas']['OrderLineInput'];
export type Incoterm = components['schemas']['Incoterm'];

export const ORDER_KINDS = ['QUOTATION', 'SAMPLE_ORDER', 'ORDER'] as const satisfies readonly OrderKind[];
export const ORDER_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'CONFIRMED',
  'PAID',
  'SHIPPED',
  'CANCELLED',
] as const satisfies readonly OrderStatus[];
export const INCOTERMS = [
  'EXW',
  'FCA',
  'FAS',
  'FOB',
  'CFR',
  'CIF',
  'CPT',
  'CIP',
  'DAP',
  'DPU',
  'DDP',
] as const satisfies readonly Incoterm[];

export function isOrderKind(value: string | null): value is OrderKind {
  return (ORDER_KINDS as readonly string[]).includes(value ?? '');
}

export function isOrderStatus(value: string | null): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value ?? '');
}

/** The list's filters as the page URL holds them. */
export interface OrderFilters {
  status?: OrderStatus;
  kind?: OrderKind;
}

const PAGE_SIZE = 50;

export function listOrders(filters: OrderFilters, cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/orders', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));
}

/** Every orders query starts with this, so one invalidation refreshes them all. */
export const ordersQueryKey = ['orders'] as const;

export function ordersListQueryOptions(filters: OrderFilters) {
  return infiniteQueryOptions({
    queryKey: [...ordersQueryKey, 'list', filters],
    queryFn: ({ pageParam }) => listOrders(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrders(filters: OrderFilters) {
  return useInfiniteQuery(ordersListQueryOptions(filters));
}
