import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Placeholder = components['schemas']['Placeholder'];

/** The fixed placeholders and one `cf.<key>` per custom field of the store. */
export function listPlaceholders() {
  return unwrap(apiClient.GET('/api/v1/messaging/placeholders'));
}

export function placeholdersQueryOptions() {
  return queryOptions({ queryKey: ['message-placeholders'], queryFn: listPlaceholders, staleTime: 5 * 60_000 });
}

export function usePlaceholders() {
  return useQuery(placeholdersQueryOptions());
}
