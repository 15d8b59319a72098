import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components, paths } from '@/lib/api/schema';
import { countUpTo } from '@/components/list-total';
import { withCustomFieldParams } from '@/lib/custom-field-query';

export { STAGES, STARS } from '@/lib/domain';

export type Customer = components['schemas']['Customer'];
export type CustomerPage = components['schemas']['CustomerPage'];
export type CustomerStage = components['schemas']['CustomerStage'];
export type CustomerSource = components['schemas']['CustomerSource'];
export type CustomerStatus = components['schemas']['CustomerStatus'];
export type CustomerFilter = components['schemas']['CustomerFilter'];

type ListQuery = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

/** The list's query parameters as they appear in the page URL (repeated ones as arrays; `cf.<key>` included). */
export type CustomerQuery = Record<string, string | string[]>;

export const SOURCES = [
  'ALIBABA_INQUIRY',
  'IM_INQUIRY',
  'EXHIBITION',
  'SEARCH_ENGINE',
  'ECOMMERCE_PLATFORM',
  'REFERRAL',
  'MANUAL',
  'IMPORT',
  'OTHER',
] as const satisfies readonly CustomerSource[];
export const STATUSES = ['ACTIVE', 'LOST'] as const satisfies readonly CustomerStatus[];

export const PAGE_SIZE = 50;

export function listCustomers(query: CustomerQuery, cursor?: string) {
  return unwrap(
    apiClient.GET('/api/v1/customers', {
      // The URL's cf.<key> become the contract's customField=key:value.
      params: { query: withCustomFieldParams({ ...query, limit: PAGE_SIZE, cursor, countUpTo: countUpTo(query, cursor) }) as ListQuery },
    }),
  );
}

/** Every customers query starts with this, so one invalidation refreshes them all. */
export const customersQueryKey = ['customers'] as const;

export function customersListQueryOptions(query: CustomerQuery) {
  return infiniteQueryOptions({
    queryKey: [...customersQueryKey, 'list', query],
    queryFn: ({ pageParam }) => listCustomers(query, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Keep showing the previous result while a new filter loads: no layout jump.
    placeholderData: keepPreviousData,
  });
}

export function useCustomers(query: CustomerQuery) {
  return useInfiniteQuery(customersListQueryOptions(query));
}
