import { screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { CustomerOrders } from './customer-orders';
import { OrdersScreen } from './orders-screen';
import { order, ordersApi } from './test-api';

const SLOW = { timeout: 20_000 };

const history = [
  order(14, { kind: 'ORDER', status: 'PAID', total: '1234.5', currency: 'USD', createdAt: '2026-03-09T08:00:00Z', customerName: 'John Miller' }),
  // A customer with neither name nor company name: named by number.
  order(13, { kind: 'SAMPLE_ORDER', status: 'SHIPPED', total: '0', currency: 'EUR', createdAt: '2026-03-05T08:00:00Z', customerId: 6, customerName: '' }),
  order(12, { kind: 'QUOTATION', status: 'DECLINED', total: '98000', currency: 'JPY', createdAt: '2026-03-01T08:00:00Z', customerName: 'John Miller' }),
];

function renderAt(element: ReactNode, path: string) {
  const router = createMemoryRouter(
    [
      { path: '/customers/:id', element },
      { path: '/orders', element },
      { path: '/orders/:id', element: <p>Order page</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('Quotations & orders on a customer’s page', () => {
  it('lists them newest first with kind, status, total and date, and offers to write a new one', SLOW, async () => {
    ordersApi((_request, url) =>
      url.pathname === '/api/v1/customers/5/orders' ? jsonResponse({ items: history, nextCursor: null }) : undefined,
    );
    renderAt(<CustomerOrders customerId={5} readOnly={false} />, '/customers/5');

    const section = await screen.findByRole('region', { name: 'Quotations & orders' });
    const rows = within(await within(section).findByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Order #14Paid$1,234.50Mar 9, 2026',
      'Sample order #13Shipped€0.00Mar 5, 2026',
      'Quotation #12Declined¥98,000Mar 1, 2026',
    ]);
    expect(within(section).getByRole('link', { name: 'Order #14' })).toHaveAttribute('href', '/orders/14');
    expect(within(section).getByRole('link', { name: 'New quotation' })).toHaveAttribute('href', '/customers/5/orders/new?kind=QUOTATION');
    expect(within(section).getByRole('link', { name: 'New sample order' })).toHaveAttribute('href', '/customers/5/orders/new?kind=SAMPLE_ORDER');
    expect(within(section).getByRole('link', { name: 'New order' })).toHaveAttribute('href', '/customers/5/orders/new?kind=ORDER');
  });

  it('names kinds and statuses in Chinese', SLOW, async () => {
    localStorage.setItem('harbor.locale', 'zh-CN');
    ordersApi((_request, url) =>
      url.pathname === '/api/v1/customers/5/orders' ? jsonResponse({ items: history, nextCursor: null }) : undefined,
    );
    renderAt(<CustomerOrders customerId={5} readOnly={false} />, '/customers/5');

    const section = await screen.findByRole('region', { name: '报价单与订单' });
    const rows = within(await within(section).findByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/订单 #14\s*已付款\s*US\$1,234\.50/);
    expect(rows[1]).toHaveTextContent(/样品单 #13\s*已发货/);
    expect(rows[2]).toHaveTextContent(/报价单 #12\s*已拒绝/);
    expect(within(section).getByRole('link', { name: '新建样品单' })).toBeInTheDocument();
  });

  it('is read-only for a pool customer, and says how to change that', SLOW, async () => {
    ordersApi(() => undefined);
    renderAt(<CustomerOrders customerId={5} readOnly />, '/customers/5');

    expect(await screen.findByText('No quotations or orders for this customer yet.')).toBeInTheDocument();
    expect(screen.getByText('This customer is in the pool: claim it to write or change its quotations and orders.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^New/ })).not.toBeInTheDocument();
  });
});

describe('Orders', () => {
  it('lists the store’s orders with their customers, filtered by status and kind in the address', SLOW, async () => {
    const { requests } = ordersApi((_request, url) => {
      if (url.pathname === '/api/v1/orders') {
        const status = url.searchParams.get('status');
        return jsonResponse({ items: status ? history.filter((o) => o.status === status) : history, nextCursor: null });
      }
      return undefined;
    });
    const { user, router } = renderAt(<OrdersScreen role="MANAGER" />, '/orders');

    expect(await screen.findByRole('heading', { name: 'Orders', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Orders' });
    await waitFor(() => expect(within(table).getAllByRole('link', { name: 'John Miller' })).toHaveLength(2));
    expect(await within(table).findByRole('link', { name: 'Customer #6' })).toHaveAttribute('href', '/customers/6');

    const filters = screen.getByRole('search', { name: 'Screen orders' });
    await user.selectOptions(within(filters).getByLabelText('Status'), 'Paid');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Orders' })).getAllByRole('row')).toHaveLength(2));
    await user.selectOptions(within(filters).getByLabelText('Kind'), 'Order');
    expect(router.state.location.search).toBe('?status=PAID&kind=ORDER');
    await waitFor(() =>
      expect(Object.fromEntries(new URL(requests.filter((r) => r.url.includes('/api/v1/orders')).at(-1)?.url ?? '').searchParams)).toMatchObject({
        status: 'PAID',
        kind: 'ORDER',
      }),
    );
  });

  it('tells a rep the list holds their own customers’ orders', SLOW, async () => {
    ordersApi(() => undefined);
    renderAt(<OrdersScreen role="REP" />, '/orders?status=SHIPPED');
    expect(await screen.findByText('The quotations, sample orders and orders of your customers, newest first.')).toBeInTheDocument();
    expect(await screen.findByText('No quotations or orders match these filters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('SHIPPED');
  });
});
