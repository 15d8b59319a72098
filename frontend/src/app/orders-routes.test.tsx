import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { customer } from '@/features/customers/components/test-api';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };
const rep = {
  user: { id: 2, name: 'Sam Rep', email: 'sam@example.com', role: 'REP', active: true },
  store: { id: 1, name: 'Ningbo Lighting', timeZone: 'Asia/Shanghai' },
};

/** A rep signed in; customer 5 is theirs, customer 6 is in the pool; one quotation for customer 5. */
function signInAsRep() {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse(rep);
    if (path === '/api/v1/agenda/counts') {
      return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    }
    if (path === '/api/v1/custom-fields') return jsonResponse({ items: [] });
    if (path === '/api/v1/customers/5') return jsonResponse(customer(5, { name: 'John Miller', ownerId: 2 }));
    if (path === '/api/v1/customers/6') return jsonResponse(customer(6, { name: 'Pool Buyer', ownerId: null }));
    return jsonResponse({ items: [], nextCursor: null });
  });
}

function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, user: userEvent.setup() };
}

describe('products and orders in the app', () => {
  it('offers Products and Orders to everyone, a rep included', SLOW, async () => {
    signInAsRep();
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });

    await user.click(await within(nav).findByRole('link', { name: 'Products' }));
    expect(await screen.findByRole('heading', { name: 'Products', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New product' })).not.toBeInTheDocument();

    await user.click(within(nav).getByRole('link', { name: 'Orders' }));
    expect(await screen.findByRole('heading', { name: 'Orders', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orders');
    expect(within(nav).getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
  });

  it('puts the quotations and orders on the customer’s page, writable for one’s own customer', SLOW, async () => {
    signInAsRep();
    const { router, user } = renderApp('/customers/5');
    await user.click(await screen.findByRole('tab', { name: 'Quotations & orders' }));
    // The open tab is in the address, so a reload or a shared link opens it again.
    expect(router.state.location.search).toBe('?tab=orders');
    const own = await screen.findByRole('region', { name: 'Quotations & orders' });
    expect(within(own).getByRole('link', { name: 'New quotation' })).toHaveAttribute('href', '/customers/5/orders/new?kind=QUOTATION');
  });

  it('shows a pool customer’s orders to a rep without ways to change them', SLOW, async () => {
    signInAsRep();
    renderApp('/customers/6?tab=orders');
    expect(await screen.findByRole('tab', { name: 'Quotations & orders', selected: true })).toBeInTheDocument();
    const pool = await screen.findByRole('region', { name: 'Quotations & orders' });
    expect(within(pool).queryByRole('link', { name: 'New quotation' })).not.toBeInTheDocument();
    expect(within(pool).getByText(/claim it to write or change/)).toBeInTheDocument();
  });

  it('refuses a rep the new-product page', SLOW, async () => {
    signInAsRep();
    renderApp('/products/new');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
  });
});
