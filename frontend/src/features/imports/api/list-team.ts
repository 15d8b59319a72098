import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type TeamMember = components['schemas']['TeamMember'];

/** The store's active users (managers and admins may read it): who can own imported customers. */
export function listTeam() {
  return unwrap(apiClient.GET('/api/v1/team'));
}

export function teamQueryOptions() {
  return queryOptions({ queryKey: ['team'], queryFn: listTeam, staleTime: 60_000 });
}

export function useTeam(enabled = true) {
  return useQuery({ ...teamQueryOptions(), enabled });
}
