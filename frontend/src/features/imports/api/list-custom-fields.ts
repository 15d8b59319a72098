import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type CustomField = components['schemas']['CustomField'];

/** The store's custom fields: columns can be imported into them (`cf.<key>`). */
export function listCustomFields() {
  return unwrap(apiClient.GET('/api/v1/custom-fields'));
}

export function customFieldsQueryOptions() {
  // The same key as Settings → Custom fields and the customer screens: one cache entry.
  return queryOptions({ queryKey: ['custom-fields', 'list'], queryFn: listCustomFields });
}

export function useCustomFields() {
  return useQuery(customFieldsQueryOptions());
}
