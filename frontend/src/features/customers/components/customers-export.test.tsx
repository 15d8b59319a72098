import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '@/testing/deferred';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { CustomersScreen, type Role } from './customers-screen';
import { customer, fakeApi, PROBLEMS } from './test-api';

const SLOW = { timeout: 20_000 };

function renderScreen(path: string, role: Role = 'MANAGER') {
  const router = createMemoryRouter([{ path: '/customers', element: <CustomersScreen role={role} /> }], {
    initialEntries: [path],
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

function stubDownloads() {
  const createObjectURL = vi.fn((_blob: Blob) => 'blob:export');
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return { createObjectURL, click };
}

const list = () => jsonResponse({ items: [customer(1, { name: 'John Miller' })], nextCursor: null });

describe('Export of My customers', () => {
  it('exports what the current filter shows, saying it prepares the file until it comes', SLOW, async () => {
    const { createObjectURL, click } = stubDownloads();
    const file = deferred<Response>();
    const { requests } = fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers') return list();
      if (url.pathname === '/api/v1/exports/customers.csv') return file.promise;
      return undefined;
    });
    const { user } = renderScreen('/customers?stage=INQUIRY&stage=SAMPLE_ORDER&q=miller&cf.incoterm=FOB&sort=name&includeTotal=true');
    await screen.findByRole('link', { name: 'John Miller' });

    await user.click(screen.getByRole('button', { name: 'Export to CSV' }));
    expect(await screen.findByRole('button', { name: 'Preparing the file…' })).toHaveAttribute('aria-disabled', 'true');
    const exported = requests.find((request) => new URL(request.url).pathname === '/api/v1/exports/customers.csv');
    const query = new URL(exported?.url ?? '').searchParams;
    expect(query.getAll('stage')).toEqual(['INQUIRY', 'SAMPLE_ORDER']);
    expect(query.get('q')).toBe('miller');
    expect(query.getAll('customField')).toEqual(['incoterm:FOB']);
    // The list's order and count are not filters.
    expect(query.has('sort')).toBe(false);
    expect(query.has('includeTotal')).toBe(false);

    file.resolve(
      new Response('name,email\nJohn Miller,j@x.example\n', {
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="customers-2026-03-15.csv"' },
      }),
    );
    expect(await screen.findByText('The file customers-2026-03-15.csv is downloading.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    expect(await createObjectURL.mock.calls[0]?.[0].text()).toContain('John Miller');
    expect(screen.getByRole('button', { name: 'Export to CSV' })).not.toHaveAttribute('aria-disabled');
  });

  it('exports the same filters as an Excel workbook, named customers.xlsx when the server gives no name', SLOW, async () => {
    const { createObjectURL, click } = stubDownloads();
    const file = deferred<Response>();
    const { requests } = fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers') return list();
      if (url.pathname === '/api/v1/exports/customers.xlsx') return file.promise;
      return undefined;
    });
    const { user } = renderScreen('/customers?stage=INQUIRY&stage=SAMPLE_ORDER&q=miller&cf.incoterm=FOB&sort=name&includeTotal=true');
    await screen.findByRole('link', { name: 'John Miller' });

    const formats = screen.getByRole('group', { name: 'Export' });
    expect(within(formats).getByRole('button', { name: 'Export to CSV' })).toBeInTheDocument();
    await user.click(within(formats).getByRole('button', { name: 'Export to Excel (.xlsx)' }));
    // Only the chosen format says it is preparing; the other waits for it.
    expect(await within(formats).findByRole('button', { name: 'Preparing the file…' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(formats).getByRole('button', { name: 'Export to CSV' })).toHaveAttribute('aria-disabled', 'true');

    const exported = requests.filter((request) => new URL(request.url).pathname.startsWith('/api/v1/exports/'));
    expect(exported.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/exports/customers.xlsx']);
    const query = new URL(exported[0]?.url ?? '').searchParams;
    expect(query.getAll('stage')).toEqual(['INQUIRY', 'SAMPLE_ORDER']);
    expect(query.get('q')).toBe('miller');
    // The page's cf.<key> becomes the contract's customField=key:value, as for CSV.
    expect(query.getAll('customField')).toEqual(['incoterm:FOB']);
    expect(query.has('cf.incoterm')).toBe(false);
    expect(query.has('sort')).toBe(false);
    expect(query.has('includeTotal')).toBe(false);
    expect(query.has('bom')).toBe(false);

    // No Content-Disposition: the fallback name, with the workbook's extension.
    file.resolve(
      new Response(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      }),
    );
    expect(await screen.findByText('The file customers.xlsx is downloading.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('customers.xlsx');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(within(formats).getByRole('button', { name: 'Export to Excel (.xlsx)' })).not.toHaveAttribute('aria-disabled');
  });

  it('explains a refused export in words', SLOW, async () => {
    stubDownloads();
    fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers') return list();
      if (url.pathname === '/api/v1/exports/customers.csv') {
        return problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 });
      }
      return undefined;
    });
    const { user } = renderScreen('/customers');
    await screen.findByRole('link', { name: 'John Miller' });
    await user.click(screen.getByRole('button', { name: 'Export to CSV' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Your role does not allow this.'));
  });

  it('offers no export to a rep, whom the API refuses', SLOW, async () => {
    fakeApi((_request, url) => (url.pathname === '/api/v1/customers' ? list() : undefined));
    renderScreen('/customers', 'REP');
    await screen.findByRole('link', { name: 'John Miller' });
    expect(screen.queryByRole('button', { name: 'Export to CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export to Excel (.xlsx)' })).not.toBeInTheDocument();
  });
});
