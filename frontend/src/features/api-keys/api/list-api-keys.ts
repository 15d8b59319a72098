import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyScope = components['schemas']['ApiKeyScope'];
export type ApiKeyStatus = components['schemas']['ApiKeyStatus'];
export type ApiKeyPage = components['schemas']['ApiKeyPage'];

/** Every scope, in the order the form offers them: each area's read before its write. */
export const API_KEY_SCOPES = [
  'customers:read',
  'customers:write',
  'inquiries:read',
  'inquiries:write',
  'pool:write',
  'orders:read',
  'orders:write',
  'products:read',
  'products:write',
  'stats:read',
  'webhooks:manage',
] as const satisfies readonly ApiKeyScope[];

const PAGE_SIZE = 50;

/** The store's keys, newest first, revoked and expired ones included; never a key's secret. */
export function listApiKeys(cursor?: string) {
  return unwrap(apiClient.GET('/api/v1/api-keys', { params: { query: { limit: PAGE_SIZE, cursor } } }));
}

/** Every API-key query starts with this, so one invalidation refreshes them all. */
export const apiKeysQueryKey = ['api-keys'] as const;
export const apiKeysListQueryKey = [...apiKeysQueryKey, 'list'] as const;

export function apiKeysListQueryOptions() {
  return infiniteQueryOptions({
    queryKey: apiKeysListQueryKey,
    queryFn: ({ pageParam }) => listApiKeys(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useApiKeys() {
  return useInfiniteQuery(apiKeysListQueryOptions());
}
