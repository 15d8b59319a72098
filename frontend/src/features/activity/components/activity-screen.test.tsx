import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/domain';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { ActivityScreen } from './activity-screen';
import { activityApi, entry, lastQuery, NOW, PROBLEMS, TIME_ZONE } from './test-api';

const FOLLOW_UP_TYPES = ['EMAIL', 'SMS', 'CALL', 'CHAT', 'MEETING', 'VISIT', 'SAMPLE', 'QUOTATION', 'NOTE'];

function renderScreen(role: Role = 'MANAGER', path = '/activity') {
  const router = createMemoryRouter(
    [
      { path: '/activity', element: <ActivityScreen role={role} timeZone={TIME_ZONE} /> },
      { path: '/customers/:id', element: <p>Customer page</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

function feed() {
  return screen.getByRole('region', { name: 'What happened' });
}

const everySource = [
  entry(1, { content: 'Asked about the new price list.' }),
  entry(2, { source: 'EVENT', type: 'STAGE_CHANGED', at: '2026-03-10T01:00:00Z', content: null, data: { from: 'INQUIRY', to: 'SAMPLE_ORDER' } }),
  entry(3, { source: 'EVENT', type: 'OWNER_CHANGED', at: '2026-03-09T03:00:00Z', content: null, customerId: 6, customerName: 'Blue Sea Imports', data: { kind: 'CLAIMED' } }),
  entry(4, {
    source: 'ORDER',
    type: 'ORDER_PAID',
    at: '2026-03-09T02:00:00Z',
    content: null,
    data: { orderId: 12, kind: 'ORDER', status: 'PAID', total: 1200, currency: 'USD' },
  }),
  entry(5, {
    source: 'EVENT',
    type: 'OWNER_CHANGED',
    at: '2026-03-05T01:00:00Z',
    actorId: null,
    actorName: null,
    content: null,
    data: { kind: 'AUTO_RETURNED' },
  }),
];

beforeEach(() => {
  // Only the clock: "today" is the store's 10 March 2026, while timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Team activity feed', () => {
  it('says each entry in words, newest first under its store day, linking the customer', async () => {
    activityApi({ entries: everySource });
    renderScreen();

    expect(await screen.findByRole('heading', { name: 'Team activity', level: 1 })).toBeInTheDocument();
    const today = await screen.findByRole('list', { name: 'Today, Tuesday, March 10, 2026' });
    const [call, stage] = within(today).getAllByRole('listitem');
    expect(call).toHaveTextContent(/^Lin Wei · Call · Acme Trading · 10:42\sAMAsked about the new price list\.$/);
    expect(within(call!).getByRole('link', { name: 'Acme Trading' })).toHaveAttribute('href', '/customers/5');
    expect(stage).toHaveTextContent('Stage changed from Inquiry to Sample order');

    const yesterday = screen.getByRole('list', { name: 'Yesterday, Monday, March 9, 2026' });
    const [claim, order] = within(yesterday).getAllByRole('listitem');
    expect(claim).toHaveTextContent('Lin Wei · Blue Sea Imports · 11:00');
    expect(claim).toHaveTextContent('Claimed from the pool');
    expect(order).toHaveTextContent('Order #12 is now Paid · $1,200.00');

    const older = screen.getByRole('list', { name: 'Thursday, March 5, 2026' });
    expect(within(older).getByRole('listitem')).toHaveTextContent(/^Automatic · Acme Trading · 9:00\sAMReturned to the pool by the pool rules$/);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Today, Tuesday, March 10, 2026',
      'Yesterday, Monday, March 9, 2026',
      'Thursday, March 5, 2026',
    ]);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('clamps a long follow-up and shows the rest on demand', async () => {
    const long = `${'We talked about the sample order. '.repeat(10)}\nNext: the price list.`;
    activityApi({ entries: [entry(1, { content: long })] });
    const { user } = renderScreen();
    const more = await screen.findByRole('button', { name: 'Show more' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('puts the filters in the URL and sends them as repeated query parameters', async () => {
    const { requests } = activityApi({ entries: everySource });
    const { user, router } = renderScreen();
    await screen.findByRole('list', { name: /^Today/ });
    // The last 7 days of the store by default.
    expect(lastQuery(requests).get('from')).toBe('2026-03-04');
    expect(lastQuery(requests).get('to')).toBe('2026-03-10');

    const person = screen.getByRole('combobox', { name: 'Person' });
    await within(person).findByRole('option', { name: 'Lin Wei' });
    await user.selectOptions(person, 'Lin Wei');
    expect(router.state.location.search).toBe('?userId=2');
    await waitFor(() => expect(lastQuery(requests).getAll('userId')).toEqual(['2']));
    expect(lastQuery(requests, '/api/v1/activity/summary').getAll('userId')).toEqual(['2']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'All follow-ups');
    expect(new URLSearchParams(router.state.location.search).getAll('type')).toEqual(FOLLOW_UP_TYPES);
    await waitFor(() => expect(lastQuery(requests).getAll('type')).toEqual(FOLLOW_UP_TYPES));
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('All follow-ups');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Team' }), 'Export East');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Customer stage' }), 'Inquiry');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Customer tag' }), 'VIP');
    await user.click(screen.getByRole('button', { name: 'Last 30 days' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search follow-ups' }), '报价');
    await waitFor(() => expect(lastQuery(requests).get('q')).toBe('报价'));
    const query = lastQuery(requests);
    expect(query.get('team')).toBe('Export East');
    expect(query.getAll('stage')).toEqual(['INQUIRY']);
    expect(query.getAll('tagId')).toEqual(['7']);
    expect(query.get('from')).toBe('2026-02-09');
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');
    const shared = new URLSearchParams(router.state.location.search);
    expect(shared.get('q')).toBe('报价');
    expect(shared.get('team')).toBe('Export East');
    expect(shared.get('from')).toBe('2026-02-09');
    expect(screen.getByRole('button', { name: 'Filters (6)' })).toHaveAttribute('aria-expanded', 'false');

    await user.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(lastQuery(requests).has('userId')).toBe(false));
    expect(lastQuery(requests).has('q')).toBe(false);
    expect(screen.getByRole('searchbox', { name: 'Search follow-ups' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveDisplayValue('Everyone');
  });

  it('opens a shared link with the filters it carries', async () => {
    const { requests } = activityApi({ entries: everySource });
    renderScreen('MANAGER', '/activity?from=2026-03-01&to=2026-03-07&userId=2&userId=3&type=CALL&type=ORDER_PAID&tagId=8');
    await screen.findByRole('list', { name: /^Yesterday/ });
    const query = lastQuery(requests);
    expect(query.getAll('userId')).toEqual(['2', '3']);
    expect(query.getAll('type')).toEqual(['CALL', 'ORDER_PAID']);
    expect(query.getAll('tagId')).toEqual(['8']);
    expect(query.get('from')).toBe('2026-03-01');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveDisplayValue('2 chosen');
    expect(screen.getByRole('combobox', { name: 'Customer tag' })).toHaveDisplayValue('Trade fair');
    expect(screen.getByLabelText('From')).toHaveValue('2026-03-01');
  });

  it('loads older entries with the cursor the server gave', async () => {
    const { requests } = activityApi({ entries: everySource, pageSize: 2 });
    const { user } = renderScreen();
    await screen.findByRole('list', { name: /^Today/ });
    expect(within(feed()).queryByText('Claimed from the pool')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(feed()).findByText('Claimed from the pool')).toBeInTheDocument();
    expect(lastQuery(requests).get('cursor')).toBe('2');
    expect(lastQuery(requests).get('from')).toBe('2026-03-04');
  });

  it('says so when nothing happened, and when nothing matches', async () => {
    activityApi({ entries: [] });
    const { user } = renderScreen();
    expect(await within(feed()).findByText('Nothing happened in this period.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Customer stage' }), 'Transaction');
    expect(await within(feed()).findByText('Nothing matches these filters in this period.')).toBeInTheDocument();
  });

  it('shows a rep their own activity, without person and team filters', async () => {
    const { requests } = activityApi({ entries: everySource });
    renderScreen('REP');
    expect(await screen.findByRole('heading', { name: 'My activity', level: 1 })).toBeInTheDocument();
    await screen.findByRole('list', { name: /^Today/ });
    expect(screen.queryByRole('combobox', { name: 'Person' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Team' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Type' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'My figures' })).toBeInTheDocument();
    expect(lastQuery(requests).has('userId')).toBe(false);
    // No list of people is asked for: the summary is asked once, for the period.
    const summaries = requests.filter((request) => new URL(request.url).pathname === '/api/v1/activity/summary');
    expect(summaries.every((request) => new URL(request.url).searchParams.has('from'))).toBe(true);
  });

  it('ignores people and teams a rep’s link carries', async () => {
    const { requests } = activityApi({ entries: everySource });
    renderScreen('REP', '/activity?userId=3&team=Export%20West');
    await screen.findByRole('list', { name: /^Today/ });
    expect(lastQuery(requests).has('userId')).toBe(false);
    expect(lastQuery(requests).has('team')).toBe(false);
  });
});

describe('Team activity summary', () => {
  it('shows each person’s figures, highlights overdue tasks and sorts on request', async () => {
    activityApi({ entries: [] });
    const { user, router } = renderScreen();
    const summary = await screen.findByRole('region', { name: 'By person' });
    const table = await within(summary).findByRole('table', { name: 'By person' });
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Person',
      'Follow-ups',
      'Calls',
      'E-mails',
      'Meetings',
      'Customers touched',
      'Active days',
      'Overdue tasks',
      'Last activity',
    ]);
    // Most overdue first.
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Zhao Lei Export West',
      'Amy Chen Export East',
      'Lin Wei Export East',
    ]);
    const lin = rows()[2]!;
    expect(within(lin).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '12',
      '5',
      '4',
      '3',
      '7',
      '4',
      '0',
      'Mar 10, 2026, 10:42 AM',
    ]);
    expect(within(rows()[1]!).getAllByRole('cell').at(-1)).toHaveTextContent('Nothing in this period');
    expect(within(summary).getByText('1 person has overdue tasks: customers are drifting.')).toHaveClass('activity-drifting');
    const zhao = rows()[0]!;
    expect(zhao).toHaveClass('is-drifting');
    expect(within(zhao).getByText('3')).toHaveClass('activity-overdue');
    expect(within(lin).getByText('0')).not.toHaveClass('activity-overdue');

    await user.selectOptions(within(summary).getByRole('combobox', { name: 'Sort by' }), 'Least active');
    expect(router.state.location.search).toBe('?sort=idle');
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Amy Chen Export East',
      'Zhao Lei Export West',
      'Lin Wei Export East',
    ]);
    await user.selectOptions(within(summary).getByRole('combobox', { name: 'Sort by' }), 'Name');
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Amy Chen Export East',
      'Lin Wei Export East',
      'Zhao Lei Export West',
    ]);
  });

  it('draws follow-ups by type with a text alternative for each bar', async () => {
    activityApi({ entries: [] });
    renderScreen();
    const chart = await screen.findByRole('figure', { name: 'Follow-ups by type' });
    expect(within(chart).getByRole('img', { name: 'Lin Wei: 12 follow-ups (Email 4, Call 5, Meeting 3)' })).toBeInTheDocument();
    expect(within(chart).getByRole('img', { name: 'Zhao Lei: 1 follow-up (Email 1)' })).toBeInTheDocument();
    expect(within(chart).getByRole('img', { name: 'Amy Chen: no follow-ups' })).toBeInTheDocument();
    // The legend names the types drawn, and only those.
    expect(within(chart).getAllByRole('listitem').slice(0, 3).map((item) => item.textContent?.trim())).toEqual([
      'Email',
      'Call',
      'Meeting',
    ]);
  });
});

