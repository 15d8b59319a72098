import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { campaignQueryKey } from './get-campaign';
import { campaignIfMatch, campaignsListQueryKey, type Campaign, type CampaignInput } from './list-campaigns';

export interface ReplaceCampaignInput {
  campaign: Pick<Campaign, 'id' | 'version'>;
  body: CampaignInput;
}

/** Changes a draft; one sent or scheduled meanwhile answers 409 `campaign-state`, a stale version 412. */
export function replaceCampaign({ campaign, body }: ReplaceCampaignInput) {
  return unwrap(
    apiClient.PUT('/api/v1/campaigns/{id}', { params: { path: { id: campaign.id }, header: campaignIfMatch(campaign) }, body }),
  );
}

export function replaceCampaignMutationOptions() {
  return mutationOptions({
    mutationKey: ['campaigns', 'replace'],
    mutationFn: replaceCampaign,
    onSuccess: (saved, _input, _onMutateResult, { client }) => {
      client.setQueryData(campaignQueryKey(saved.id), saved);
      void client.invalidateQueries({ queryKey: campaignsListQueryKey });
    },
    onError: (error, { campaign }, _onMutateResult, { client }) => {
      if (error instanceof ApiError && [404, 409, 412].includes(error.status)) {
        void client.invalidateQueries({ queryKey: campaignQueryKey(campaign.id) });
      }
    },
  });
}

export function useReplaceCampaign() {
  return useMutation(replaceCampaignMutationOptions());
}
