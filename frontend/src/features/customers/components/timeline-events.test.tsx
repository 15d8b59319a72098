import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { customerEventSentence } from '@/lib/customer-event-text';
import { translate } from '@/lib/i18n';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { TimelineEntry } from '../api/get-timeline';
import { Timeline } from './timeline';
import { fakeApi } from './test-api';

const SLOW = { timeout: 20_000 };
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

function event(type: string, data: Record<string, unknown>): TimelineEntry {
  return { kind: 'EVENT', id: 1, at: '2026-03-01T08:00:00Z', type, data };
}

const reasons = new Map([[11, 'Price']]);

describe('Timeline sentences for lost, release and merge events', () => {
  it('names the reason and the note of a lost customer and of a release', () => {
    expect(customerEventSentence(t, event('LOST', { reasonId: 11, note: 'Too expensive' }), new Map(), reasons)).toBe(
      'Marked as lost: reason “Price”. Note: Too expensive',
    );
    expect(customerEventSentence(t, event('OWNER_CHANGED', { kind: 'RELEASED', reasonId: 11 }), new Map(), reasons)).toBe(
      'Given back to the pool: reason “Price”.',
    );
    // Reasons not loaded (yet): the sentence still reads.
    expect(customerEventSentence(t, event('LOST', { reasonId: 99 }), new Map(), reasons)).toBe('Marked as lost');
  });

  it('tells the kinds of owner change apart', () => {
    expect(customerEventSentence(t, event('OWNER_CHANGED', { kind: 'CLAIMED' }), new Map())).toBe('Claimed from the pool');
    expect(customerEventSentence(t, event('OWNER_CHANGED', { kind: 'TRANSFERRED' }), new Map())).toBe('Transferred to another owner');
    expect(customerEventSentence(t, event('OWNER_CHANGED', { kind: 'AUTO_RETURNED' }), new Map())).toBe('Returned to the pool by the pool rules');
    expect(customerEventSentence(t, event('OWNER_CHANGED', {}), new Map())).toBe('Owner changed');
  });

  it('says whom a merge took in and what it filled, and how many an undo restored', () => {
    expect(
      customerEventSentence(t, event('MERGED', { duplicates: [{ id: 2, name: 'Ana S.' }], filledFields: ['phone', 'companyName', 'stage'] }), new Map()),
    ).toBe('Merged into this customer: Ana S.. Took over: Telephone, Company, Stage.');
    expect(customerEventSentence(t, event('MERGE_UNDONE', { restoredIds: [2, 3] }), new Map())).toBe('Merge undone: 2 customers restored.');
    expect(customerEventSentence(t, event('REACTIVATED', {}), new Map())).toBe('Reactivated');
  });

  it('looks reasons up from /lost-reasons, archived ones included', SLOW, async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/lost-reasons') {
        return jsonResponse({ items: [{ id: 12, name: 'Went to a competitor', archived: true, position: 7, version: 0 }], nextCursor: null });
      }
      if (url.pathname === '/api/v1/customers/5/timeline') {
        return jsonResponse({ items: [{ ...event('LOST', { reasonId: 12 }), actorName: 'Li Na' }], nextCursor: null });
      }
      return undefined;
    });
    renderWithProviders(<Timeline customerId={5} tags={[]} />);
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    expect(await within(timeline).findByText('Marked as lost: reason “Went to a competitor”.')).toBeInTheDocument();
  });
});
