import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type TeamMember = components['schemas']['TeamMember'];

/** The store's active users (managers and admins may ask), sorted by name by the server. */
export function listTeam() {
  return unwrap(apiClient.GET('/api/v1/team'));
}

/** The same key as the pool's assign picker uses, so both share one cache entry. */
export const teamQueryKey = ['team'] as const;

export function teamQueryOptions() {
  return queryOptions({ queryKey: teamQueryKey, queryFn: listTeam, select: (list) => list.items, staleTime: 60_000 });
}

/** Who can receive transferred customers; REPs get 403, so only ask when the role allows. */
export function useTeam(enabled: boolean) {
  return useQuery({ ...teamQueryOptions(), enabled });
}
