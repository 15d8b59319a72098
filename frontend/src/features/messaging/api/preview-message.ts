import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type MessagePreviewRequest = components['schemas']['MessagePreviewRequest'];
export type RenderedMessage = components['schemas']['RenderedMessage'];

/** The text as this customer would get it (placeholders filled in); nothing is sent. */
export function previewMessage(body: MessagePreviewRequest) {
  return unwrap(apiClient.POST('/api/v1/messaging/preview', { body }));
}

export function previewMessageMutationOptions() {
  return mutationOptions({ mutationKey: ['messaging', 'preview'], mutationFn: previewMessage });
}

export function usePreviewMessage() {
  return useMutation(previewMessageMutationOptions());
}
