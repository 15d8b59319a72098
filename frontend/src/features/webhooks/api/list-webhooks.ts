import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Webhook = components['schemas']['Webhook'];
export type WebhookEventType = components['schemas']['WebhookEventType'];
export type WebhookPage = components['schemas']['WebhookPage'];

/** Every event a subscription can listen to, in the order the form offers them: the customer's life first. */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.claimed',
  'customer.assigned',
  'customer.released',
  'customer.returned',
  'inquiry.received',
  'followup.created',
  'import.finished',
  'order.paid',
  'webhook.disabled',
] as const satisfies readonly WebhookEventType[];

/** The events about a customer, which the form can tick all at once. */
export const CUSTOMER_EVENT_TYPES: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES.filter((type) => type.startsWith('customer.'));

const PAGE_SIZE = 50;

/** The store's subscriptions, newest first; never a secret. */
export function listWebhooks(cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/webhooks', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

/** Every webhook query starts with this (the delivery logs too), so one invalidation refreshes them all. */
export const webhooksQueryKey = ['webhooks'] as const;
export const webhooksListQueryKey = [...webhooksQueryKey, 'list'] as const;

export function webhooksListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: webhooksListQueryKey,
    queryFn: ({ pageParam }) => listWebhooks(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useWebhooks() {
  return useInfiniteQuery(webhooksListQueryOptions());
}
