import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customersQueryKey } from './list-customers';

export type TimelineEntry = components['schemas']['TimelineEntry'];

const PAGE_SIZE = 20;

export function getTimeline(id: number, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/customers/{id}/timeline', {
      params: { path: { id }, query: { limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function timelineQueryOptions(id: number) {
  return infiniteQueryOptions({
    queryKey: [...customersQueryKey, 'timeline', id],
    queryFn: ({ pageParam }) => getTimeline(id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useTimeline(id: number) {
  return useInfiniteQuery(timelineQueryOptions(id));
}
