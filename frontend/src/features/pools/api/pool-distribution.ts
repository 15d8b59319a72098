import { keepPreviousData, mutationOptions, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { poolsQueryKey } from '@/lib/pools';

export type PoolDistribution = components['schemas']['PoolDistribution'];
export type DistributionInput = components['schemas']['PoolDistributionInput'];
export type DistributionPreview = components['schemas']['DistributionPreview'];
export type DistributionMode = components['schemas']['DistributionMode'];

export const DISTRIBUTION_MODES: readonly DistributionMode[] = ['OFF', 'ROUND_ROBIN', 'CAPACITY'];

const distributionKey = (poolId: number) => ['pool-distribution', poolId] as const;

export function getDistribution(poolId: number) {
  return unwrap(apiClient.GET('/api/v1/pools/{id}/distribution', { params: { path: { id: poolId } } }));
}

export function distributionQueryOptions(poolId: number) {
  return queryOptions({ queryKey: distributionKey(poolId), queryFn: () => getDistribution(poolId) });
}

export function useDistribution(poolId: number) {
  return useQuery(distributionQueryOptions(poolId));
}

export function previewDistribution(poolId: number, settings: DistributionInput) {
  return unwrap(apiClient.POST('/api/v1/pools/{id}/distribution/preview', { params: { path: { id: poolId } }, body: settings }));
}

/** A read, though sent with POST: the same settings give the same answer for a while, so cache it briefly. */
export function distributionPreviewQueryOptions(poolId: number, settings: DistributionInput | null) {
  return queryOptions({
    queryKey: [...distributionKey(poolId), 'preview', settings],
    queryFn: () => previewDistribution(poolId, settings as DistributionInput),
    enabled: settings !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useDistributionPreview(poolId: number, settings: DistributionInput | null) {
  return useQuery(distributionPreviewQueryOptions(poolId, settings));
}

export interface SaveDistributionInput {
  poolId: number;
  version: number;
  settings: DistributionInput;
}

export function saveDistribution({ poolId, version, settings }: SaveDistributionInput) {
  return unwrap(
    apiClient.PUT('/api/v1/pools/{id}/distribution', {
      params: { path: { id: poolId }, header: { 'If-Match': `"${version}"` } },
      body: settings,
    }),
  );
}

export function useSaveDistribution() {
  return useMutation(
    mutationOptions({
      mutationKey: ['pool-distribution', 'save'],
      mutationFn: saveDistribution,
      onSettled: (_saved, _error, { poolId }, _onMutateResult, { client }) =>
        client.invalidateQueries({ queryKey: distributionKey(poolId) }),
    }),
  );
}

export function runDistribution(poolId: number) {
  return unwrap(apiClient.POST('/api/v1/pools/{id}/distribution/run', { params: { path: { id: poolId } } }));
}

/** Distribute now: the pools' customer counts and this preview change. */
export function useRunDistribution() {
  return useMutation(
    mutationOptions({
      mutationKey: ['pool-distribution', 'run'],
      mutationFn: runDistribution,
      onSettled: async (_result, _error, poolId, _onMutateResult, { client }) => {
        await Promise.all([
          client.invalidateQueries({ queryKey: distributionKey(poolId) }),
          client.invalidateQueries({ queryKey: poolsQueryKey }),
        ]);
      },
    }),
  );
}
