import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { campaignQueryKey } from './get-campaign';
import { campaignsListQueryKey, type CampaignInput } from './list-campaigns';

/** Drafts a campaign: nothing is sent until `send`. */
export function createCampaign(body: CampaignInput) {
  return unwrap(apiClient.POST('/api/v1/campaigns', { body }));
}

export function createCampaignMutationOptions() {
  return mutationOptions({
    mutationKey: ['campaigns', 'create'],
    mutationFn: createCampaign,
    onSuccess: (created, _input, _onMutateResult, { client }) => {
      client.setQueryData(campaignQueryKey(created.id), created);
      void client.invalidateQueries({ queryKey: campaignsListQueryKey });
    },
  });
}

export function useCreateCampaign() {
  return useMutation(createCampaignMutationOptions());
}
