import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components, paths } from '@/lib/api/schema';
import type { CustomerStage } from '@/lib/domain';
import type { BoardFilters } from '../lib/filters';

export type Customer = components['schemas']['Customer'];
export type CustomerPage = components['schemas']['CustomerPage'];
export type ColumnData = InfiniteData<CustomerPage>;
type ListQuery = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

/** Cards a column shows at first, and adds with each "Show more". */
export const COLUMN_PAGE_SIZE = 30;

function filterQuery(filters: BoardFilters): ListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.tag ? { tag: filters.tag.map(Number) } : {}),
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
  };
}

/** One page of the active customers at a stage (the API shows a rep their own only), with how many there are. */
export function listColumn(stage: CustomerStage, filters: BoardFilters, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/customers', {
      params: {
        query: {
          ...filterQuery(filters),
          stage: [stage],
          status: ['ACTIVE'],
          includeTotal: true,
          limit: COLUMN_PAGE_SIZE,
          ...(cursor ? { cursor } : {}),
        },
      },
    }),
  );
}

/** How many customers matching the filters are lost: one card is enough, the total is what counts. */
export function countLost(filters: BoardFilters) {
  return unwrap(
    apiClient.GET('/api/v1/customers', {
      params: { query: { ...filterQuery(filters), status: ['LOST'], includeTotal: true, limit: 1 } },
    }),
  );
}

// Under the customer lists' key, so whatever changes customers elsewhere refreshes the board too.
export function boardQueryKey(filters: BoardFilters) {
  return ['customers', 'list', 'pipeline', filters] as const;
}

export function columnQueryKey(filters: BoardFilters, stage: CustomerStage) {
  return [...boardQueryKey(filters), stage] as const;
}

export function lostCountQueryKey(filters: BoardFilters) {
  return [...boardQueryKey(filters), 'LOST'] as const;
}

export function columnQueryOptions(stage: CustomerStage, filters: BoardFilters) {
  return infiniteQueryOptions({
    queryKey: columnQueryKey(filters, stage),
    queryFn: ({ pageParam }) => listColumn(stage, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useColumn(stage: CustomerStage, filters: BoardFilters) {
  return useInfiniteQuery(columnQueryOptions(stage, filters));
}

export function lostCountQueryOptions(filters: BoardFilters) {
  return queryOptions({ queryKey: lostCountQueryKey(filters), queryFn: () => countLost(filters) });
}

export function useLostCount(filters: BoardFilters) {
  return useQuery(lostCountQueryOptions(filters));
}

/** A column's cards, once each (a card moved in may come again with a later page). */
export function columnCustomers(data: ColumnData | undefined): Customer[] {
  const seen = new Set<number>();
  const customers: Customer[] = [];
  for (const page of data?.pages ?? []) {
    for (const customer of page.items) {
      if (seen.has(customer.id)) continue;
      seen.add(customer.id);
      customers.push(customer);
    }
  }
  return customers;
}

/** The column without the customer: what the board shows at once when a card leaves it. */
export function withoutCustomer(data: ColumnData | undefined, id: number): ColumnData | undefined {
  if (!data) return data;
  const present = data.pages.some((page) => page.items.some((customer) => customer.id === id));
  if (!present) return data;
  return {
    ...data,
    pages: data.pages.map((page, index) => ({
      ...page,
      items: page.items.filter((customer) => customer.id !== id),
      total: index === 0 && page.total != null ? Math.max(0, page.total - 1) : page.total,
    })),
  };
}

/** The column with the customer on top (or replaced where it is): what the board shows at once when a card arrives. */
export function withCustomer(data: ColumnData | undefined, customer: Customer): ColumnData | undefined {
  if (!data) return data;
  const present = data.pages.some((page) => page.items.some((item) => item.id === customer.id));
  if (present) {
    return {
      ...data,
      pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === customer.id ? customer : item)) })),
    };
  }
  return {
    ...data,
    pages: data.pages.map((page, index) =>
      index === 0 ? { ...page, items: [customer, ...page.items], total: page.total != null ? page.total + 1 : page.total } : page,
    ),
  };
}
