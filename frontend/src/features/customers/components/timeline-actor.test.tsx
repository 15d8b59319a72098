import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { TimelineEntry } from '../api/get-timeline';
import { Timeline } from './timeline';
import { fakeApi } from './test-api';

const SLOW = { timeout: 20_000 };

const entries: TimelineEntry[] = [
  { kind: 'EVENT', id: 2, at: '2026-03-02T08:00:00Z', type: 'INQUIRY_RECEIVED', actorId: 9, actorName: 'Website inquiry form', actorKind: 'API_KEY', data: {} },
  { kind: 'EVENT', id: 1, at: '2026-03-01T08:00:00Z', type: 'CREATED', actorId: 1, actorName: 'Li Na', actorKind: 'PERSON', data: {} },
];

function renderTimeline() {
  fakeApi((_request, url) =>
    url.pathname === '/api/v1/customers/5/timeline' ? jsonResponse({ items: entries, nextCursor: null }) : undefined,
  );
  renderWithProviders(<Timeline customerId={5} tags={[]} />);
}

describe('Timeline actors', () => {
  it('marks what an API key did with a badge beside the key’s name, and nothing beside a person', SLOW, async () => {
    renderTimeline();
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const [byKey, byPerson] = within(timeline).getAllByRole('listitem');

    expect(byKey).toHaveTextContent('Website inquiry form');
    expect(within(byKey as HTMLElement).getByText('API key')).toHaveClass('badge');
    expect(byKey).toHaveTextContent('Inquiry received');
    expect(byPerson).toHaveTextContent('Li Na');
    expect(within(byPerson as HTMLElement).queryByText('API key')).not.toBeInTheDocument();
  });

  it('names the badge in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    renderTimeline();
    const timeline = await screen.findByRole('list', { name: '时间线' });
    expect(await within(timeline).findByText('API 密钥')).toBeInTheDocument();
  });
});
