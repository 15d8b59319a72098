import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { PoolRules } from '@/lib/pool-rules';

export type PoolRulesPreview = components['schemas']['PoolRulesPreview'];

export function previewPoolRules(poolId: number, rules: PoolRules) {
  return unwrap(apiClient.POST('/api/v1/pool/rules/preview', { params: { query: { poolId } }, body: rules }));
}

/** A read, though sent with POST: the same candidate rules give the same counts, so cache them. */
export function poolRulesPreviewQueryOptions(poolId: number, rules: PoolRules | null) {
  return queryOptions({
    queryKey: ['pool-rules', 'preview', poolId, rules],
    queryFn: () => previewPoolRules(poolId, rules as PoolRules),
    enabled: rules !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function usePoolRulesPreview(poolId: number, rules: PoolRules | null) {
  return useQuery(poolRulesPreviewQueryOptions(poolId, rules));
}
