import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type LostReason = components['schemas']['LostReason'];

export function listLostReasons() {
  return unwrap(apiClient.GET('/api/v1/lost-reasons'));
}

/** The same key (and answer) as Settings → Lost reasons and the customer's page use: one cache entry. */
export const lostReasonsListQueryKey = ['lost-reasons', 'list'] as const;

/** The reasons that can be chosen (archived ones stay on past records only), in the store's order. */
export function useLostReasons(enabled = true) {
  return useQuery({
    ...queryOptions({ queryKey: lostReasonsListQueryKey, queryFn: listLostReasons, staleTime: 5 * 60_000 }),
    select: (list) => list.items.filter((reason) => !reason.archived).sort((a, b) => a.position - b.position),
    enabled,
  });
}
