import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { campaignQueryKey } from './get-campaign';

export type CampaignMessage = components['schemas']['Message'];
export type MessageStatus = components['schemas']['MessageStatus'];

/** The statuses a campaign's recipient can have (RECEIVED is for inbound messages only). */
export const RECIPIENT_STATUSES = [
  'QUEUED',
  'SENT',
  'DELIVERED',
  'BOUNCED',
  'FAILED',
  'SKIPPED',
  'CANCELLED',
] as const satisfies readonly MessageStatus[];

const PAGE_SIZE = 50;

export function listCampaignRecipients(campaignId: number, status: MessageStatus | undefined, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/campaigns/{id}/recipients', {
      params: { path: { id: campaignId }, query: { limit: PAGE_SIZE, cursor, status } },
    }),
  );
}

export function campaignRecipientsQueryOptions(campaignId: number, status: MessageStatus | undefined, sending: boolean) {
  return infiniteQueryOptions({
    queryKey: [...campaignQueryKey(campaignId), 'recipients', status ?? 'ALL'],
    queryFn: ({ pageParam }) => listCampaignRecipients(campaignId, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Slower than the counts: every page loaded is read again.
    refetchInterval: sending ? 10_000 : false,
  });
}

export function useCampaignRecipients(campaignId: number, status: MessageStatus | undefined, sending: boolean) {
  return useInfiniteQuery(campaignRecipientsQueryOptions(campaignId, status, sending));
}
