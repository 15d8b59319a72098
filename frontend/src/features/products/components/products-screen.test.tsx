import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { ProductsScreen } from './products-screen';
import { product, productsApi } from './test-api';

const SLOW = { timeout: 20_000 };

const catalogue = [
  product(1, { sku: 'LAMP-01', name: 'Desk lamp', stock: { onHand: 4, reserved: 4, available: 0 } }),
  product(2, { sku: 'PANEL-60', name: 'LED panel 60x60', listPrice: '38.9', stock: { onHand: 8, reserved: 0, available: 8 } }),
  // 150 free but a minimum order of 200: low for this product.
  product(3, { sku: 'BULB-E27', name: 'E27 bulb', listPrice: '0.0375', moq: 200, stock: { onHand: 180, reserved: 30, available: 150 } }),
  product(4, { sku: 'POLE-3M', name: 'Street light pole', category: 'Outdoor', listPrice: null, stock: { onHand: 60, reserved: 10, available: 50 } }),
];

function renderScreen(role: Role = 'MANAGER', path = '/products') {
  const router = createMemoryRouter(
    [
      { path: '/products', element: <ProductsScreen role={role} /> },
      { path: '/products/:id', element: <p>Product page</p> },
      { path: '/products/new', element: <p>New product page</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

function rowOf(name: string) {
  const row = screen.getByRole('link', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('Products', () => {
  it('lists SKU, name, category, price and a stock badge that says when stock is out or low', SLOW, async () => {
    productsApi((_request, url) => (url.pathname === '/api/v1/products' ? jsonResponse({ items: catalogue, nextCursor: null }) : undefined));
    renderScreen();

    expect(await screen.findByRole('link', { name: 'Desk lamp' })).toHaveAttribute('href', '/products/1');
    const lamp = rowOf('Desk lamp');
    expect(lamp).toHaveTextContent('LAMP-01');
    expect(lamp).toHaveTextContent('Lighting');
    expect(lamp).toHaveTextContent('$12.50 / pcs');
    expect(within(lamp).getByText('Out of stock')).toBeInTheDocument();
    expect(lamp).toHaveTextContent('0 available');
    expect(lamp).toHaveTextContent('4 on hand · 4 reserved');

    // Fewer than 10 free.
    expect(within(rowOf('LED panel 60x60')).getByText('Low')).toBeInTheDocument();
    expect(rowOf('LED panel 60x60')).toHaveTextContent('$38.90 / pcs');
    // Less free than one minimum order; a unit price keeps its four decimals.
    expect(within(rowOf('E27 bulb')).getByText('Low')).toBeInTheDocument();
    expect(rowOf('E27 bulb')).toHaveTextContent('$0.0375 / pcs');
    // Plenty: no warning, and no list price said as a dash.
    const pole = rowOf('Street light pole');
    expect(within(pole).queryByText('Low')).not.toBeInTheDocument();
    expect(within(pole).queryByText('Out of stock')).not.toBeInTheDocument();
    expect(pole).toHaveTextContent('50 available');

    expect(screen.getByRole('link', { name: 'New product' })).toHaveAttribute('href', '/products/new');
  });

  it('filters by search, category and active, and keeps the filters in the address', SLOW, async () => {
    const { requests } = productsApi((_request, url) => {
      if (url.pathname !== '/api/v1/products') return undefined;
      const q = url.searchParams.get('q');
      return jsonResponse({ items: q ? catalogue.filter((p) => p.name.toLowerCase().includes(q)) : catalogue, nextCursor: null });
    });
    const { user, router } = renderScreen();

    const filters = await screen.findByRole('search', { name: 'Screen products' });
    await user.type(within(filters).getByLabelText('Search'), 'lamp');
    await user.type(within(filters).getByLabelText('Category'), 'Lighting');
    await user.selectOptions(within(filters).getByLabelText('Status'), 'Active');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(screen.queryByRole('link', { name: 'E27 bulb' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Desk lamp' })).toBeInTheDocument();
    const last = new URL(requests.at(-1)?.url ?? '');
    expect(Object.fromEntries(last.searchParams)).toMatchObject({ q: 'lamp', category: 'Lighting', active: 'true' });
    expect(router.state.location.search).toBe('?q=lamp&category=Lighting&active=true');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'E27 bulb' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('says when nothing matches, and offers a rep no new product', SLOW, async () => {
    productsApi(() => undefined);
    renderScreen('REP', '/products?q=zzz');
    expect(await screen.findByText('No products match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New product' })).not.toBeInTheDocument();
  });
});
