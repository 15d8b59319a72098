import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { notificationSettingsQueryKey } from './get-notification-settings';

export type UpdateNotificationSettingsRequest = components['schemas']['UpdateNotificationSettingsRequest'];

/** Members present change; `language: null` goes back to the store's. */
export function updateNotificationSettings(body: UpdateNotificationSettingsRequest) {
  return unwrap(apiClient.PUT('/api/v1/me/notification-settings', { body }));
}

export function updateNotificationSettingsMutationOptions() {
  return mutationOptions({
    mutationKey: ['notifications', 'settings', 'update'],
    mutationFn: updateNotificationSettings,
    onSuccess: (settings, _input, _onMutateResult, { client }) => {
      client.setQueryData(notificationSettingsQueryKey, settings);
    },
  });
}

export function useUpdateNotificationSettings() {
  return useMutation(updateNotificationSettingsMutationOptions());
}
