// The rules query is shared with the return timers (src/lib/pool-rules.ts); this screen edits what it reads.
export { getPoolRules, poolRulesQueryKey, poolRulesQueryOptions, usePoolRules } from '@/lib/pool-rules';
export type { PoolRules, VersionedPoolRules } from '@/lib/pool-rules';
