import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { Period } from '../lib/period';

export type ChurnReport = components['schemas']['ChurnReport'];
export type ChurnFigures = components['schemas']['ChurnFigures'];
export type ChurnReason = components['schemas']['ChurnReason'];
export type ChurnGroup = components['schemas']['ChurnGroup'];
export type ChurnGroupBy = 'month' | 'rep' | 'source' | 'stage' | 'pool';

export const BREAKDOWNS = ['rep', 'source', 'stage', 'pool'] as const satisfies readonly ChurnGroupBy[];

export type ChurnGrouping = components['schemas']['ChurnGrouping'];

export function getChurn(period: Period, groupBy: ChurnGroupBy) {
  // The contract spells the grouping as the report does (MONTH); the screens keep their lower-case names.
  const grouping = groupBy.toUpperCase() as ChurnGrouping;
  return unwrap(apiClient.GET('/api/v1/stats/churn', { params: { query: { ...period, groupBy: grouping } } }));
}

/** Every statistics query starts with this. */
export const statsQueryKey = ['stats'] as const;

export function churnQueryOptions(period: Period, groupBy: ChurnGroupBy) {
  return queryOptions({
    queryKey: [...statsQueryKey, 'churn', period, groupBy],
    queryFn: () => getChurn(period, groupBy),
    // The old figures stay while another period loads: the charts do not collapse and jump.
    placeholderData: keepPreviousData,
  });
}

export function useChurn(period: Period, groupBy: ChurnGroupBy) {
  return useQuery(churnQueryOptions(period, groupBy));
}
