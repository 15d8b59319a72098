import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { CampaignMessage } from '../api/list-campaign-recipients';
import type { Campaign } from '../api/list-campaigns';
import { CampaignDetailScreen } from './campaign-detail-screen';
import { CampaignsScreen } from './campaigns-screen';
import { draft, PROBLEMS, sending } from './campaign-test-data';

const SLOW = { timeout: 30_000 };

function pathOf(request: Request) {
  return new URL(request.url).pathname;
}

const message = (id: number, status: CampaignMessage['status'], extra: Partial<CampaignMessage> = {}): CampaignMessage => ({
  id,
  customerId: 100 + id,
  customerName: `Buyer ${id}`,
  channel: 'EMAIL',
  direction: 'OUT',
  status,
  address: `customer${id}@example.com`,
  campaignId: 77,
  createdAt: '2025-03-10T09:00:00Z',
  updatedAt: '2025-03-10T09:01:00Z',
  sentAt: status === 'QUEUED' || status === 'SKIPPED' ? null : '2025-03-10T09:00:30Z',
  ...extra,
});

const recipients: CampaignMessage[] = [
  message(1, 'DELIVERED'),
  message(2, 'BOUNCED', { error: '550 5.1.1 Mailbox unknown' }),
  message(3, 'SKIPPED', { skipReason: 'NO_CONSENT', address: null }),
  message(4, 'QUEUED'),
];

/** Answers getCampaign with each of `versions` in turn (the last one again once they run out). */
function fakeCampaignApi(versions: Campaign[], { pageSize = 50 }: { pageSize?: number } = {}) {
  let reads = 0;
  let current = versions[0] as Campaign;
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/api/v1/campaigns/77' && request.method === 'GET') {
      current = versions[Math.min(reads, versions.length - 1)] as Campaign;
      reads += 1;
      return jsonResponse(current, { headers: { ETag: `"${current.version}"` } });
    }
    if (path === '/api/v1/campaigns/77/cancel') {
      current = { ...current, status: 'CANCELLED', counts: { ...current.counts, queued: 0, cancelled: current.counts.queued } };
      versions.splice(0, versions.length, current);
      reads = 0;
      return jsonResponse(current);
    }
    if (path === '/api/v1/campaigns/77' && request.method === 'DELETE') return new Response(null, { status: 204 });
    if (path === '/api/v1/campaigns/77/recipients') {
      const status = url.searchParams.get('status');
      const matching = recipients.filter((item) => !status || item.status === status);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = start + pageSize;
      return jsonResponse({ items: matching.slice(start, end), nextCursor: end < matching.length ? String(end) : null });
    }
    if (path === '/api/v1/campaigns') return jsonResponse({ items: versions, nextCursor: null });
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const reads_ = () => mock.requests.filter((request) => request.method === 'GET' && pathOf(request) === '/api/v1/campaigns/77').length;
  return { ...mock, reads: reads_ };
}

