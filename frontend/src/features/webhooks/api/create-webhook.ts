import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { webhooksQueryKey } from './list-webhooks';

export type CreateWebhookInput = components['schemas']['CreateWebhookRequest'];
/** The new subscription and its signing secret: the secret is in this answer only. */
export type CreatedWebhook = components['schemas']['CreatedWebhook'];

export function createWebhook(body: CreateWebhookInput) {
  return unwrap(apiClient.POST('/api/v1/webhooks', { body }));
}

export function createWebhookMutationOptions() {
  return mutationOptions({
    mutationKey: ['webhooks', 'create'],
    mutationFn: createWebhook,
    // Refetch rather than insert: the list is the server's, newest first.
    onSuccess: (_created, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}

export function useCreateWebhook() {
  return useMutation(createWebhookMutationOptions());
}
