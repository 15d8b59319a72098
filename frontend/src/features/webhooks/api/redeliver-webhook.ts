import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { webhooksQueryKey } from './list-webhooks';

export interface RedeliverInput {
  webhookId: number;
  deliveryId: number;
}

/** Sends a delivery again as the same message (same `webhook-id`), due now with a fresh retry window (202). */
export function redeliverWebhook({ webhookId, deliveryId }: RedeliverInput) {
  return unwrap(
    apiClient.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
      params: { path: { id: webhookId, deliveryId } },
    }),
  );
}

export function redeliverWebhookMutationOptions() {
  return mutationOptions({
    mutationKey: ['webhooks', 'redeliver'],
    mutationFn: redeliverWebhook,
    // Pending again: the log, its detail and the subscription's pending count change.
    onSuccess: (_delivery, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}

export function useRedeliverWebhook() {
  return useMutation(redeliverWebhookMutationOptions());
}