describe('Team activity problems and languages', () => {
  it('says in words which filters the server refused, next to the dates too', async () => {
    const refused = () =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Invalid',
        status: 400,
        errors: [{ field: 'to', message: 'must not be before from', code: 'NOT_BEFORE_FIELD', otherField: 'from' }],
      });
    // The feed and the period's summary refuse the period (the list of people, asked without one, is answered).
    activityApi({ override: (_request, url) => (url.searchParams.has('from') ? refused() : undefined) });
    renderScreen('MANAGER', '/activity?from=2026-03-10&to=2026-03-01');

    const alert = await within(feed()).findByRole('alert');
    expect(alert).toHaveTextContent('Some filters were not accepted:');
    expect(alert).toHaveTextContent('To: Must not be before “From”.');
    expect(alert).not.toHaveTextContent('must not be before from');
    expect(screen.getByLabelText('To')).toHaveAccessibleDescription('Must not be before “From”.');
  });

  it('says how long the summary’s period may be', async () => {
    activityApi({
      entries: everySource,
      override: (_request, url) =>
        url.pathname === '/api/v1/activity/summary' && url.searchParams.has('from')
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Invalid',
              status: 400,
              errors: [{ field: 'to', message: 'must be at most 92 days after from', code: 'RANGE', min: 1, max: 92 }],
            })
          : undefined,
    });
    renderScreen('MANAGER', '/activity?from=2025-12-01&to=2026-03-10');
    const summary = await screen.findByRole('region', { name: 'By person' });
    expect(await within(summary).findByRole('alert')).toHaveTextContent('To: The period can be at most 92 days.');
    // The feed has no such limit.
    expect(await within(feed()).findByText('Claimed from the pool')).toBeInTheDocument();
  });

  it('explains a failure of the server, with a retry', async () => {
    activityApi({
      override: (_request, url) =>
        url.pathname === '/api/v1/activity'
          ? problemResponse({ type: `${PROBLEMS}/internal`, title: 'Boom', status: 500, errorId: 'e-42' })
          : undefined,
    });
    renderScreen();
    const alert = await within(feed()).findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on our side.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('speaks Chinese throughout, without English words of its own', async () => {
    localStorage.setItem('harbor.locale', 'zh-CN');
    activityApi({ entries: [entry(1, { content: '客户询问新报价，下周寄样。' }), ...everySource.slice(1)] });
    renderScreen();

    expect(await screen.findByRole('heading', { name: '团队动态', level: 1 })).toBeInTheDocument();
    const today = await screen.findByRole('list', { name: /^今天，2026年3月10日/ });
    expect(within(today).getAllByRole('listitem')[0]).toHaveTextContent('Lin Wei · 电话 · Acme Trading · 10:42客户询问新报价，下周寄样。');
    expect(within(today).getAllByRole('listitem')[1]).toHaveTextContent('阶段从“询盘”改为“样单”');
    expect(screen.getByText(/订单 #12状态变为“已付款”/)).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: 'Lin Wei：12 次跟进（邮件 4，电话 5，会议 3）' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '人员' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '按人员统计' })).toHaveTextContent('1 人有逾期任务，客户正在被冷落。');

    // Whatever is English on the page is data (people's and customers' names, a currency), never the UI's.
    const text = (document.body.textContent ?? '')
      .replaceAll(/Lin Wei|Zhao Lei|Amy Chen|Acme Trading|Blue Sea Imports|Export (East|West)|VIP|Trade fair|Harbor CRM|US\$/g, '')
      .replaceAll(/\b(AM|PM)\b/g, '');
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
  });
});
