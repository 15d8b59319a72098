import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { Inquiry } from '../api/list-inquiries';
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
