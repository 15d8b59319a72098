import { queryOptions, useQuery } from '@tanstack/react-query';
import { COUNT_BOUND } from '@/components/list-total';
import { apiClient, unwrap } from '@/lib/api-client';
import { poolQueryKey } from './list-pool';

export interface PoolCount {
  count: number;
  /** More wait than `count` (the bound) says. */
  capped: boolean;
}

/**
 * How many customers wait in the pool, for the navigation. One row and a count up to a bound: it reads at most
 * that many entries of the pool's partial index however large the pool is, and it is refreshed every few minutes
 * and after every claim, release or assignment (they invalidate `poolQueryKey`), not on every screen.
 */
export async function countPool(): Promise<PoolCount> {
  const page = await unwrap(apiClient.GET('/api/v1/pool', { params: { query: { limit: 1, countUpTo: COUNT_BOUND } } }));
  return { count: page.total ?? page.items.length, capped: page.totalCapped === true };
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
