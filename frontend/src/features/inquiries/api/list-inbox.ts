import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { INQUIRY_CHANNELS, isInquiryChannel, type InquiryChannel } from '@/lib/domain';

export { INQUIRY_CHANNELS, isInquiryChannel, type InquiryChannel };

export type InboxInquiry = components['schemas']['InboxInquiry'];
export type InboxCustomer = components['schemas']['InboxCustomer'];

/** The inbox's filters as the API takes them; from and to are days of the store's calendar (yyyy-mm-dd). */
export interface InboxFilters {
  channel?: InquiryChannel;
  /** true: returning buyers only; false: new buyers only. */
  repeat?: boolean;
  /** Only inquiries whose buyer's owner had changed since their previous inquiry. */
  ownerChanged?: true;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

export function listInbox(filters: InboxFilters, cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/inquiries', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } } }));
}

/**
 * Under the customers key: the inbox shows each customer's owner now, so claiming, releasing, assigning, merging or
 * undoing a merge (which all refresh every customers query) refreshes it too.
 */
export const inboxQueryKey = ['customers', 'inbox'] as const;

export function inboxQueryOptions(filters: InboxFilters) {
  return infiniteQueryOptions({
    queryKey: [...inboxQueryKey, filters],
    queryFn: ({ pageParam }) => listInbox(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInbox(filters: InboxFilters) {
  return useInfiniteQuery(inboxQueryOptions(filters));
}
