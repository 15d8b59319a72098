import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { toApiError } from '@/lib/problem';

export type MessagingSettings = components['schemas']['MessagingSettings'];
export type SmtpSecurity = components['schemas']['SmtpSecurity'];
export type MessageChannel = components['schemas']['MessageChannel'];

export const SMTP_SECURITIES = ['STARTTLS', 'TLS', 'NONE'] as const satisfies readonly SmtpSecurity[];
export const MESSAGE_CHANNELS = ['EMAIL', 'SMS'] as const satisfies readonly MessageChannel[];

/** The settings with the ETag of their version, for If-Match on save. */
export interface VersionedMessagingSettings {
  settings: MessagingSettings;
  etag: string;
}

/** The store's channels (administrators only); passwords and tokens are never in the answer, only whether one is stored. */
export async function getMessagingSettings(): Promise<VersionedMessagingSettings> {
  const { data, error, response } = await apiClient.GET('/api/v1/messaging/settings');
  if (!response.ok || !data) throw toApiError(error, response);
  // The server's ETag is the quoted version: made from the body when a proxy dropped the header.
  return { settings: data, etag: response.headers.get('ETag') ?? `"${data.version}"` };
}

export const messagingSettingsQueryKey = ['messaging-settings'] as const;

export function messagingSettingsQueryOptions() {
  return queryOptions({
    queryKey: messagingSettingsQueryKey,
    queryFn: getMessagingSettings,
    // Read again only after this screen's own changes (a save, a new secret), so the ETag a save sends is that of
    // the version on screen: someone else's change meanwhile answers 412 instead of being overwritten.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useMessagingSettings() {
  return useQuery(messagingSettingsQueryOptions());
}
