import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { ApiError, toApiError } from '@/lib/problem';
import { messagingSettingsQueryKey, type VersionedMessagingSettings } from './get-messaging-settings';

export type UpdateMessagingSettingsBody = components['schemas']['UpdateMessagingSettingsRequest'];
export type EmailChannelInput = components['schemas']['EmailChannelInput'];
export type SmsChannelInput = components['schemas']['SmsChannelInput'];

export interface UpdateMessagingSettingsInput {
  body: UpdateMessagingSettingsBody;
  /** The version the admin edited; a stale one answers 412. */
  etag: string;
}

/** Replaces the settings; `email.password` and `sms.token` left out keep what is stored, "" removes it. */
export async function updateMessagingSettings({ body, etag }: UpdateMessagingSettingsInput): Promise<VersionedMessagingSettings> {
  const { data, error, response } = await apiClient.PUT('/api/v1/messaging/settings', {
    params: { header: { 'If-Match': etag } },
    body,
  });
  if (!response.ok || !data) throw toApiError(error, response);
  return { settings: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export function updateMessagingSettingsMutationOptions() {
  return mutationOptions({
    mutationKey: ['messaging-settings', 'update'],
    mutationFn: updateMessagingSettings,
    onSuccess: (saved, _input, _onMutateResult, { client }) => client.setQueryData(messagingSettingsQueryKey, saved),
    onError: (error, _input, _onMutateResult, { client }) => {
      // Changed by someone else meanwhile: the screen offers to load what the server has now.
      if (error instanceof ApiError && error.status === 412) void client.invalidateQueries({ queryKey: messagingSettingsQueryKey, refetchType: 'none' });
    },
  });
}

export function useUpdateMessagingSettings() {
  return useMutation(updateMessagingSettingsMutationOptions());
}
