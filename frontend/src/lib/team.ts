import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

// Shared by every owner picker (batch transfer, pool assign, import target): one fetcher, one cache entry.

export type TeamMember = components['schemas']['TeamMember'];

/** The store's active users, sorted by name by the server (MANAGER and ADMIN may ask; REPs get 403). */
export function listTeam() {
  return unwrap(apiClient.GET('/api/v1/team'));
}

export const teamQueryKey = ['team'] as const;

export function teamQueryOptions() {
  return queryOptions({ queryKey: teamQueryKey, queryFn: listTeam, select: (list) => list.items, staleTime: 60_000 });
}

/** Who can receive customers; only ask when the role allows (and the picker is shown). */
export function useTeam(enabled = true) {
  return useQuery({ ...teamQueryOptions(), enabled });
}
