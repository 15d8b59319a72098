import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/domain';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { PoolScreen } from './pool-screen';

const SLOW = { timeout: 20_000 };

function renderPool(role: Role, path = '/pool') {
  const router = createMemoryRouter([{ path: '/pool', element: <PoolScreen role={role} me={{ id: 5, name: 'Li Na' }} /> }], {
    initialEntries: [path],
  });
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('Export of the pool', () => {
  it('exports the customers without owner that the pool filters show', SLOW, async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pool'), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/exports/customers.csv') return new Response('name\n', { headers: { 'Content-Type': 'text/csv' } });
      return jsonResponse({ items: [], nextCursor: null });
    });
    const { user } = renderPool('MANAGER', '/pool?country=DE&scoreMin=60&sort=-score');
    await user.click(await screen.findByRole('button', { name: 'Export to CSV' }));
    expect(await screen.findByText('The file pool.csv is downloading.')).toBeInTheDocument();
    expect(click).toHaveBeenCalled();
    const exported = requests.find((request) => new URL(request.url).pathname === '/api/v1/exports/customers.csv');
    const query = new URL(exported?.url ?? '').searchParams;
    expect(query.get('ownerId')).toBe('none');
    expect(query.getAll('country')).toEqual(['DE']);
    expect(query.get('scoreMin')).toBe('60');
    expect(query.has('sort')).toBe(false);
  });

  it('offers no export to a rep', SLOW, async () => {
    mockFetch(() => jsonResponse({ items: [], nextCursor: null }));
    renderPool('REP');
    expect(await screen.findByRole('heading', { name: 'Pool' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export to CSV' })).not.toBeInTheDocument();
  });
});
