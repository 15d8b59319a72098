import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

// Shared by the pool screen (its switcher and "move to pool") and Settings → Pools: one fetcher, one cache entry.

export type Pool = components['schemas']['Pool'];

export function listPools() {
  return unwrap(apiClient.GET('/api/v1/pools'));
}

/** Every pools query starts with this, so one invalidation refreshes the list and its counts. */
export const poolsQueryKey = ['pools'] as const;
export const poolsListQueryKey = [...poolsQueryKey, 'list'] as const;

/** The store's pools (a rep: those they belong to), the default pool first, then by name. */
export function poolsQueryOptions() {
  return queryOptions({ queryKey: poolsListQueryKey, queryFn: listPools });
}

export function usePools() {
  return useQuery(poolsQueryOptions());
}

/** Who changes a pool's rules and distribution: administrators, and the managers the pool names. */
export function managesPool(pool: Pick<Pool, 'managerIds'> | undefined, user: { id: number; role: string }): boolean {
  if (user.role === 'ADMIN') return true;
  return user.role === 'MANAGER' && !!pool && pool.managerIds.includes(user.id);
}
