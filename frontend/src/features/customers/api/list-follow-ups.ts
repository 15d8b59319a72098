import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customersQueryKey } from './list-customers';

export type FollowUp = components['schemas']['FollowUp'];

/** All follow-up queries of one customer: what a change or a deletion of one of them makes stale. */
export function followUpsQueryKey(customerId: number) {
  return [...customersQueryKey, 'follow-ups', customerId] as const;
}

/** One follow-up with its version (the timeline shows follow-ups without it): what an edit starts from. */
export function findFollowUp(customerId: number, id: number): Promise<FollowUp> {
  return unwrap(apiClient.GET('/api/v1/customers/{customerId}/follow-ups/{id}', { params: { path: { customerId, id } } }));
}

export function followUpQueryOptions(customerId: number, id: number) {
  return queryOptions({
    queryKey: [...followUpsQueryKey(customerId), 'item', id],
    queryFn: () => findFollowUp(customerId, id),
    // Always the version as it is now: an edit starts from it.
    staleTime: 0,
  });
}

export function useFollowUp(customerId: number, id: number) {
  return useQuery(followUpQueryOptions(customerId, id));
}
