import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customerMessagingQueryKey } from './keys';

export type Message = components['schemas']['Message'];
export type MessageStatus = components['schemas']['MessageStatus'];
export type SkipReason = components['schemas']['SkipReason'];

export const MESSAGE_STATUSES = [
  'QUEUED',
  'SENT',
  'DELIVERED',
  'BOUNCED',
  'FAILED',
  'SKIPPED',
  'CANCELLED',
  'RECEIVED',
] as const satisfies readonly MessageStatus[];

export const SKIP_REASONS = ['NO_ADDRESS', 'NO_CONSENT', 'UNSUBSCRIBED', 'DUPLICATE_ADDRESS'] as const satisfies readonly SkipReason[];

const PAGE_SIZE = 20;

/** The customer's e-mails and SMS, sent and received, newest first. */
export function listCustomerMessages(customerId: number, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/customers/{id}/messages', {
      params: { path: { id: customerId }, query: { limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function customerMessagesQueryOptions(customerId: number) {
  return infiniteQueryOptions({
    queryKey: [...customerMessagingQueryKey(customerId), 'messages'],
    queryFn: ({ pageParam }) => listCustomerMessages(customerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useCustomerMessages(customerId: number) {
  return useInfiniteQuery(customerMessagesQueryOptions(customerId));
}
