import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { campaignsQueryKey } from './list-campaigns';

/** How often a campaign that is sending is read again. */
export const SENDING_POLL_MS = 2_000;

export function getCampaign(id: number) {
  return unwrap(apiClient.GET('/api/v1/campaigns/{id}', { params: { path: { id } } }));
}

export function campaignQueryKey(id: number) {
  return [...campaignsQueryKey, 'detail', id] as const;
}

export function campaignQueryOptions(id: number) {
  return queryOptions({
    queryKey: campaignQueryKey(id),
    queryFn: () => getCampaign(id),
    // While it sends, its counts move every second or so: read it every 2 s until it is done (or cancelled).
    refetchInterval: (query) => (query.state.data?.status === 'SENDING' ? SENDING_POLL_MS : false),
  });
}

export function useCampaign(id: number) {
  return useQuery(campaignQueryOptions(id));
}
