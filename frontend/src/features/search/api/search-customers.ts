import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type FoundCustomer = components['schemas']['Customer'] & { inPool: boolean };

/** Enough to recognise a customer and go there; "see all" opens the full list. */
export const RESULT_LIMIT = 8;
const POOL_RESULT_LIMIT = 5;
/** The shortest text searched: one Latin letter matches half the store, one Chinese character does not. */
export function searchable(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 2 || /[^\u0000-\u024f]/.test(trimmed);
}

/**
 * The caller's customers (a rep's own, everyone's for a manager) and the pool's, matching by name, company, e-mail,
 * phone digits or an IM handle — the list's `q`. A customer found in both (a manager's list holds the pool's too)
 * is listed once, as a pool customer: that is what the person may do with it.
 */
export async function searchCustomers(text: string, signal?: AbortSignal): Promise<FoundCustomer[]> {
  const q = text.trim();
  const [mine, pool] = await Promise.all([
    unwrap(apiClient.GET('/api/v1/customers', { params: { query: { q, limit: RESULT_LIMIT } }, signal })),
    unwrap(apiClient.GET('/api/v1/pool', { params: { query: { q, limit: POOL_RESULT_LIMIT } }, signal })),
  ]);
  const poolIds = new Set(pool.items.map((customer) => customer.id));
  return [
    ...mine.items.filter((customer) => !poolIds.has(customer.id)).map((customer) => ({ ...customer, inPool: false })),
    ...pool.items.map((customer) => ({ ...customer, inPool: true })),
  ];
}

export function customerSearchQueryOptions(text: string) {
  return queryOptions({
    queryKey: ['customers', 'list', 'search', text.trim()],
    queryFn: ({ signal }) => searchCustomers(text, signal),
    enabled: searchable(text),
    staleTime: 30_000,
    // The previous results stay while the next ones load: the list does not flicker at each key.
    placeholderData: keepPreviousData,
  });
}

export function useCustomerSearch(text: string) {
  return useQuery(customerSearchQueryOptions(text));
}
