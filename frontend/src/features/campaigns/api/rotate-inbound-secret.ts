import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { messagingSettingsQueryKey } from './get-messaging-settings';

/** The signing secret of inbound e-mail events: in this answer only. */
export type InboundSecret = components['schemas']['InboundSecret'];

/** Makes a new signing secret; the previous one stops working at once. */
export function rotateInboundSecret() {
  return unwrap(apiClient.POST('/api/v1/messaging/settings/inbound-secret'));
}

export function rotateInboundSecretMutationOptions() {
  return mutationOptions({
    mutationKey: ['messaging-settings', 'inbound-secret'],
    mutationFn: rotateInboundSecret,
    // The settings' version moved on (and they now say a secret exists).
    onSuccess: (_secret, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: messagingSettingsQueryKey }),
  });
}

export function useRotateInboundSecret() {
  return useMutation(rotateInboundSecretMutationOptions());
}
