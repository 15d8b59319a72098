import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Tag = components['schemas']['Tag'];

export function listTags() {
  return unwrap(apiClient.GET('/api/v1/tags'));
}

/** The same key as Settings → Tags and the customer list use, so they share one cache entry. */
export const tagsListQueryKey = ['tags', 'list'] as const;

export function useTags() {
  return useQuery(queryOptions({ queryKey: tagsListQueryKey, queryFn: listTags }));
}
