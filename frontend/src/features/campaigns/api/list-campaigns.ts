import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Campaign = components['schemas']['Campaign'];
export type CampaignPage = components['schemas']['CampaignPage'];
export type CampaignStatus = components['schemas']['CampaignStatus'];
export type CampaignCounts = components['schemas']['CampaignCounts'];
export type CampaignSegment = components['schemas']['CampaignSegment'];
export type CampaignInput = components['schemas']['CampaignRequest'];
export type CustomerFilter = components['schemas']['CustomerFilter'];

const PAGE_SIZE = 50;

/** The store's campaigns, newest first, with their counts. */
export function listCampaigns(cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/campaigns', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

/** Every campaign query starts with this, so one invalidation refreshes them all. */
export const campaignsQueryKey = ['campaigns'] as const;
export const campaignsListQueryKey = [...campaignsQueryKey, 'list'] as const;

export function campaignsListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: campaignsListQueryKey,
    queryFn: ({ pageParam }) => listCampaigns(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // A campaign sending moves on by itself: the list follows it while one does.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((item) => item.status === 'SENDING')) ? 5_000 : false,
  });
}

export function useCampaigns() {
  return useInfiniteQuery(campaignsListQueryOptions());
}

/** The ETag of the version a person saw: a change or a send carries it. */
export function campaignIfMatch(campaign: Pick<Campaign, 'version'>) {
  return { 'If-Match': `"${campaign.version}"` };
}
