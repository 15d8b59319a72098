import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { activityQueryKey } from './keys';

export type ActivityEntry = components['schemas']['ActivityEntry'];
export type ActivityPage = components['schemas']['ActivityPage'];
export type ActivitySource = components['schemas']['ActivitySource'];

/** What the feed is narrowed to; lists are any-of, and each travels as a repeated query parameter. */
export interface ActivityFilters {
  from: string;
  to: string;
  userId: number[];
  team?: string;
  type: string[];
  stage: string[];
  tagId: number[];
  q?: string;
}

const PAGE_SIZE = 50;

/** One page of the team's activity, newest first. */
export function listActivity(filters: ActivityFilters, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/activity', {
      params: {
        query: {
          from: filters.from,
          to: filters.to,
          userId: filters.userId.length > 0 ? filters.userId : undefined,
          team: filters.team || undefined,
          type: filters.type.length > 0 ? filters.type : undefined,
          stage: filters.stage.length > 0 ? filters.stage : undefined,
          tagId: filters.tagId.length > 0 ? filters.tagId : undefined,
          q: filters.q || undefined,
          limit: PAGE_SIZE,
          cursor,
        },
      },
    }),
  );
}

export function activityFeedQueryOptions(filters: ActivityFilters) {
  return infiniteQueryOptions({
    queryKey: [...activityQueryKey, 'feed', filters],
    queryFn: ({ pageParam }) => listActivity(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useActivityFeed(filters: ActivityFilters) {
  return useInfiniteQuery(activityFeedQueryOptions(filters));
}
