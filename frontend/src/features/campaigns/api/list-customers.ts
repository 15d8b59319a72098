import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type CustomerSummary = Pick<components['schemas']['Customer'], 'id' | 'name' | 'companyName' | 'email'>;

const PREVIEW_CHOICES = 50;

/** The first customers the caller sees, newest first: someone to render a preview for. */
export async function listPreviewCustomers(): Promise<CustomerSummary[]> {
  const page = await unwrap(apiClient.GET('/api/v1/customers', { params: { query: { limit: PREVIEW_CHOICES } } }));
  return page.items.map(({ id, name, companyName, email }) => ({ id, name, companyName, email }));
}

export function previewCustomersQueryOptions() {
  return queryOptions({ queryKey: ['customers', 'list', 'preview-choices'], queryFn: listPreviewCustomers, staleTime: 60_000 });
}

export function usePreviewCustomers() {
  return useQuery(previewCustomersQueryOptions());
}
