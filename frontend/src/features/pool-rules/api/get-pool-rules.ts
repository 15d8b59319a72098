import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { toApiError } from '@/lib/problem';

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
