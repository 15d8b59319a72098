import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type PreviewMessageInput = components['schemas']['MessagePreviewRequest'];
export type RenderedMessage = components['schemas']['RenderedMessage'];

/** A subject and body (saved or not) rendered with one customer's values; nothing is sent. */
export function previewMessage(body: PreviewMessageInput) {
  return unwrap(apiClient.POST('/api/v1/messaging/preview', { body }));
}

export function previewMessageMutationOptions() {
  return mutationOptions({ mutationKey: ['message-templates', 'preview'], mutationFn: previewMessage });
}

/** A mutation, though it changes nothing: it renders what is being typed, on request. */
export function usePreviewMessage() {
  return useMutation(previewMessageMutationOptions());
}
