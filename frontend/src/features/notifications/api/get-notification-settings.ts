import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type NotificationSettings = components['schemas']['NotificationSettings'];
export type DigestLanguage = components['schemas']['StoreLanguage'];

export const DIGEST_LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly DigestLanguage[];

/** The signed-in user's daily digest: on or off, when, in which language, and whether the store can send e-mail. */
export function getNotificationSettings() {
  return unwrap(apiClient.GET('/api/v1/me/notification-settings'));
}

export const notificationSettingsQueryKey = ['notifications', 'settings'] as const;

export function notificationSettingsQueryOptions() {
  return queryOptions({ queryKey: notificationSettingsQueryKey, queryFn: getNotificationSettings });
}

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions());
}
