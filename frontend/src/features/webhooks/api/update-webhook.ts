import { mutationOptions, useMutation, type InfiniteData } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { ApiError } from '@/lib/problem';
import { webhooksListQueryKey, webhooksQueryKey, type Webhook, type WebhookPage } from './list-webhooks';

export type UpdateWebhookInput = components['schemas']['UpdateWebhookRequest'];

/** Changes what is given: `enabled: false` pauses it, `enabled: true` enables it again (and sends what is pending). */
export function updateWebhook({ id, ...body }: UpdateWebhookInput & Pick<Webhook, 'id'>) {
  return unwrap(apiClient.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body }));
}

export function updateWebhookMutationOptions() {
  return mutationOptions({
    mutationKey: ['webhooks', 'update'],
    mutationFn: updateWebhook,
    onSuccess: (updated, _input, _onMutateResult, { client }) => {
      // Shown as the server has it now at once, then everything read again (its pending deliveries may go out).
      client.setQueryData<InfiniteData<WebhookPage>>(webhooksListQueryKey, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === updated.id ? updated : item)),
          })),
        },
      );
      void client.invalidateQueries({ queryKey: webhooksQueryKey });
    },
    onError: (error, _input, _onMutateResult, { client }) => {
      // Gone meanwhile: show what the server has now.
      if (error instanceof ApiError && error.status === 404) void client.invalidateQueries({ queryKey: webhooksQueryKey });
    },
  });
}

export function useUpdateWebhook() {
  return useMutation(updateWebhookMutationOptions());
}
