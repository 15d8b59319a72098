import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { Period } from '../lib/period';
import { statsQueryKey } from './get-churn';

export type RepActivityReport = components['schemas']['RepActivityReport'];
export type RepActivity = components['schemas']['RepActivity'];

export function getRepStats(period: Period) {
  return unwrap(apiClient.GET('/api/v1/stats/reps', { params: { query: period } }));
}

export function repStatsQueryOptions(period: Period) {
  return queryOptions({
    queryKey: [...statsQueryKey, 'reps', period],
    queryFn: () => getRepStats(period),
    placeholderData: keepPreviousData,
  });
}

/** Reps get only their own row: the API scopes it (scope OWN). */
export function useRepStats(period: Period) {
  return useQuery(repStatsQueryOptions(period));
}
