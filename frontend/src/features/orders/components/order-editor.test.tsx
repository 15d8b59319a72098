import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { OrderInput } from '../api/list-orders';
import { NewOrderScreen } from './order-editor-screen';
import { customer, order, ordersApi, product, PROBLEMS } from './test-api';

const SLOW = { timeout: 30_000 };

const lamp = product(3, { sku: 'LAMP', name: 'Desk lamp', currency: 'EUR', listPrice: '12.345', stock: { onHand: 40, reserved: 4, available: 36 } });

function editorApi({
  refuseFirst = false,
  owner = 9,
  refuse,
}: {
  refuseFirst?: boolean;
  owner?: number | null;
  /** What the server answers to a new order instead of taking it, when it answers anything. */
  refuse?: (body: OrderInput) => Response | undefined;
} = {}) {
  let posts = 0;
  return ordersApi(async (request, url) => {
    if (url.pathname === '/api/v1/customers/5') return jsonResponse(customer(5, { ownerId: owner }));
    if (url.pathname === '/api/v1/products' && url.searchParams.get('q') === 'lamp') {
      return jsonResponse({ items: [lamp], nextCursor: null });
    }
    if (url.pathname === '/api/v1/products/3') return jsonResponse(lamp);
    if (url.pathname === '/api/v1/customers/5/orders' && request.method === 'POST') {
      posts += 1;
      if (refuseFirst && posts === 1) {
        return problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [{ field: 'lines[0].productId', message: 'is inactive: activate the product or pick another', code: 'INVALID' }],
        });
      }
      const body = (await request.json()) as OrderInput;
      const refused = refuse?.(body);
      if (refused) return refused;
      return jsonResponse(order(77, { kind: body.kind, currency: body.currency }), { status: 201 });
    }
    return undefined;
  });
}

