import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type SavedView = components['schemas']['SavedView'];

/** The caller's saved customer screens, by name (all of them in one answer). */
export function listViews() {
  return unwrap(apiClient.GET('/api/v1/views'));
}

/** The same key as the customer list's saved views use, so both share one cache entry. */
export function viewsQueryOptions() {
  return queryOptions({ queryKey: ['views'], queryFn: listViews });
}

export function useSavedViews() {
  return useQuery(viewsQueryOptions());
}
