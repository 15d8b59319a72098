import { describe, expect, it } from 'vitest';
import { mockFetch } from '@/testing/fetch-mock';
import { exportCustomersCsv, exportCustomersXlsx } from './customer-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('customer exports', () => {
  it('asks for the workbook with the same filters as the CSV, custom fields converted, without bom', async () => {
    const { requests } = mockFetch(
      () => new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), { headers: { 'Content-Type': XLSX } }),
    );
    const filters = {
      q: 'miller',
      stage: ['INQUIRY', 'QUOTED'],
      'cf.incoterm': ['FOB', 'CIF'],
      columns: 'name,email',
      bom: 'true',
    };

    const file = await exportCustomersXlsx(filters, 'customers.xlsx');
    await exportCustomersCsv(filters, 'customers.csv');

    expect(file.fileName).toBe('customers.xlsx');
    const [xlsx, csv] = requests.map((request) => new URL(request.url));
    expect(xlsx?.pathname).toBe('/api/v1/exports/customers.xlsx');
    expect(csv?.pathname).toBe('/api/v1/exports/customers.csv');
    const query = xlsx?.searchParams;
    expect(query?.get('q')).toBe('miller');
    expect(query?.getAll('stage')).toEqual(['INQUIRY', 'QUOTED']);
    expect(query?.getAll('customField')).toEqual(['incoterm:FOB', 'incoterm:CIF']);
    expect(query?.get('columns')).toBe('name,email');
    expect(query?.has('bom')).toBe(false);
    // Everything but bom is what the CSV export sends.
    const withoutBom = new URLSearchParams(csv?.search);
    withoutBom.delete('bom');
    expect(query?.toString()).toBe(withoutBom.toString());
  });
});
