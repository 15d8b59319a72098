import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { paths } from '@/lib/api/schema';
import { saveBlob, unwrapFile } from '@/lib/download';
import type { PoolQuery } from './list-pool';

type ExportQuery = NonNullable<paths['/api/v1/exports/customers.csv']['get']['parameters']['query']>;

/** The pool screen's filters as an export of customers without owner (contacts masked as in the pool). */
export function poolExportQuery(query: PoolQuery): Record<string, unknown> {
  const { sort: _sort, includeTotal: _includeTotal, ...filters } = query;
  return { ...filters, ownerId: 'none' };
}

export function exportPool(query: PoolQuery) {
  return unwrapFile(
    apiClient.GET('/api/v1/exports/customers.csv', {
      params: { query: poolExportQuery(query) as unknown as ExportQuery },
      parseAs: 'blob',
    }),
    'pool.csv',
  );
}

export function useExportPool() {
  return useMutation({
    mutationKey: ['pool', 'export'],
    mutationFn: exportPool,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
}
