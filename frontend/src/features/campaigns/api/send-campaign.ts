import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { campaignQueryKey } from './get-campaign';
import { campaignIfMatch, campaignsListQueryKey, type Campaign } from './list-campaigns';

/**
 * Sends a draft now (every recipient written at once, then SENDING at the store's rate), or schedules it for its
 * `scheduledAt`. The version sent must be the one the person confirmed.
 */
export function sendCampaign(campaign: Pick<Campaign, 'id' | 'version'>) {
  return unwrap(
    apiClient.POST('/api/v1/campaigns/{id}/send', { params: { path: { id: campaign.id }, header: campaignIfMatch(campaign) } }),
  );
}

export function sendCampaignMutationOptions() {
  return mutationOptions({
    mutationKey: ['campaigns', 'send'],
    mutationFn: sendCampaign,
    onSuccess: (sent, _input, _onMutateResult, { client }) => {
      client.setQueryData(campaignQueryKey(sent.id), sent);
      void client.invalidateQueries({ queryKey: campaignsListQueryKey });
    },
    onError: (error, campaign, _onMutateResult, { client }) => {
      if (error instanceof ApiError && [404, 409, 412].includes(error.status)) {
        void client.invalidateQueries({ queryKey: campaignQueryKey(campaign.id) });
      }
    },
  });
}

export function useSendCampaign() {
  return useMutation(sendCampaignMutationOptions());
}
