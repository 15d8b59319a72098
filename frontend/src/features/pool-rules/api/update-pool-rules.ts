import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { toApiError } from '@/lib/problem';
import { poolRulesQueryKey, type PoolRules, type VersionedPoolRules } from '@/lib/pool-rules';

export interface UpdatePoolRulesInput {
  poolId: number;
  rules: PoolRules;
  /** The version the admin edited; a stale one answers 412. */
  etag: string | null;
}

export async function updatePoolRules({ poolId, rules, etag }: UpdatePoolRulesInput): Promise<VersionedPoolRules> {
  const { data, error, response } = await apiClient.PUT('/api/v1/pool/rules', {
    params: { query: { poolId }, header: etag ? { 'If-Match': etag } : {} },
    body: rules,
  });
  if (!response.ok || !data) throw toApiError(error, response);
  return { rules: data, etag: response.headers.get('ETag') };
}

export function updatePoolRulesMutationOptions() {
  return mutationOptions({
    mutationKey: ['pool-rules', 'update'],
    mutationFn: updatePoolRules,
    onSuccess: (saved, { poolId }, _onMutateResult, { client }) => {
      client.setQueryData(poolRulesQueryKey(poolId), saved);
      // Timers on customers and the return warnings follow the rules.
      void client.invalidateQueries({ queryKey: ['customers'] });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useUpdatePoolRules() {
  return useMutation(updatePoolRulesMutationOptions());
}
