import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type CustomField = components['schemas']['CustomField'];
export type CustomFieldType = components['schemas']['CustomFieldType'];

export const FIELD_TYPES = ['TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT'] as const satisfies readonly CustomFieldType[];

export function listCustomFields() {
  return unwrap(apiClient.GET('/api/v1/custom-fields'));
}

/** Every custom-fields query starts with this; the list key is shared with the customers screens. */
export const customFieldsQueryKey = ['custom-fields'] as const;
export const customFieldsListQueryKey = [...customFieldsQueryKey, 'list'] as const;

export function customFieldsQueryOptions() {
  return queryOptions({ queryKey: customFieldsListQueryKey, queryFn: listCustomFields });
}

export function useCustomFields() {
  return useQuery(customFieldsQueryOptions());
}
