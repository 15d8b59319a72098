import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Tag = components['schemas']['Tag'];

export function listTags() {
  return unwrap(apiClient.GET('/api/v1/tags'));
}

/** Every tags query starts with this; the list key is shared with the customers screens. */
export const tagsQueryKey = ['tags'] as const;
export const tagsListQueryKey = [...tagsQueryKey, 'list'] as const;

export function tagsQueryOptions() {
  return queryOptions({ queryKey: tagsListQueryKey, queryFn: listTags });
}

export function useTags() {
  return useQuery(tagsQueryOptions());
}
