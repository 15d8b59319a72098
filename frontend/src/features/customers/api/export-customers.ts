import { useMutation } from '@tanstack/react-query';
import { exportCustomersCsv, filtersOf } from '@/lib/customer-export';
import { saveBlob } from '@/lib/download';
import type { CustomerQuery } from './list-customers';

export function exportCustomers(query: CustomerQuery) {
  return exportCustomersCsv(filtersOf(query), 'customers.csv');
}

/** Downloads the customers the screen's filters select, with the session's token. */
export function useExportCustomers() {
  return useMutation({
    mutationKey: ['customers', 'export'],
    mutationFn: exportCustomers,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
}
