import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type LostReason = components['schemas']['LostReason'];

export function listLostReasons() {
  return unwrap(apiClient.GET('/api/v1/lost-reasons'));
}

/** The same key as Settings → Lost reasons uses. */
export const lostReasonsListQueryKey = ['lost-reasons', 'list'] as const;

export function lostReasonsQueryOptions() {
  return queryOptions({
    queryKey: lostReasonsListQueryKey,
    queryFn: listLostReasons,
    // Archived reasons stay on past records but cannot be chosen.
    select: (list) => list.items.filter((reason) => !reason.archived),
    staleTime: 5 * 60_000,
  });
}

export function useLostReasons(enabled = true) {
  return useQuery({ ...lostReasonsQueryOptions(), enabled });
}

/** Every reason, archived ones too: what past records (the timeline) name. */
export function useAllLostReasons() {
  return useQuery({ queryKey: lostReasonsListQueryKey, queryFn: listLostReasons, select: (list) => list.items, staleTime: 5 * 60_000 });
}
