import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { webhooksQueryKey } from './list-webhooks';

export type WebhookDelivery = components['schemas']['WebhookDelivery'];
/** By the delivery's own member, whatever name the contract gives the enum. */
export type DeliveryStatus = WebhookDelivery['status'];
export type WebhookDeliveryPage = components['schemas']['WebhookDeliveryPage'];

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const satisfies readonly DeliveryStatus[];

const PAGE_SIZE = 50;

/** A subscription's delivery log, newest first (kept 30 days), optionally of one status only. */
export function listWebhookDeliveries(webhookId: number, status: DeliveryStatus | undefined, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/webhooks/{id}/deliveries', {
      params: { path: { id: webhookId }, query: { limit: PAGE_SIZE, cursor, status } },
    }),
  );
}

/** Everything read about one subscription's deliveries starts with this. */
export function webhookDeliveriesQueryKey(webhookId: number) {
  return [...webhooksQueryKey, webhookId, 'deliveries'] as const;
}

export function webhookDeliveriesQueryOptions(webhookId: number, status?: DeliveryStatus) {
  return infiniteQueryOptions({
    queryKey: [...webhookDeliveriesQueryKey(webhookId), 'list', status ?? 'ALL'],
    queryFn: ({ pageParam }) => listWebhookDeliveries(webhookId, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useWebhookDeliveries(webhookId: number, status?: DeliveryStatus) {
  return useInfiniteQuery(webhookDeliveriesQueryOptions(webhookId, status));
}
