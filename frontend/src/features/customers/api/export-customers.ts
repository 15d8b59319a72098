import { useMutation } from '@tanstack/react-query';
import { exportCustomersCsv, exportCustomersXlsx, filtersOf, type ExportFormat } from '@/lib/customer-export';
import { saveBlob } from '@/lib/download';
import type { CustomerQuery } from './list-customers';

export interface CustomerExport {
  query: CustomerQuery;
  format: ExportFormat;
}

export function exportCustomers({ query, format }: CustomerExport) {
  return format === 'xlsx'
    ? exportCustomersXlsx(filtersOf(query), 'customers.xlsx')
    : exportCustomersCsv(filtersOf(query), 'customers.csv');
}

/** Downloads the customers the screen's filters select, as CSV or Excel, with the session's token. */
export function useExportCustomers() {
  return useMutation({
    mutationKey: ['customers', 'export'],
    mutationFn: exportCustomers,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
}
