import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/problem';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { createLostReason } from './create-lost-reason';
import { deleteLostReason } from './delete-lost-reason';
import { listLostReasons } from './list-lost-reasons';
import { updateLostReason } from './update-lost-reason';

const reason = { id: 3, name: 'Price', archived: false, position: 2, version: 5 };

describe('lost reasons API', () => {
  it('lists, creates, and patches with the version as If-Match', async () => {
    const { requests } = mockFetch((request) => jsonResponse(request.method === 'GET' ? { items: [reason], nextCursor: null } : reason));
    expect((await listLostReasons()).items).toEqual([reason]);
    await createLostReason({ name: 'Price' });
    await updateLostReason({ reason, changes: { archived: true } });

    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'GET /api/v1/lost-reasons',
      'POST /api/v1/lost-reasons',
      'PATCH /api/v1/lost-reasons/3',
    ]);
    expect(await requests[1]?.json()).toEqual({ name: 'Price' });
    expect(requests[2]?.headers.get('If-Match')).toBe('"5"');
    expect(await requests[2]?.json()).toEqual({ archived: true });
  });

  it('reports a reason in use as its own kind of problem', async () => {
    mockFetch(() => problemResponse({ type: 'https://harbor-crm.dev/problems/reason-in-use', title: 'In use', status: 409 }));
    const error = await deleteLostReason(3).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('reason-in-use');
  });
});
