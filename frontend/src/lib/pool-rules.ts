// Each pool's rules: edited on the pool-rules screen, read wherever a return timer is shown (its pool's warning
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

/** Every store's default pool has id 0: its rules apply where no pool is named. */
export const DEFAULT_POOL_ID = 0;

export async function getPoolRules(poolId: number = DEFAULT_POOL_ID): Promise<VersionedPoolRules> {
  const { data, error, response } = await apiClient.GET('/api/v1/pool/rules', { params: { query: { poolId } } });
  if (!response.ok || !data) throw toApiError(error, response);
  return { rules: data, etag: response.headers.get('ETag') };
}

export function poolRulesQueryKey(poolId: number = DEFAULT_POOL_ID) {
  return ['pool-rules', poolId] as const;
}

export function poolRulesQueryOptions(poolId: number = DEFAULT_POOL_ID) {
  return queryOptions({ queryKey: poolRulesQueryKey(poolId), queryFn: () => getPoolRules(poolId) });
}

export function usePoolRules(poolId: number = DEFAULT_POOL_ID) {
  return useQuery(poolRulesQueryOptions(poolId));
}

/** The contacts whose visibility each pool chooses (PoolRules.fieldVisibility), in the order screens list them. */
export const CONTACT_FIELDS = ['email', 'phone', 'mobile', 'fax', 'imAccounts', 'website'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * The contacts of a pool's customers a rep does not see at all before claiming (HIDDEN while the pool masks), so
 * that a screen can say they are hidden rather than leave the rep to think there are none. Empty until known, or
 * when `enabled` is false (anyone who sees the customer whole).
 */
export function usePoolHiddenContacts(poolId: number, enabled: boolean): ContactField[] {
  const { data } = useQuery({ ...poolRulesQueryOptions(poolId), staleTime: 5 * 60_000, retry: false, enabled });
  const rules = data?.rules;
  if (!enabled || !rules?.maskContacts) return [];
  return CONTACT_FIELDS.filter((field) => rules.fieldVisibility?.[field] === 'HIDDEN');
}

/** Days before a return at which timers turn urgent when a pool's rules cannot be read (warnDaysBeforeReturn). */
export const DEFAULT_WARN_DAYS = 3;

/** The warning window of the customer's pool (each pool has its own). */
export function usePoolWarnDays(poolId: number = DEFAULT_POOL_ID): number {
  // Rules change rarely; a saved change updates this query at once (update-pool-rules sets its data). A rep may own
  // a customer of a pool they have since left, whose rules they cannot read: the default window then, no retries.
  const { data } = useQuery({ ...poolRulesQueryOptions(poolId), staleTime: 5 * 60_000, retry: false });
  const days = data?.rules.warnDaysBeforeReturn;
  return typeof days === 'number' ? days : DEFAULT_WARN_DAYS;
}
