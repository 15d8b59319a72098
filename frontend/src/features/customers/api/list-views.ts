import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type SavedView = components['schemas']['SavedView'];
export type SavedViewRequest = components['schemas']['SavedViewRequest'];

export function listViews() {
  return unwrap(apiClient.GET('/api/v1/views'));
}

export const viewsQueryKey = ['views'] as const;

export function viewsQueryOptions() {
  return queryOptions({ queryKey: viewsQueryKey, queryFn: listViews });
}

export function useViews() {
  return useQuery(viewsQueryOptions());
}
