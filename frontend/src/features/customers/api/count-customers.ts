import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { paths } from '@/lib/api/schema';
import { withCustomFieldParams } from '@/lib/custom-field-query';
import { customersQueryKey, type CustomerQuery } from './list-customers';

type ListQuery = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

/** The list query's filters alone: its order and total flag do not change how many match. */
function filtersOf(query: CustomerQuery): CustomerQuery {
  const { sort: _sort, includeTotal: _includeTotal, ...filters } = query;
  return filters;
}

/** How many customers the list's filters match: the list asked for one row and the total (includeTotal). */
export async function countCustomers(query: CustomerQuery): Promise<number | null> {
  const page = await unwrap(
    apiClient.GET('/api/v1/customers', {
      // The URL's cf.<key> become the contract's customField=key:value.
      params: { query: withCustomFieldParams({ ...filtersOf(query), limit: 1, includeTotal: true }) as ListQuery },
    }),
  );
  return page.total ?? null;
}

export function customersCountQueryOptions(query: CustomerQuery) {
  const filters = filtersOf(query);
  return queryOptions({
    // Under customersQueryKey: a batch action's invalidation recounts too.
    queryKey: [...customersQueryKey, 'count', filters],
    queryFn: () => countCustomers(filters),
  });
}

/** The number of matches, asked only when `enabled` (counting costs the server more than a page). */
export function useCustomersCount(query: CustomerQuery, enabled: boolean) {
  return useQuery({ ...customersCountQueryOptions(query), enabled });
}
