import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type LostReason = components['schemas']['LostReason'];

export function listLostReasons() {
  return unwrap(apiClient.GET('/api/v1/lost-reasons'));
}

/** The same key as the customer screens' reason pickers use, so a change here shows there. */
export const lostReasonsQueryKey = ['lost-reasons'] as const;
export const lostReasonsListQueryKey = [...lostReasonsQueryKey, 'list'] as const;

export function lostReasonsQueryOptions() {
  // Every reason, archived ones included, in the store's order.
  return queryOptions({ queryKey: lostReasonsListQueryKey, queryFn: listLostReasons });
}

export function useLostReasons() {
  return useQuery(lostReasonsQueryOptions());
}
