import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type CustomField = components['schemas']['CustomField'];

export function listCustomFields() {
  return unwrap(apiClient.GET('/api/v1/custom-fields'));
}

/** The same key as Settings → Custom fields uses. */
export const customFieldsListQueryKey = ['custom-fields', 'list'] as const;

export function customFieldsQueryOptions() {
  return queryOptions({ queryKey: customFieldsListQueryKey, queryFn: listCustomFields });
}

export function useCustomFields() {
  return useQuery(customFieldsQueryOptions());
}
