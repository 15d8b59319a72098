import { infiniteQueryOptions, useInfiniteQuery, type InfiniteData, type QueryClient } from '@tanstack/react-query';
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

/** Puts a user the server answered with in place of the listed one, wherever it is among the pages loaded. */
export function replaceListedUser(client: QueryClient, updated: User) {
  client.setQueryData<InfiniteData<UserPage>>(usersListQueryKey, (data) =>
    data && {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.id === updated.id ? updated : item)),
      })),
    },
  );
}
