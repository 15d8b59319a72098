import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type User = components['schemas']['User'];
export type Role = components['schemas']['Role'];
export type UserPage = components['schemas']['UserPage'];

export const ROLES = ['ADMIN', 'MANAGER', 'REP'] as const satisfies readonly Role[];

const PAGE_SIZE = 50;

export function listUsers(cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/users', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

/** Every users query starts with this, so one invalidation refreshes them all. */
export const usersQueryKey = ['users'] as const;
export const usersListQueryKey = [...usersQueryKey, 'list'] as const;

export function usersListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: usersListQueryKey,
    queryFn: ({ pageParam }) => listUsers(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useUsers() {
  return useInfiniteQuery(usersListQueryOptions());
}
