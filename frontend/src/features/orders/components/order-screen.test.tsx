import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/domain';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { Order, OrderStatus } from '../api/list-orders';
import { OrderScreen } from './order-screen';
import { customer, order, ordersApi, PROBLEMS } from './test-api';

const SLOW = { timeout: 20_000 };
const ME = 9;

/** One order whose status moves when asked (unless `refuse` answers), checked against If-Match; its customer. */
function orderApi(initial: Order, { owner = ME, refuse }: { owner?: number | null; refuse?: (status: OrderStatus) => Response | undefined } = {}) {
  const state = { order: { ...initial } };
  const base = `/api/v1/orders/${initial.id}`;
  const mock = ordersApi(async (request, url) => {
    if (url.pathname === `/api/v1/customers/${initial.customerId}`) return jsonResponse(customer(initial.customerId, { ownerId: owner }));
    if (url.pathname === base && request.method === 'GET') return jsonResponse(state.order);
    if (url.pathname === '/api/v1/orders/13') return jsonResponse(order(13, { convertedFromId: initial.id }));
    if (request.headers.get('If-Match') && request.headers.get('If-Match') !== `"${state.order.version}"`) {
      return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
    }
    if (url.pathname === `${base}/status`) {
      const { status } = (await request.json()) as { status: OrderStatus };
      const refused = refuse?.(status);
      if (refused) return refused;
      state.order = { ...state.order, status, nextStatuses: [], version: state.order.version + 1 };
      return jsonResponse(state.order);
    }
    if (url.pathname === `${base}/convert`) {
      state.order = { ...state.order, status: 'ACCEPTED', convertedToId: 13, version: state.order.version + 1 };
      return jsonResponse(order(13, { convertedFromId: initial.id }), { status: 201 });
    }
    if (url.pathname === base && request.method === 'DELETE') return new Response(null, { status: 204 });
    return undefined;
  });
  return { ...mock, state };
}

function OrderRoute({ role }: { role: Role }) {
  const id = Number(useParams().id);
  return <OrderScreen key={id} orderId={id} role={role} meId={ME} storeName="Ningbo Lighting Co." />;
}