function renderDetail() {
  const router = createMemoryRouter(
    [
      { path: '/campaigns/:id', element: <CampaignDetailScreen campaignId={77} /> },
      { path: '/campaigns', element: <p>The list</p> },
      { path: '/campaigns/:id/edit', element: <p>The editor</p> },
    ],
    { initialEntries: ['/campaigns/77'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('CampaignDetailScreen', () => {
  it('reads a sending campaign every 2 seconds and moves its progress bar until it is done', SLOW, async () => {
    const halfway: Campaign = { ...sending, counts: { ...sending.counts, queued: 40, sent: 50, delivered: 8, failed: 2 } };
    const done: Campaign = {
      ...sending,
      status: 'DONE',
      finishedAt: '2025-03-10T09:05:00Z',
      counts: { ...sending.counts, queued: 0, sent: 80, delivered: 15, bounced: 3, failed: 2 },
    };
    const { reads } = fakeCampaignApi([sending, halfway, done]);
    renderDetail();

    expect(await screen.findByRole('heading', { name: 'Spring push', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Sending', { selector: '.status-chip' })).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Progress of “Spring push”' });
    // sent 8 + delivered 1 + failed 1 of 110 recipients less 10 skipped
    expect(bar).toHaveAttribute('aria-valuenow', '10');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(screen.getByText('Updated every 2 seconds while it is sending.')).toBeInTheDocument();
    const progress = screen.getByRole('region', { name: 'Progress' });
    expect(progress).toHaveTextContent('10 of 100 done · 10 skipped');

    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '60'), { timeout: 8_000 });
    await waitFor(() => expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'), { timeout: 8_000 });
    expect(screen.getByText('Done', { selector: '.status-chip' })).toBeInTheDocument();
    expect(within(progress).getByText('Bounced').nextElementSibling).toHaveTextContent('3');
    expect(screen.queryByText('Updated every 2 seconds while it is sending.')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel campaign' })).not.toBeInTheDocument();

    // done: no more reading
    const settled = reads();
    expect(settled).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(reads()).toBe(settled);
  });

  it('cancels a sending campaign after a confirmation in red', async () => {
    const { requests } = fakeCampaignApi([sending]);
    const { user } = renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Cancel campaign' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Cancel “Spring push”?' });
    expect(confirm).toHaveAccessibleDescription(/those already on their way still arrive/);
    expect(within(confirm).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    const button = within(confirm).getByRole('button', { name: 'Cancel campaign' });
    expect(button).toHaveClass('button-danger');
    await user.click(button);
    expect(await screen.findByText('Cancelled', { selector: '.status-chip' })).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST' && pathOf(request) === '/api/v1/campaigns/77/cancel')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Cancel campaign' })).not.toBeInTheDocument();
  });

  it('lists the recipients with what became of each, filtered by status, with more on request', async () => {
    const { requests } = fakeCampaignApi([{ ...sending, status: 'DONE' }], { pageSize: 3 });
    const { user } = renderDetail();
    const table = await screen.findByRole('table', { name: 'Recipients' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Customer',
      'Address',
      'Status',
      'Details',
      'Last change',
    ]);
    const bounced = within(table).getByRole('rowheader', { name: 'Buyer 2' }).closest('tr') as HTMLElement;
    expect(within(bounced).getByText('Bounced')).toHaveClass('status-chip');
    expect(bounced).toHaveTextContent('550 5.1.1 Mailbox unknown');
    expect(within(bounced).getByRole('link', { name: 'Buyer 2' })).toHaveAttribute('href', '/customers/102');
    const skipped = within(table).getByRole('rowheader', { name: 'Buyer 3' }).closest('tr') as HTMLElement;
    expect(skipped).toHaveTextContent('No consent to marketing messages');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('rowheader', { name: 'Buyer 4' })).toBeInTheDocument();
    expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('cursor')).toBe('3');

    await user.selectOptions(screen.getByLabelText('Status'), 'Bounced');
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Buyer 1' })).not.toBeInTheDocument());
    expect(screen.getByRole('rowheader', { name: 'Buyer 2' })).toBeInTheDocument();
    expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('status')).toBe('BOUNCED');
  });

  it('offers a draft for editing or deletion, and shows no progress or recipients for it', async () => {
    const { requests } = fakeCampaignApi([draft]);
    const { user, router } = renderDetail();
    expect(await screen.findByRole('link', { name: 'Edit draft' })).toHaveAttribute('href', '/campaigns/77/edit');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Recipients' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete draft' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete the draft “Spring push”?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete draft' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns'));
    expect(requests.some((request) => request.method === 'DELETE')).toBe(true);
  });
});

describe('CampaignsScreen', () => {
  it('lists the campaigns with status, progress, skipped count, creator and dates', async () => {
    const scheduled: Campaign = { ...draft, id: 78, name: 'Autumn fair', status: 'SCHEDULED', scheduledAt: '2030-09-01T08:00:00Z' };
    fakeCampaignApi([sending, scheduled, { ...draft, id: 79, name: 'Idea' }]);
    const router = createMemoryRouter([{ path: '/campaigns', element: <CampaignsScreen /> }], { initialEntries: ['/campaigns'] });
    renderWithProviders(<RouterProvider router={router} />);
    const table = await screen.findByRole('table', { name: 'All campaigns' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Campaign',
      'Channel',
      'Status',
      'Progress',
      'Created by',
      'Dates',
    ]);
    const row = within(table).getByRole('link', { name: 'Spring push' }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('E-mail');
    expect(within(row).getByText('Sending')).toHaveClass('status-chip', 'campaign-status-sending');
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '10');
    expect(row).toHaveTextContent('10 of 100 done · 10 skipped');
    expect(row).toHaveTextContent('Li Na');
    expect(row).toHaveTextContent(/Started/);
    const autumn = within(table).getByRole('link', { name: 'Autumn fair' }).closest('tr') as HTMLElement;
    expect(autumn).toHaveTextContent(/Scheduled for/);
    const idea = within(table).getByRole('link', { name: 'Idea' }).closest('tr') as HTMLElement;
    expect(within(idea).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New campaign' })).toHaveAttribute('href', '/campaigns/new');
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    fakeCampaignApi([sending]);
    const router = createMemoryRouter([{ path: '/campaigns', element: <CampaignsScreen /> }], { initialEntries: ['/campaigns'] });
    renderWithProviders(<RouterProvider router={router} />);
    const table = await screen.findByRole('table', { name: '全部群发活动' });
    expect(within(table).getByText('发送中')).toBeInTheDocument();
    expect(within(table).getByText(/已处理 10 \/ 100/)).toBeInTheDocument();
  });
});
