import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { Period } from '../lib/period';
import { statsQueryKey } from './get-churn';

export type FunnelReport = components['schemas']['FunnelReport'];
export type FunnelStage = components['schemas']['FunnelStage'];

export function getFunnel(period: Period) {
  return unwrap(apiClient.GET('/api/v1/stats/funnel', { params: { query: period } }));
}

export function funnelQueryOptions(period: Period) {
  return queryOptions({
    queryKey: [...statsQueryKey, 'funnel', period],
    queryFn: () => getFunnel(period),
    placeholderData: keepPreviousData,
  });
}

export function useFunnel(period: Period) {
  return useQuery(funnelQueryOptions(period));
}
