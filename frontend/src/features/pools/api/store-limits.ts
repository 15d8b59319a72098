import { mutationOptions, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { toApiError } from '@/lib/problem';

/** Limits counted across all of the store's pools together, on top of each pool's own rules; 0: none. */
export type StoreLimits = components['schemas']['PoolStoreLimits'];

/** The limits with the ETag of their version, for If-Match on save. */
export interface VersionedStoreLimits {
  limits: StoreLimits;
  etag: string | null;
}

const storeLimitsKey = ['pool-store-limits'] as const;

export async function getStoreLimits(): Promise<VersionedStoreLimits> {
  const { data, error, response } = await apiClient.GET('/api/v1/pool/limits');
  if (!response.ok || !data) throw toApiError(error, response);
  return { limits: data, etag: response.headers.get('ETag') };
}

export function storeLimitsQueryOptions() {
  return queryOptions({ queryKey: storeLimitsKey, queryFn: getStoreLimits });
}

export function useStoreLimits() {
  return useQuery(storeLimitsQueryOptions());
}

export interface SaveStoreLimitsInput {
  limits: StoreLimits;
  /** The version the admin edited; a stale one answers 412. */
  etag: string | null;
}

export async function saveStoreLimits({ limits, etag }: SaveStoreLimitsInput): Promise<VersionedStoreLimits> {
  const { data, error, response } = await apiClient.PUT('/api/v1/pool/limits', {
    params: { header: etag ? { 'If-Match': etag } : {} },
    body: limits,
  });
  if (!response.ok || !data) throw toApiError(error, response);
  return { limits: data, etag: response.headers.get('ETag') };
}

export function saveStoreLimitsMutationOptions() {
  return mutationOptions({
    mutationKey: ['pool-store-limits', 'save'],
    mutationFn: saveStoreLimits,
    onSuccess: (saved, _input, _onMutateResult, { client }) => client.setQueryData(storeLimitsKey, saved),
    // A refusal for a stale version: fetch the limits someone else saved.
    onError: (_error, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: storeLimitsKey }),
  });
}

export function useSaveStoreLimits() {
  return useMutation(saveStoreLimitsMutationOptions());
}
