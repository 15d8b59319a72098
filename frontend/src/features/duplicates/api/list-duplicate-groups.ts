import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type DuplicateGroup = components['schemas']['DuplicateGroup'];
export type DuplicateCandidate = components['schemas']['DuplicateCandidate'];
export type DuplicateKind = components['schemas']['DuplicateKind'];

const PAGE_SIZE = 50;

export function listDuplicateGroups(cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/customers/duplicates', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

/** Under the customers key: creating, editing or deleting any customer refreshes the groups too. */
export const duplicateGroupsQueryKey = ['customers', 'duplicates'] as const;

export function duplicateGroupsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: duplicateGroupsQueryKey,
    queryFn: ({ pageParam }) => listDuplicateGroups(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useDuplicateGroups() {
  return useInfiniteQuery(duplicateGroupsQueryOptions());
}
