import { apiClient } from './api-client';
import type { paths } from './api/schema';
import { withCustomFieldParams } from './custom-field-query';
import { unwrapFile } from './download';

type ExportQuery = NonNullable<paths['/api/v1/exports/customers.csv']['get']['parameters']['query']>;
type XlsxExportQuery = NonNullable<paths['/api/v1/exports/customers.xlsx']['get']['parameters']['query']>;

/** The file formats a customer export comes in. */
export type ExportFormat = 'csv' | 'xlsx';

/** A list screen's query without what only the list knows (its order, the total count): the filters. */
export function filtersOf(query: Record<string, string | string[]>): Record<string, string | string[]> {
  const { sort: _sort, includeTotal: _includeTotal, ...filters } = query;
  return filters;
}

/** The customers the screening filters select, as a CSV file (GET /exports/customers.csv). */
export function exportCustomersCsv(filters: Record<string, string | string[]>, fallbackName: string) {
  return unwrapFile(
    apiClient.GET('/api/v1/exports/customers.csv', {
      // Every screening filter of GET /customers is accepted; the contract's types name only q.
      params: { query: withCustomFieldParams(filters) as unknown as ExportQuery },
      parseAs: 'blob',
    }),
    fallbackName,
  );
}

/** The same customers and columns as an Excel workbook (GET /exports/customers.xlsx), which has no `bom`. */
export function exportCustomersXlsx(filters: Record<string, string | string[]>, fallbackName: string) {
  const { bom: _bom, ...rest } = filters;
  return unwrapFile(
    apiClient.GET('/api/v1/exports/customers.xlsx', {
      params: { query: withCustomFieldParams(rest) as unknown as XlsxExportQuery },
      parseAs: 'blob',
    }),
    fallbackName,
  );
}
