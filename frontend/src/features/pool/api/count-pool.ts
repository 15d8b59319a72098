import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { poolQueryKey } from './list-pool';

/**
 * How many customers wait in the pool, for the navigation. One row and the total: the count walks the pool's
 * partial index, and it is refreshed every few minutes and after every claim, release or assignment (they
 * invalidate `poolQueryKey`), not on every screen.
 */
export async function countPool(): Promise<number> {
  const page = await unwrap(apiClient.GET('/api/v1/pool', { params: { query: { limit: 1, includeTotal: true } } }));
  return page.total ?? page.items.length;
}

export function poolCountQueryOptions() {
  return queryOptions({
    queryKey: [...poolQueryKey, 'count'],
    queryFn: countPool,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}

export function usePoolCount(enabled = true) {
  return useQuery({ ...poolCountQueryOptions(), enabled });
}
