import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { countUpTo } from '@/components/list-total';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components, paths } from '@/lib/api/schema';

export type PoolCustomer = components['schemas']['Customer'];
type PoolQueryParams = NonNullable<paths['/api/v1/pool']['get']['parameters']['query']>;

/** The pool's query parameters as they appear in the page URL (repeated ones as arrays). */
export type PoolQuery = Record<string, string | string[]>;

export const PAGE_SIZE = 50;

export function listPool(query: PoolQuery, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/pool', {
      params: { query: { ...query, limit: PAGE_SIZE, cursor, countUpTo: countUpTo(query, cursor) } as unknown as PoolQueryParams },
    }),
  );
}

/** Every pool query starts with this, so one invalidation refreshes them all. */
export const poolQueryKey = ['pool'] as const;

export function poolListQueryOptions(query: PoolQuery) {
  return infiniteQueryOptions({
    queryKey: [...poolQueryKey, 'list', query],
    queryFn: ({ pageParam }) => listPool(query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Keep showing the previous result while a new filter loads: no layout jump.
    placeholderData: keepPreviousData,
  });
}

export function usePool(query: PoolQuery) {
  return useInfiniteQuery(poolListQueryOptions(query));
}
