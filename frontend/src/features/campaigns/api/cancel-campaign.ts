import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { campaignQueryKey } from './get-campaign';
import { campaignsQueryKey, type Campaign } from './list-campaigns';

/** Stops a scheduled or sending campaign: what has not gone yet is CANCELLED, messages in flight finish. */
export function cancelCampaign(campaign: Pick<Campaign, 'id'>) {
  return unwrap(apiClient.POST('/api/v1/campaigns/{id}/cancel', { params: { path: { id: campaign.id } } }));
}

export function cancelCampaignMutationOptions() {
  return mutationOptions({
    mutationKey: ['campaigns', 'cancel'],
    mutationFn: cancelCampaign,
    onSuccess: (cancelled, _input, _onMutateResult, { client }) => {
      client.setQueryData(campaignQueryKey(cancelled.id), cancelled);
      // The list, and the recipients now CANCELLED.
      void client.invalidateQueries({ queryKey: campaignsQueryKey });
    },
    onError: (error, campaign, _onMutateResult, { client }) => {
      // Finished or cancelled meanwhile: show it as it is.
      if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
        void client.invalidateQueries({ queryKey: campaignQueryKey(campaign.id) });
      }
    },
  });
}

export function useCancelCampaign() {
  return useMutation(cancelCampaignMutationOptions());
}
