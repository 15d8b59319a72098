import { mutationOptions, useMutation, type InfiniteData } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { webhooksListQueryKey, webhooksQueryKey, type Webhook, type WebhookPage } from './list-webhooks';

/** Deletes a subscription with its delivery log; its pending deliveries are dropped. */
export function deleteWebhook(webhook: Pick<Webhook, 'id'>) {
  return unwrap(apiClient.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } } }));
}

export function deleteWebhookMutationOptions() {
  return mutationOptions({
    mutationKey: ['webhooks', 'delete'],
    mutationFn: deleteWebhook,
    onSuccess: (_nothing, deleted, _onMutateResult, { client }) => {
      client.setQueryData<InfiniteData<WebhookPage>>(webhooksListQueryKey, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== deleted.id) })),
        },
      );
      client.removeQueries({ queryKey: [...webhooksQueryKey, deleted.id] });
      void client.invalidateQueries({ queryKey: webhooksListQueryKey });
    },
    onError: (error, _input, _onMutateResult, { client }) => {
      if (error instanceof ApiError && error.status === 404) void client.invalidateQueries({ queryKey: webhooksQueryKey });
    },
  });
}

export function useDeleteWebhook() {
  return useMutation(deleteWebhookMutationOptions());
}