function renderEditor(role: Role = 'MANAGER') {
  const router = createMemoryRouter(
    [
      { path: '/customers/:id/orders/new', element: <NewOrderScreen customerId={5} kind="QUOTATION" role={role} meId={9} /> },
      { path: '/orders/:id', element: <p>Order page</p> },
      { path: '/customers/:id', element: <p>Customer page</p> },
    ],
    { initialEntries: ['/customers/5/orders/new?kind=QUOTATION'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('Order editor', () => {
  it('picks a product with its live stock, previews the totals while typing, and sends exact decimal strings', SLOW, async () => {
    const { requests } = editorApi({ refuseFirst: true });
    const { user, router } = renderEditor();

    expect(await screen.findByRole('heading', { name: 'New quotation for John Miller', level: 1 })).toBeInTheDocument();
    const firstLine = screen.getByRole('group', { name: 'Line 1' });
    await user.type(within(firstLine).getByLabelText('Product for line 1'), 'lamp');
    const pick = await within(firstLine).findByRole('button', { name: /LAMP Desk lamp/ });
    expect(pick).toHaveTextContent('36 available');
    await user.click(pick);

    // The first product brings its currency and list price; the line's stock stays in view.
    expect(screen.getByLabelText('Currency')).toHaveValue('EUR');
    expect(within(firstLine).getByLabelText('Description, line 1')).toHaveValue('Desk lamp');
    expect(within(firstLine).getByLabelText('Unit price in EUR, line 1')).toHaveValue('12.345');
    expect(await within(firstLine).findByText('36 available')).toBeInTheDocument();

    await user.type(within(firstLine).getByLabelText('Quantity, line 1'), '40');
    expect(within(firstLine).getByText('More than the 36 available now: confirming needs that much stock.')).toBeInTheDocument();
    await user.type(within(firstLine).getByLabelText('Discount %, line 1'), '5');
    // 40 × 12.345 = 493.80, less 5 % = 469.11
    expect(within(firstLine).getByText('€469.11')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    const secondLine = screen.getByRole('group', { name: 'Line 2' });
    await user.type(within(secondLine).getByLabelText('Description, line 2'), 'Freight to Hamburg');
    await user.type(within(secondLine).getByLabelText('Quantity, line 2'), '1');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    // A free-text line needs its price: said before anything is sent.
    expect(within(secondLine).getByLabelText('Unit price in EUR, line 2')).toHaveAccessibleDescription('Required.');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    await user.type(within(secondLine).getByLabelText('Unit price in EUR, line 2'), '150');

    const preview = screen.getByRole('region', { name: 'Totals (preview)' });
    expect(preview).toHaveTextContent('Subtotal€643.80');
    expect(preview).toHaveTextContent('Discount€24.69');
    expect(preview).toHaveTextContent('Total€619.11');

    await user.selectOptions(screen.getByLabelText('Incoterm'), 'FOB');
    await user.type(screen.getByLabelText('Expected ship date'), '2026-04-15');
    await user.type(screen.getByLabelText('Notes'), 'Packed 4 per carton.');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    // The server's field error lands on the line it names, in the reader's words.
    expect(await within(firstLine).findByText('This value is not accepted.')).toBeInTheDocument();
    expect(screen.queryByText(/is inactive/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save as draft' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orders/77'));
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(await posts[1]?.json()).toEqual({
      kind: 'QUOTATION',
      currency: 'EUR',
      incoterm: 'FOB',
      expectedShipDate: '2026-04-15',
      notes: 'Packed 4 per carton.',
      lines: [
        { productId: 3, description: 'Desk lamp', quantity: 40, unitPrice: '12.345', discountPercent: '5' },
        { description: 'Freight to Hamburg', quantity: 1, unitPrice: '150' },
      ],
    });
  });

  it('removes a line, and keeps a chosen currency when a product in another one is picked', SLOW, async () => {
    editorApi();
    const { user } = renderEditor();

    await user.selectOptions(await screen.findByLabelText('Currency'), 'USD');
    const firstLine = screen.getByRole('group', { name: 'Line 1' });
    await user.type(within(firstLine).getByLabelText('Product for line 1'), 'lamp');
    await user.click(await within(firstLine).findByRole('button', { name: /LAMP Desk lamp/ }));
    expect(screen.getByLabelText('Currency')).toHaveValue('USD');
    // Its list price is in EUR: the person prices it in USD.
    expect(within(firstLine).getByLabelText('Unit price in USD, line 1')).toHaveValue('');

    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    expect(screen.getByRole('group', { name: 'Line 2' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(screen.queryByRole('group', { name: 'Line 2' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Line 1' })).getByLabelText('Product for line 1')).toHaveValue('');
  });

  it('checks every line before sending, naming each mistake by its input at once', SLOW, async () => {
    const { requests } = editorApi();
    const { user } = renderEditor();

    const firstLine = within(await screen.findByRole('group', { name: 'Line 1' }));
    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    const secondLine = within(screen.getByRole('group', { name: 'Line 2' }));
    await user.type(secondLine.getByLabelText('Description, line 2'), 'Freight');
    await user.type(secondLine.getByLabelText('Quantity, line 2'), '0');
    await user.type(secondLine.getByLabelText('Unit price in USD, line 2'), '1,5');
    await user.type(secondLine.getByLabelText('Discount %, line 2'), '120');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    const description = firstLine.getByLabelText('Description, line 1');
    await waitFor(() => expect(description).toHaveFocus());
    expect(description).toHaveAccessibleDescription(expect.stringContaining('Pick a product or describe the line.'));
    expect(firstLine.getByLabelText('Quantity, line 1')).toHaveAccessibleDescription('Enter a whole number from 1 to 1,000,000,000.');
    expect(firstLine.getByLabelText('Unit price in USD, line 1')).toHaveAccessibleDescription('Required.');
    expect(firstLine.getByLabelText('Discount %, line 1')).not.toHaveAttribute('aria-invalid');
    expect(secondLine.getByLabelText('Description, line 2')).not.toHaveAttribute('aria-invalid');
    expect(secondLine.getByLabelText('Quantity, line 2')).toHaveAccessibleDescription('Enter a whole number from 1 to 1,000,000,000.');
    expect(secondLine.getByLabelText('Unit price in USD, line 2')).toHaveAccessibleDescription(
      'Enter an amount such as 12.50: digits, a point, at most 4 decimals.',
    );
    expect(secondLine.getByLabelText('Discount %, line 2')).toHaveAccessibleDescription('Enter a percentage from 0 to 100, at most 2 decimals.');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    // Removing a line: the other one, now line 1, keeps its own mistakes and no one else's.
    await user.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(screen.getByLabelText('Description, line 1')).toHaveValue('Freight');
    await waitFor(() =>
      expect(screen.getByLabelText('Quantity, line 1')).toHaveAccessibleDescription('Enter a whole number from 1 to 1,000,000,000.'),
    );
    expect(screen.getByLabelText('Description, line 1')).not.toHaveAttribute('aria-invalid');
  });

  it('puts a line’s field error from the server on that line’s input', SLOW, async () => {
    const { requests } = editorApi({
      refuse: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [{ field: 'lines[1].quantity', message: 'must be less than or equal to 1000000000', code: 'RANGE', min: 1, max: 1_000_000_000 }],
        }),
    });
    const { user } = renderEditor();

    const firstLine = within(await screen.findByRole('group', { name: 'Line 1' }));
    await user.type(firstLine.getByLabelText('Description, line 1'), 'Samples');
    await user.type(firstLine.getByLabelText('Quantity, line 1'), '3');
    await user.type(firstLine.getByLabelText('Unit price in USD, line 1'), '0');
    await user.click(screen.getByRole('button', { name: 'Add a line' }));
    const secondLine = within(screen.getByRole('group', { name: 'Line 2' }));
    await user.type(secondLine.getByLabelText('Description, line 2'), 'Freight');
    await user.type(secondLine.getByLabelText('Quantity, line 2'), '1');
    await user.type(secondLine.getByLabelText('Unit price in USD, line 2'), '150');
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    const quantity = secondLine.getByLabelText('Quantity, line 2');
    await waitFor(() => expect(quantity).toHaveAttribute('aria-invalid', 'true'));
    // A limit of a billion is no limit worth naming.
    expect(quantity).toHaveAccessibleDescription('Enter 1 or more.');
    expect(quantity).toHaveFocus();
    expect(firstLine.getByLabelText('Quantity, line 1')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(screen.queryByText(/less than or equal/)).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('does not let a rep write for a customer they do not own', SLOW, async () => {
    editorApi({ owner: null });
    renderEditor('REP');
    expect(await screen.findByRole('alert')).toHaveTextContent('This customer is in the pool: claim it to write or change its quotations and orders.');
    expect(screen.queryByRole('button', { name: 'Save as draft' })).not.toBeInTheDocument();
  });
});
