import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { webhookDeliveriesQueryKey } from './list-webhook-deliveries';

export type WebhookDeliveryDetail = components['schemas']['WebhookDeliveryDetail'];
export type WebhookDeliveryAttempt = components['schemas']['WebhookDeliveryAttempt'];

/** One delivery: the exact body sent and every attempt. */
export function getWebhookDelivery(webhookId: number, deliveryId: number) {
  return unwrap(
    apiClient.GET('/api/v1/webhooks/{id}/deliveries/{deliveryId}', { params: { path: { id: webhookId, deliveryId } } }),
  );
}

export function webhookDeliveryQueryOptions(webhookId: number, deliveryId: number) {
  return queryOptions({
    queryKey: [...webhookDeliveriesQueryKey(webhookId), 'detail', deliveryId],
    queryFn: () => getWebhookDelivery(webhookId, deliveryId),
  });
}

export function useWebhookDelivery(webhookId: number, deliveryId: number) {
  return useQuery(webhookDeliveryQueryOptions(webhookId, deliveryId));
}
