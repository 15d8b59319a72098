import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { PoolRules } from '@/lib/pool-rules';

export type PoolRulesPreview = components['schemas']['PoolRulesPreview'];

export function previewPoolRules(rules: PoolRules) {
  return unwrap(apiClient.POST('/api/v1/pool/rules/preview', { body: rules }));
}

/** A read, though sent with POST: the same candidate rules give the same counts, so cache them. */
export function poolRulesPreviewQueryOptions(rules: PoolRules | null) {
  return queryOptions({
    queryKey: ['pool-rules', 'preview', rules],
    queryFn: () => previewPoolRules(rules as PoolRules),
    enabled: rules !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function usePoolRulesPreview(rules: PoolRules | null) {
  return useQuery(poolRulesPreviewQueryOptions(rules));
}
