import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { Period } from '../lib/period';
import { statsQueryKey } from './get-churn';

export type SalesReport = components['schemas']['SalesReport'];
export type CurrencySales = components['schemas']['CurrencySales'];
export type SalesGroup = components['schemas']['SalesGroup'];
export type SalesGroupBy = components['schemas']['SalesGrouping'];

/** The series' groupings, month first (the default). */
export const SALES_GROUPINGS = ['MONTH', 'REP', 'SOURCE', 'COUNTRY', 'PRODUCT'] as const satisfies readonly SalesGroupBy[];

export function getSales(period: Period, groupBy: SalesGroupBy) {
  return unwrap(apiClient.GET('/api/v1/stats/sales', { params: { query: { ...period, groupBy } } }));
}

export function salesQueryOptions(period: Period, groupBy: SalesGroupBy) {
  return queryOptions({
    queryKey: [...statsQueryKey, 'sales', period, groupBy],
    queryFn: () => getSales(period, groupBy),
    // The old figures stay while another period or grouping loads.
    placeholderData: keepPreviousData,
  });
}

/** Reps get their own figures: the API scopes them (scope OWN). */
export function useSales(period: Period, groupBy: SalesGroupBy) {
  return useQuery(salesQueryOptions(period, groupBy));
}
