import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { campaignQueryKey } from './get-campaign';
import { campaignsListQueryKey, type Campaign } from './list-campaigns';

/** Deletes a draft; one sent or scheduled answers 409 `campaign-state`. */
export function deleteCampaign(campaign: Pick<Campaign, 'id'>) {
  return unwrap(apiClient.DELETE('/api/v1/campaigns/{id}', { params: { path: { id: campaign.id } } }));
}

export function deleteCampaignMutationOptions() {
  return mutationOptions({
    mutationKey: ['campaigns', 'delete'],
    mutationFn: deleteCampaign,
    onSuccess: (_nothing, deleted, _onMutateResult, { client }) => {
      client.removeQueries({ queryKey: campaignQueryKey(deleted.id) });
      void client.invalidateQueries({ queryKey: campaignsListQueryKey });
    },
  });
}

export function useDeleteCampaign() {
  return useMutation(deleteCampaignMutationOptions());
}
