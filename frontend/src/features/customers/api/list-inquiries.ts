import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { INQUIRY_CHANNELS, type InquiryChannel } from '@/lib/domain';

export { INQUIRY_CHANNELS, type InquiryChannel };
import { customersQueryKey } from './list-customers';

export type Inquiry = components['schemas']['Inquiry'];
/** The catalogue product an inquiry was matched to, with its stock now. */
export type ProductRef = components['schemas']['ProductRef'];

const PAGE_SIZE = 20;

export function listInquiries(customerId: number, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/customers/{customerId}/inquiries', {
      params: { path: { customerId }, query: { limit: PAGE_SIZE, cursor } },
    }),
  );
}

export function inquiriesQueryOptions(customerId: number) {
  return infiniteQueryOptions({
    // Under the customers key: a merge or an undo moves inquiries, and refreshes every customers query.
    queryKey: [...customersQueryKey, 'inquiries', customerId],
    queryFn: ({ pageParam }) => listInquiries(customerId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useInquiries(customerId: number) {
  return useInfiniteQuery(inquiriesQueryOptions(customerId));
}