function renderScreen(id: number, role: Role = 'MANAGER') {
  const router = createMemoryRouter(
    [
      { path: '/orders/:id', element: <OrderRoute role={role} /> },
      { path: '/orders/:id/edit', element: <p>Editor</p> },
      { path: '/customers/:id', element: <p>Customer page</p> },
      { path: '/orders', element: <p>Orders list</p> },
    ],
    { initialEntries: [`/orders/${id}`] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

const actions = () => screen.getByRole('region', { name: 'What to do with it' });

describe('Order page', () => {
  it('offers the steps the order can take now, from nextStatuses, and nothing else', SLOW, async () => {
    orderApi(order(12, { status: 'CONFIRMED', nextStatuses: ['PAID', 'CANCELLED'] }));
    renderScreen(12);

    expect(await screen.findByRole('heading', { name: 'Order #12', level: 1 })).toBeInTheDocument();
    const buttons = within(actions())
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(buttons).toEqual(['Mark paid', 'Cancel order', 'Print']);
    // Not a draft: neither edited nor deleted.
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('says in words which products lack stock when confirming is refused', SLOW, async () => {
    const { requests } = orderApi(order(12), {
      refuse: (status) =>
        status === 'CONFIRMED'
          ? problemResponse({
              type: `${PROBLEMS}/insufficient-stock`,
              title: 'Not enough stock for LAMP',
              status: 409,
              shortages: [{ productId: 3, sku: 'LAMP', requested: 40, available: 36 }],
            })
          : undefined,
    });
    const { user } = renderScreen(12);

    await user.click(await screen.findByRole('button', { name: 'Confirm' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not enough stock to confirm:');
    expect(alert).toHaveTextContent('Not enough LAMP: 40 asked, 36 available.');
    expect(alert).not.toHaveTextContent('Not enough stock for LAMP');
    const post = requests.find((request) => request.url.endsWith('/status'));
    expect(post?.headers.get('If-Match')).toBe('"4"');
    expect(await post?.json()).toEqual({ status: 'CONFIRMED' });
  });

  it('cancels only after a red confirmation, then shows the new status', SLOW, async () => {
    const { requests } = orderApi(order(12, { status: 'CONFIRMED', nextStatuses: ['PAID', 'CANCELLED'] }));
    const { user } = renderScreen(12);

    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel Order #12?' });
    expect(dialog).toHaveAccessibleDescription('Stock it reserved becomes available again. A cancelled order cannot be reopened.');
    expect(requests.some((request) => request.url.endsWith('/status'))).toBe(false);
    expect(within(dialog).getByRole('button', { name: 'Cancel order' })).toHaveClass('button-danger');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));

    expect(await findToast('Order #12 is now Cancelled.')).toHaveClass('toast-success');
    expect(within(screen.getByRole('article')).getByText('Cancelled')).toBeInTheDocument();
    expect(screen.getByText('This one has reached its end: no more steps.')).toBeInTheDocument();
  });

  it('tells the person when someone else changed the order, and shows the latest version', SLOW, async () => {
    const { state } = orderApi(order(12, { kind: 'QUOTATION', status: 'DRAFT', nextStatuses: ['SENT'] }));
    const { user } = renderScreen(12);

    await screen.findByRole('button', { name: 'Mark as sent' });
    state.order = { ...state.order, status: 'SENT', nextStatuses: ['ACCEPTED', 'DECLINED'], version: 5 };
    await user.click(screen.getByRole('button', { name: 'Mark as sent' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this meanwhile. The latest version is shown now');
    expect(await screen.findByRole('button', { name: 'Mark accepted' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decline' })).toHaveClass('danger');
  });

  it('converts a sent quotation once, into a draft order', SLOW, async () => {
    const { requests } = orderApi(order(12, { kind: 'QUOTATION', status: 'SENT', nextStatuses: ['ACCEPTED', 'DECLINED'] }));
    const { user, router } = renderScreen(12);

    await user.click(await screen.findByRole('button', { name: 'Convert to order' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders/13'));
    const convert = requests.find((request) => request.url.endsWith('/convert'));
    expect(convert?.headers.get('If-Match')).toBe('"4"');
    expect(await screen.findByRole('link', { name: 'Converted from Quotation #12' })).toHaveAttribute('href', '/orders/12');
  });

  it('offers a draft to edit and to delete, the delete confirmed in red', SLOW, async () => {
    const { requests } = orderApi(order(12));
    const { user, router } = renderScreen(12);

    expect(await screen.findByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/orders/12/edit');
    await user.click(screen.getByRole('button', { name: 'Delete draft' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Order #12?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete draft' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/5'));
    expect(requests.find((request) => request.method === 'DELETE')?.headers.get('If-Match')).toBe('"4"');
  });

  it('prints the document: customer, lines, totals and terms', SLOW, async () => {
    orderApi(order(12, { kind: 'QUOTATION', status: 'SENT', nextStatuses: ['ACCEPTED', 'DECLINED'] }));
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const { user } = renderScreen(12);

    const document = await screen.findByRole('article', { name: 'Quotation #12' });
    expect(await within(document).findByText('John Miller')).toBeInTheDocument();
    expect(within(document).getByText('Miller Hardware Imports LLC')).toBeInTheDocument();
    // The store's name heads the paper only.
    expect(within(document).getByText('Ningbo Lighting Co.')).toHaveClass('print-only');

    const lines = within(document).getByRole('table', { name: 'Lines' });
    const [lamp, freight] = within(lines).getAllByRole('row').slice(1);
    expect(lamp).toHaveTextContent(/Desk lamp\s*LAMP\s*40\s*\$12\.50\s*5%\s*\$475\.00/);
    expect(freight).toHaveTextContent(/Freight to Hamburg\s*—\s*1\s*\$150\.00\s*—\s*\$150\.00/);

    const totals = within(document).getByLabelText('Totals');
    expect(totals).toHaveTextContent('Subtotal$650.00');
    expect(totals).toHaveTextContent('Discount$25.00');
    expect(totals).toHaveTextContent('Total$625.00');
    expect(document).toHaveTextContent('IncotermFOB');
    expect(document).toHaveTextContent('Expected ship dateApr 15, 2026');
    expect(document).toHaveTextContent('NotesPacked 4 per carton.');
    // The actions are not part of the document, and are hidden on paper.
    expect(within(document).queryByRole('button')).not.toBeInTheDocument();
    expect(actions()).toHaveClass('no-print');

    await user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('lets a rep read, not change, the order of a customer in the pool', SLOW, async () => {
    orderApi(order(12), { owner: null });
    renderScreen(12, 'REP');

    expect(await screen.findByText('This customer is in the pool: claim it to write or change its quotations and orders.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument();
  });
});
