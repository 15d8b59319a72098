import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Tag = components['schemas']['Tag'];

export function listTags() {
  return unwrap(apiClient.GET('/api/v1/tags'));
}

/** The same key as Settings → Tags uses, so both share one cache entry. */
export function tagsQueryOptions() {
  return queryOptions({ queryKey: ['tags', 'list'], queryFn: listTags });
}

export function useTags() {
  return useQuery(tagsQueryOptions());
}
