import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type MergeRecord = components['schemas']['MergeRecord'];
export type MergedCustomer = components['schemas']['MergedCustomer'];

const PAGE_SIZE = 50;

/** The store's merges, newest first, with whether each can still be undone. */
export function listMerges(cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/merges', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

/** Under the customers key: a merge and an undo refresh every customers query, and so the history too. */
export const mergesQueryKey = ['customers', 'merges'] as const;

export function mergesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: mergesQueryKey,
    queryFn: ({ pageParam }) => listMerges(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useMerges() {
  return useInfiniteQuery(mergesQueryOptions());
}
