import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/problem';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { listInquiries } from './list-inquiries';
import { listTeam } from '@/lib/team';
import { markLost } from './mark-lost';
import { reactivateCustomer } from './reactivate-customer';

describe('customer lost, inquiries and team API', () => {
  it('marks lost with the reason and note, and reactivates', async () => {
    const { requests } = mockFetch(() => jsonResponse({ id: 5, status: 'LOST' }));
    await markLost({ id: 5, body: { reasonId: 11, note: 'Closed' } });
    await reactivateCustomer(5);
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /api/v1/customers/5/lost',
      'POST /api/v1/customers/5/reactivate',
    ]);
    expect(await requests[0]?.json()).toEqual({ reasonId: 11, note: 'Closed' });
  });

  it('turns a not-lost answer into an ApiError of that kind', async () => {
    mockFetch(() => problemResponse({ type: 'https://harbor-crm.dev/problems/not-lost', title: 'Not lost', status: 409 }));
    const error = await reactivateCustomer(5).catch((caught: unknown) => caught);
    expect((error as ApiError).kind).toBe('not-lost');
  });

  it('pages a customer’s inquiries and reads the team', async () => {
    const { requests } = mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/team'
        ? jsonResponse({ items: [{ id: 6, name: 'Sam Rep', role: 'REP' }] })
        : jsonResponse({ items: [], nextCursor: null }),
    );
    await listInquiries(5, 'next');
    expect((await listTeam()).items).toEqual([{ id: 6, name: 'Sam Rep', role: 'REP' }]);
    const inquiries = new URL(requests[0]?.url ?? '');
    expect(inquiries.pathname).toBe('/api/v1/customers/5/inquiries');
    expect(inquiries.searchParams.get('cursor')).toBe('next');
    expect(new URL(requests[1]?.url ?? '').pathname).toBe('/api/v1/team');
  });
});
