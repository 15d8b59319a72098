import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type ImportJobPage = components['schemas']['ImportJobPage'];

export const IMPORTS_PAGE_SIZE = 20;

export function listImports(cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/imports', { params: { query: { limit: IMPORTS_PAGE_SIZE, cursor } } }),
  );
}

/** Every import query starts with this: a started or finished job refreshes the list. */
export const importsQueryKey = ['imports'] as const;

export function importsListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: [...importsQueryKey, 'list'],
    queryFn: ({ pageParam }) => listImports(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useImports() {
  return useInfiniteQuery(importsListQueryOptions());
}
