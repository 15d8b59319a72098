import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { Inquiry, ProductRef } from '../api/list-inquiries';
import { Inquiries } from './inquiries';
import { fakeApi, PROBLEMS } from './test-api';

const SLOW = { timeout: 20_000 };

function inquiry(id: number, overrides: Partial<Inquiry> = {}): Inquiry {
  return {
    id,
    customerId: 5,
    channel: 'ALIBABA',
    receivedAt: '2026-03-02T08:00:00Z',
    contact: { name: 'Ana Souza' },
    repeat: false,
    ownerId: null,
    ownerName: null,
    createdBy: null,
    createdAt: '2026-03-02T08:00:00Z',
    matchedProduct: null,
    ...overrides,
  };
}

const panel: ProductRef = {
  id: 42,
  sku: 'LP-6060-40',
  name: 'LED panel light 600x600 40W',
  active: true,
  stock: { onHand: 12600, reserved: 200, available: 12400 },
};
const hinge: ProductRef = {
  id: 43,
  sku: 'BH-100',
  name: 'Brass hinge 100 mm',
  active: false,
  stock: { onHand: 300, reserved: 300, available: 0 },
};

/** Inquiries matched to the catalogue: the panel twice, the hinge (sold out, no longer offered) once, one unmatched. */
function matchedApi() {
  return fakeApi((_request, url) =>
    url.pathname === '/api/v1/customers/5/inquiries'
      ? jsonResponse({
          items: [
            inquiry(4, { product: 'LED panel 40w 600*600', matchedProduct: panel }),
            inquiry(3, { product: 'hinges, brass', matchedProduct: hinge }),
            inquiry(2, { product: 'Custom aluminium profile' }),
            inquiry(1, { product: 'LP-6060-40 x 2000', matchedProduct: panel }),
          ],
          nextCursor: null,
        })
      : undefined,
  );
}

const renderInquiries = () =>
  renderWithProviders(
    <MemoryRouter>
      <Inquiries customerId={5} />
    </MemoryRouter>,
  );

describe('Customer inquiries', () => {
  it('lists each inquiry with its channel, product and message, and marks repeat ones with the owner then', SLOW, async () => {
    const { requests } = fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers/5/inquiries'
        ? jsonResponse({
            items: [
              inquiry(2, { channel: 'EXHIBITION', product: 'Brass hinges', message: 'Need 2,000 pieces', repeat: true, ownerName: 'Li Na' }),
              inquiry(1, { channel: 'IM', message: 'Price list please' }),
            ],
            nextCursor: null,
          })
        : undefined,
    );
    renderWithProviders(<Inquiries customerId={5} />);

    const list = await screen.findByRole('list', { name: 'Inquiries' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Trade show');
    expect(items[0]).toHaveTextContent('Repeat inquiry');
    expect(items[0]).toHaveTextContent('Product: Brass hinges');
    expect(items[0]).toHaveTextContent('Need 2,000 pieces');
    expect(items[0]).toHaveTextContent('owner then: Li Na');
    expect(items[1]).toHaveTextContent('Instant messaging');
    expect(items[1]).not.toHaveTextContent('Repeat inquiry');
    expect(new URL(requests[0]?.url ?? '').searchParams.get('limit')).toBe('20');
  });

  it('shows the catalogue product each inquiry matched, with its stock in words, linked to the product', SLOW, async () => {
    matchedApi();
    renderInquiries();

    const items = within(await screen.findByRole('list', { name: 'Inquiries' })).getAllByRole('listitem');
    expect(items).toHaveLength(4);

    const panelLink = within(items[0]!).getByRole('link', { name: 'LED panel light 600x600 40W (LP-6060-40)' });
    expect(panelLink).toHaveAttribute('href', '/products/42');
    expect(items[0]).toHaveTextContent('Product: LED panel 40w 600*600');
    expect(items[0]).toHaveTextContent('In the catalogue: LED panel light 600x600 40W (LP-6060-40) · 12,400 available');
    expect(items[0]).toHaveTextContent('12,600 on hand · 200 reserved');
    expect(items[0]).not.toHaveTextContent('Out of stock');

    expect(within(items[1]!).getByRole('link', { name: 'Brass hinge 100 mm (BH-100)' })).toHaveAttribute('href', '/products/43');
    expect(items[1]).toHaveTextContent('Inactive');
    expect(items[1]).toHaveTextContent('Out of stock');
    expect(items[1]).toHaveTextContent('0 available');
    expect(items[1]).toHaveTextContent('300 on hand · 300 reserved');

    // Nothing in the catalogue matched: the text as sent, no link.
    expect(items[2]).toHaveTextContent('Product: Custom aluminium profile');
    expect(items[2]).not.toHaveTextContent('In the catalogue');
    expect(within(items[2]!).queryByRole('link')).not.toBeInTheDocument();
  });

  it('lists the distinct products asked about above the inquiries, most recent first, with how often', SLOW, async () => {
    matchedApi();
    renderInquiries();

    const asked = await screen.findByRole('list', { name: 'Products asked about' });
    const products = within(asked).getAllByRole('listitem');
    expect(products).toHaveLength(2);
    expect(within(products[0]!).getByRole('link', { name: 'LED panel light 600x600 40W (LP-6060-40)' })).toHaveAttribute(
      'href',
      '/products/42',
    );
    expect(products[0]).toHaveTextContent('2 inquiries');
    expect(within(products[1]!).getByRole('link', { name: 'Brass hinge 100 mm (BH-100)' })).toHaveAttribute(
      'href',
      '/products/43',
    );
    expect(products[1]).not.toHaveTextContent('inquiries');
    // Above the inquiries.
    const inquiries = screen.getByRole('list', { name: 'Inquiries' });
    expect(asked.compareDocumentPosition(inquiries) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('speaks Chinese', SLOW, async () => {
    setLocale('zh-CN');
    matchedApi();
    renderInquiries();
    const asked = await screen.findByRole('list', { name: '询问过的产品' });
    expect(within(asked).getAllByRole('listitem')[0]).toHaveTextContent('2 条询盘');
    const items = within(screen.getByRole('list', { name: '询盘' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('对应产品：');
    expect(items[0]).toHaveTextContent('可用 12,400');
    expect(items[1]).toHaveTextContent('缺货');
  });

  it('has no products line when no inquiry matched the catalogue', SLOW, async () => {
    fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers/5/inquiries'
        ? jsonResponse({ items: [inquiry(1, { product: 'Something else' })], nextCursor: null })
        : undefined,
    );
    renderInquiries();
    await screen.findByRole('list', { name: 'Inquiries' });
    expect(screen.queryByRole('list', { name: 'Products asked about' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Products asked about' })).not.toBeInTheDocument();
  });

  it('says when there are none', SLOW, async () => {
    fakeApi(() => undefined);
    renderWithProviders(<Inquiries customerId={5} />);
    expect(await screen.findByText('No inquiries received for this customer.')).toBeInTheDocument();
  });

  it('explains a failed read and offers to retry', SLOW, async () => {
    fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers/5/inquiries'
        ? problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 })
        : undefined,
    );
    renderWithProviders(<Inquiries customerId={5} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This could not be found. It may have been deleted.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
