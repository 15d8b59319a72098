import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { CampaignInput } from './list-campaigns';

export type CampaignDryRun = components['schemas']['CampaignDryRun'];
export type SkipReason = components['schemas']['SkipReason'];

export const SKIP_REASONS = ['NO_ADDRESS', 'NO_CONSENT', 'UNSUBSCRIBED', 'DUPLICATE_ADDRESS'] as const satisfies readonly SkipReason[];

/** Who the campaign would reach now, who not and why, and the first recipient's copy: nothing is sent or saved. */
export function dryRunCampaign(body: CampaignInput) {
  return unwrap(apiClient.POST('/api/v1/campaigns/dry-run', { body }));
}

export function dryRunCampaignMutationOptions() {
  return mutationOptions({ mutationKey: ['campaigns', 'dry-run'], mutationFn: dryRunCampaign });
}

/** A mutation, though it changes nothing: it is asked for on request, for what the form holds at that moment. */
export function useDryRunCampaign() {
  return useMutation(dryRunCampaignMutationOptions());
}
