import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { Product } from '../api/list-products';
import type { StockMovement } from '../api/list-stock-movements';
import { ProductScreen } from './product-screen';
import { movement, product, PROBLEMS, productsApi } from './test-api';

const SLOW = { timeout: 20_000 };
const ME = 9;

/** One product, its history, PATCH checked against If-Match, stock movements applied, and delete. */
function productApi(initial: Product, history: StockMovement[] = []) {
  const state = { product: { ...initial }, history: [...history], inUse: false };
  const base = `/api/v1/products/${initial.id}`;
  const mock = productsApi(async (request, url) => {
    if (url.pathname === base && request.method === 'GET') return jsonResponse(state.product);
    if (url.pathname === base && request.method === 'PATCH') {
      if (request.headers.get('If-Match') !== `"${state.product.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      const patch = (await request.json()) as Partial<Product>;
      if (typeof patch.imageUrl === 'string' && patch.imageUrl.includes('^')) {
        return problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [{ field: 'imageUrl', message: 'must be an http or https address', code: 'FORMAT' }],
        });
      }
      if (patch.sku === 'TAKEN-1') {
        return problemResponse({
          type: `${PROBLEMS}/sku-taken`,
          title: 'Another product has SKU TAKEN-1',
          status: 409,
          errors: [{ field: 'sku', message: 'is used by another product', code: 'TAKEN' }],
        });
      }
      state.product = { ...state.product, ...patch, version: state.product.version + 1 };
      return jsonResponse(state.product);
    }
    if (url.pathname === base && request.method === 'DELETE') {
      return state.inUse
        ? problemResponse({ type: `${PROBLEMS}/product-in-use`, title: 'Product is on 2 orders', status: 409 })
        : new Response(null, { status: 204 });
    }
    if (url.pathname === `${base}/stock-movements` && request.method === 'GET') {
      return jsonResponse({ items: state.history, nextCursor: null });
    }
    if (url.pathname === `${base}/stock-movements` && request.method === 'POST') {
      const body = (await request.json()) as { kind: 'RECEIVED' | 'ADJUSTED'; quantity: number; note?: string };
      if (body.note?.includes('\u0000')) {
        return problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [{ field: 'note', message: 'must not contain NUL characters', code: 'FORMAT' }],
        });
      }
      const { onHand, reserved } = state.product.stock;
      if (onHand + body.quantity < reserved) {
        return problemResponse({
          type: `${PROBLEMS}/insufficient-stock`,
          title: 'Not enough stock',
          status: 409,
          shortages: [{ productId: initial.id, sku: state.product.sku, requested: Math.abs(body.quantity), available: onHand - reserved }],
        });
      }
      const after = { onHand: onHand + body.quantity, reserved, available: onHand + body.quantity - reserved };
      state.product = { ...state.product, stock: after, version: state.product.version + 1 };
      const written = movement(100 + state.history.length, { ...body, productId: initial.id, onHandAfter: after.onHand, reservedAfter: reserved, actorId: ME });
      state.history.unshift(written);
      return jsonResponse({ movement: written, product: state.product }, { status: 201 });
    }
    return undefined;
  });
  return { ...mock, state };
}

function renderScreen(id: number, role: Role = 'MANAGER') {
  const router = createMemoryRouter(
    [
      { path: '/products/:id', element: <ProductScreen productId={id} role={role} meId={ME} /> },
      { path: '/products', element: <p>Product list</p> },
      { path: '/orders/:id', element: <p>Order page</p> },
    ],
    { initialEntries: [`/products/${id}`] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

const lamp = product(3, {
  sku: 'LAMP',
  name: 'Desk lamp',
  moq: 50,
  attributes: { color: 'white', wattage: 40 },
  stock: { onHand: 40, reserved: 34, available: 6 },
  version: 3,
});

describe('Product page', () => {
  it('shows the stock history in words: kind, signed quantity, what was left, the order, who and when', SLOW, async () => {
    productApi(lamp, [
      movement(4, { kind: 'SHIPPED', quantity: 6, onHandAfter: 40, reservedAfter: 34, orderId: 12, actorId: 7, actorName: 'Li Na' }),
      movement(3, { kind: 'RESERVED', quantity: 40, onHandAfter: 46, reservedAfter: 40, orderId: 12, actorId: ME }),
      movement(2, { kind: 'ADJUSTED', quantity: -4, onHandAfter: 46, reservedAfter: 0, note: 'Counted in March', actorId: 123 }),
      movement(1, { kind: 'RECEIVED', quantity: 50, onHandAfter: 50, reservedAfter: 0, actorId: null }),
    ]);
    renderScreen(3);

    expect(await screen.findByRole('heading', { name: 'Desk lamp', level: 1 })).toBeInTheDocument();
    // 6 free, below the minimum order of 50.
    const stock = screen.getByRole('region', { name: 'Stock' });
    expect(within(stock).getByText('Low')).toBeInTheDocument();
    expect(screen.getByText('color: white')).toBeInTheDocument();
    expect(screen.getByText('wattage: 40')).toBeInTheDocument();

    const history = await screen.findByRole('table', { name: 'Stock history' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/Shipped\s*-6\s*40\s*34\s*Order #12\s*Li Na/);
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Order #12' })).toHaveAttribute('href', '/orders/12');
    expect(rows[1]).toHaveTextContent(/Reserved\s*\+40\s*46\s*40\s*Order #12\s*You/);
    expect(rows[2]).toHaveTextContent(/Count corrected\s*-4\s*46\s*0\s*—\s*A colleague/);
    expect(rows[2]).toHaveTextContent('Counted in March');
    expect(rows[3]).toHaveTextContent(/Received\s*\+50\s*50\s*0\s*—\s*Harbor CRM \(automatic\)/);
  });

  it('receives stock, showing what on hand becomes, and says a correction below the reserved stock in words', SLOW, async () => {
    const { requests } = productApi(lamp);
    const { user } = renderScreen(3);

    await user.click(await screen.findByRole('button', { name: 'Receive stock…' }));
    const receive = screen.getByRole('form', { name: 'Receive stock' });
    await user.type(within(receive).getByLabelText('Quantity received'), '120');
    expect(within(receive).getByText('On hand: 40 → 160')).toBeInTheDocument();
    await user.type(within(receive).getByLabelText('Note'), 'Container MSCU 1234567');
    await user.click(within(receive).getByRole('button', { name: 'Receive' }));

    expect(await findToast('Received 120. On hand now: 160.')).toHaveClass('toast-success');
    const post = requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({ kind: 'RECEIVED', quantity: 120, note: 'Container MSCU 1234567' });
    const stock = screen.getByRole('region', { name: 'Stock' });
    expect(within(stock).getByText('160')).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: '+120' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Correct count…' }));
    const correct = screen.getByRole('form', { name: 'Correct the count' });
    await user.type(within(correct).getByLabelText('Change in count'), '-130');
    await user.click(within(correct).getByRole('button', { name: 'Correct count' }));
    const alert = await within(correct).findByRole('alert');
    expect(alert).toHaveTextContent('Not enough LAMP: 130 asked, 126 available.');
    expect(alert).not.toHaveTextContent('Not enough stock');
  });

  it('edits with If-Match, puts the server’s field errors on the fields, and sends only what changed', SLOW, async () => {
    const { requests } = productApi(lamp);
    const { user } = renderScreen(3);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const sku = screen.getByLabelText('SKU');
    await user.clear(sku);
    await user.type(sku, 'TAKEN-1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByLabelText('SKU')).toHaveAccessibleDescription('Already in use: choose another.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Another product already has this SKU.');
    expect(screen.queryByText(/is used by another product/)).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('SKU'));
    await user.type(screen.getByLabelText('SKU'), 'LAMP');
    await user.clear(screen.getByLabelText('List price'));
    await user.type(screen.getByLabelText('List price'), '12,5');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('List price')).toHaveAccessibleDescription(
      'Enter an amount such as 12.50: digits, a point, at most 4 decimals.',
    );
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);

    await user.clear(screen.getByLabelText('List price'));
    await user.type(screen.getByLabelText('List price'), '13.9');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await findToast('Changes saved.')).toHaveClass('toast-success');
    const patches = requests.filter((request) => request.method === 'PATCH');
    expect(patches[1]?.headers.get('If-Match')).toBe('"3"');
    expect(await patches[1]?.json()).toEqual({ listPrice: '13.9' });
    expect(screen.getByText('$13.90 / pcs')).toBeInTheDocument();
  });

  it('checks the product before sending, naming every mistake by its field at once', SLOW, async () => {
    const { requests } = productApi(lamp);
    const { user } = renderScreen(3);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.clear(screen.getByLabelText('SKU'));
    await user.clear(screen.getByLabelText('List price'));
    await user.type(screen.getByLabelText('List price'), '12.34567');
    await user.clear(screen.getByLabelText('Minimum order quantity'));
    await user.type(screen.getByLabelText('Minimum order quantity'), '0');
    await user.type(screen.getByLabelText('Picture address'), 'ftp://cdn.example.com/lamp.jpg');
    await user.type(screen.getByLabelText('Attributes'), '{enter}no colon here');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const sku = screen.getByLabelText('SKU');
    await waitFor(() => expect(sku).toHaveFocus());
    expect(sku).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('List price')).toHaveAccessibleDescription(
      'Enter an amount such as 12.50: digits, a point, at most 4 decimals.',
    );
    expect(screen.getByLabelText('Minimum order quantity')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a number from 1 to 1000000000.'),
    );
    expect(screen.getByLabelText('Picture address')).toHaveAccessibleDescription('Enter an address that starts with http:// or https://.');
    expect(screen.getByLabelText('Attributes')).toHaveAccessibleDescription(
      expect.stringContaining('Write each attribute on its own line as name: value.'),
    );
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);

    // Checked again as it is typed.
    await user.type(sku, 'LAMP');
    expect(sku).not.toHaveAttribute('aria-invalid');
  });

  it('puts a field the server refused by its input, in the words the form uses for it', SLOW, async () => {
    const { requests } = productApi(lamp);
    const { user } = renderScreen(3);

    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText('Picture address'), 'https://cdn.example.com/a^b.jpg');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const picture = screen.getByLabelText('Picture address');
    await waitFor(() => expect(picture).toHaveAttribute('aria-invalid', 'true'));
    expect(picture).toHaveAccessibleDescription('Enter an address that starts with http:// or https://.');
    expect(picture).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(screen.queryByText(/must be an http/)).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  it('checks a stock movement before sending, and puts the server’s field errors by their inputs', SLOW, async () => {
    const { requests } = productApi(lamp);
    const { user } = renderScreen(3);

    await user.click(await screen.findByRole('button', { name: 'Receive stock…' }));
    const receive = screen.getByRole('form', { name: 'Receive stock' });
    const quantity = within(receive).getByLabelText('Quantity received');
    await user.type(quantity, '-5');
    await user.click(within(receive).getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(quantity).toHaveAccessibleDescription('Enter a whole number, 1 or more.'));
    expect(quantity).toHaveFocus();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.clear(quantity);
    await user.type(quantity, '12');
    expect(quantity).not.toHaveAttribute('aria-invalid');
    const note = within(receive).getByLabelText('Note');
    await user.click(note);
    await user.paste('Container\u0000 1');
    await user.click(within(receive).getByRole('button', { name: 'Receive' }));
    await waitFor(() => expect(note).toHaveAccessibleDescription(expect.stringContaining('This is not in the expected form.')));
    expect(note).toHaveFocus();
    expect(within(receive).getByRole('alert')).toHaveTextContent('Some details need fixing');
  });

  it('deletes only after a red confirmation, and says to deactivate a product that is on orders', SLOW, async () => {
    const { state, requests } = productApi(lamp);
    state.inUse = true;
    const { user } = renderScreen(3);

    await user.click(await screen.findByRole('button', { name: 'Delete product' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete LAMP permanently?' });
    expect(within(dialog).getByRole('button', { name: 'Delete product' })).toHaveClass('button-danger');
    await user.click(within(dialog).getByRole('button', { name: 'Delete product' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('LAMP is on orders, so it cannot be deleted. Deactivate it instead');

    await user.click(screen.getByRole('button', { name: 'Deactivate instead' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Deactivate LAMP?' });
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    expect(await screen.findByText('Inactive: kept on past orders, not offered for new ones')).toBeInTheDocument();
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ active: false });
    expect(screen.getByRole('button', { name: 'Activate' })).toBeInTheDocument();
  });

  it('shows a rep the product and its stock to read: nothing to change', SLOW, async () => {
    const { requests } = productApi(lamp);
    renderScreen(3, 'REP');

    expect(await screen.findByRole('heading', { name: 'Desk lamp', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('No stock movements yet.')).toBeInTheDocument();
    for (const name of ['Edit', 'Receive stock…', 'Correct count…', 'Delete product', 'Deactivate']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    // The team list is the managers': a rep does not ask for it.
    expect(requests.some((request) => request.url.includes('/team'))).toBe(false);
  });
});
