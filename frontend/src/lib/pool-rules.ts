// The store's pool rules: edited on the pool-rules screen, read wherever a return timer is shown (its warning
// window says when a timer turns urgent), so the query lives here, shared.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client';
import type { components } from './api/schema';
import { toApiError } from './problem';

export type PoolRules = components['schemas']['PoolRules'];

/** The rules with the ETag of their version, for If-Match on save. */
export interface VersionedPoolRules {
  rules: PoolRules;
  etag: string | null;
}

export async function getPoolRules(): Promise<VersionedPoolRules> {
  const { data, error, response } = await apiClient.GET('/api/v1/pool/rules');
  if (!response.ok || !data) throw toApiError(error, response);
  return { rules: data, etag: response.headers.get('ETag') };
}

export const poolRulesQueryKey = ['pool-rules'] as const;

export function poolRulesQueryOptions() {
  return queryOptions({ queryKey: poolRulesQueryKey, queryFn: getPoolRules });
}

export function usePoolRules() {
  return useQuery(poolRulesQueryOptions());
}

/** Days before a return at which timers turn urgent: the store's warning window (warnDaysBeforeReturn). */
export const DEFAULT_WARN_DAYS = 3;

export function usePoolWarnDays(): number {
  // Rules change rarely; a saved change updates this query at once (update-pool-rules sets its data).
  const { data } = useQuery({ ...poolRulesQueryOptions(), staleTime: 5 * 60_000 });
  const days = data?.rules.warnDaysBeforeReturn;
  return typeof days === 'number' ? days : DEFAULT_WARN_DAYS;
}
