import { useMutation } from '@tanstack/react-query';
import { exportCustomersCsv, filtersOf } from '@/lib/customer-export';
import { saveBlob } from '@/lib/download';
import type { PoolQuery } from './list-pool';

/** The pool screen's filters as an export of the customers without owner (contacts masked as in the pool). */
export function exportPool(query: PoolQuery) {
  return exportCustomersCsv({ ...filtersOf(query), ownerId: 'none' }, 'pool.csv');
}

export function useExportPool() {
  return useMutation({
    mutationKey: ['pool', 'export'],
    mutationFn: exportPool,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
}
