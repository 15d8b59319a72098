import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type TestMessageInput = components['schemas']['TestMessageRequest'];
export type TestMessageResult = components['schemas']['TestMessageResult'];

/** Sends one message through the channel as saved; nothing is recorded. 502 `delivery-failed`: `detail` is the server's answer. */
export function sendTestMessage(body: TestMessageInput) {
  return unwrap(apiClient.POST('/api/v1/messaging/settings/test', { body }));
}

export function sendTestMessageMutationOptions() {
  return mutationOptions({ mutationKey: ['messaging-settings', 'test'], mutationFn: sendTestMessage });
}

export function useSendTestMessage() {
  return useMutation(sendTestMessageMutationOptions());
}
