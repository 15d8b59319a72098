import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/problem';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { listDuplicateGroups } from './list-duplicate-groups';
import { mergeCustomers } from './merge-customers';
import { undoMerge } from './undo-merge';

describe('duplicates API', () => {
  it('pages the groups with the cursor', async () => {
    const { requests } = mockFetch(() => jsonResponse({ items: [], nextCursor: null }));
    await listDuplicateGroups('abc');
    const url = new URL(requests[0]?.url ?? '');
    expect(url.pathname).toBe('/api/v1/customers/duplicates');
    expect(url.searchParams.get('cursor')).toBe('abc');
    expect(url.searchParams.get('limit')).toBe('50');
  });

  it('merges into the survivor with the duplicates in order of preference', async () => {
    const { requests } = mockFetch(() => jsonResponse({ mergeId: 4, mergedIds: [3, 1], filledFields: [], undoUntil: '2026-03-12T08:00:00Z' }));
    const result = await mergeCustomers({ survivorId: 2, duplicateIds: [3, 1] });
    expect(result.mergeId).toBe(4);
    expect(requests[0]?.method).toBe('POST');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/customers/2/merge');
    expect(await requests[0]?.json()).toEqual({ duplicateIds: [3, 1] });
  });

  it('undoes by merge id, and turns a refusal into an ApiError of its kind', async () => {
    const { requests } = mockFetch(() =>
      problemResponse({ type: 'https://harbor-crm.dev/problems/merge-already-undone', title: 'Undone', status: 409 }),
    );
    const error = await undoMerge(4).catch((caught: unknown) => caught);
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/merges/4/undo');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('merge-already-undone');
  });
});
