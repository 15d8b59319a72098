import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { paths } from '@/lib/api/schema';
import { saveBlob, unwrapFile } from '@/lib/download';
import type { CustomerQuery } from './list-customers';

type ExportQuery = NonNullable<paths['/api/v1/exports/customers.csv']['get']['parameters']['query']>;

/** The list's filters, without what only the list knows (its order, the total count). */
export function exportQueryOf(query: CustomerQuery): CustomerQuery {
  const { sort: _sort, includeTotal: _includeTotal, ...filters } = query;
  return filters;
}

export function exportCustomers(query: CustomerQuery) {
  return unwrapFile(
    apiClient.GET('/api/v1/exports/customers.csv', {
      // Every screening filter is accepted; the contract's types name only q.
      params: { query: exportQueryOf(query) as unknown as ExportQuery },
      parseAs: 'blob',
    }),
    'customers.csv',
  );
}

/** Downloads the customers the screen's filters select, with the session's token. */
export function useExportCustomers() {
  return useMutation({
    mutationKey: ['customers', 'export'],
    mutationFn: exportCustomers,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
}
