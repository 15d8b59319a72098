import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { ChurnReport } from '../api/get-churn';
import type { FunnelReport } from '../api/get-funnel';
import type { RepActivityReport } from '../api/get-rep-stats';
import { StatsScreen } from './stats-screen';

const SLOW = { timeout: 20_000 };
const figures = (lost: number, released: number, autoReturned: number, activeAtStart: number | null = null) => ({
  activeAtStart,
  lost,
  released,
  autoReturned,
  churned: lost + released + autoReturned,
  churnRate: activeAtStart ? lost / activeAtStart : null,
});
const reasons = [
  { reasonId: 1, name: 'Price too high', archived: false, lost: 3, released: 1, count: 4, share: 0.8 },
  { reasonId: 2, name: 'Went silent', archived: false, lost: 0, released: 1, count: 1, share: 0.2 },
];

function churn(groupBy: string, scope: 'STORE' | 'OWN' = 'STORE'): ChurnReport {
  const base = { from: '2026-02-14', to: '2026-03-15', timeZone: 'Asia/Shanghai', scope, totals: figures(3, 2, 1, 40), reasons };
  if (groupBy === 'month') {
    return {
      ...base,
      groupBy: 'MONTH',
      series: [
        { key: '2026-02', label: '2026-02', from: '2026-02-14', to: '2026-02-28', figures: figures(1, 1, 0, 40), churnRateContribution: 0.025, share: 0.33, reasons: [] },
        { key: '2026-03', label: '2026-03', from: '2026-03-01', to: '2026-03-15', figures: figures(2, 1, 1, 39), churnRateContribution: 0.05, share: 0.67, reasons: [] },
      ],
    };
  }
  return {
    ...base,
    groupBy: 'SOURCE',
    series: [
      { key: 'EXHIBITION', label: 'EXHIBITION', from: null, to: null, figures: figures(2, 1, 0), churnRateContribution: 0.05, share: 0.5, reasons: [] },
      { key: 'UNKNOWN', label: 'UNKNOWN', from: null, to: null, figures: figures(1, 1, 1), churnRateContribution: 0.025, share: 0.5, reasons: [] },
    ],
  };
}

const funnel: FunnelReport = {
  from: '2026-02-14',
  to: '2026-03-15',
  timeZone: 'Asia/Shanghai',
  scope: 'STORE',
  stages: [
    { stage: 'UNMARKED', reached: 10, advanced: 8, conversionRate: 0.8, medianDays: 1.5, staysEnded: 8 },
    { stage: 'INQUIRY', reached: 8, advanced: 4, conversionRate: 0.5, medianDays: 6, staysEnded: 5 },
    { stage: 'SAMPLE_ORDER', reached: 4, advanced: 1, conversionRate: 0.25, medianDays: null, staysEnded: 0 },
    { stage: 'NO_DEAL', reached: 0, advanced: 0, conversionRate: null, medianDays: null, staysEnded: 0 },
    { stage: 'TRANSACTION', reached: 1, advanced: 0, conversionRate: 0, medianDays: null, staysEnded: 0 },
    { stage: 'REPEAT_PURCHASE', reached: 0, advanced: null, conversionRate: null, medianDays: null, staysEnded: 0 },
  ],
};

function repRow(userId: number, name: string, followUps: number) {
  return {
    userId,
    name,
    role: 'REP' as const,
    active: true,
    ownedNow: 12,
    claimed: 3,
    assigned: 1,
    followUps,
    stageAdvances: 2,
    deals: 1,
    lost: 1,
    released: 0,
    autoReturned: 0,
  };
}

function reps(scope: 'STORE' | 'OWN'): RepActivityReport {
  const items = scope === 'OWN' ? [repRow(2, 'Sam Rep', 1234)] : [repRow(2, 'Sam Rep', 1234), repRow(3, 'Li Wei', 5)];
  return { from: '2026-02-14', to: '2026-03-15', timeZone: 'Asia/Shanghai', scope, items };
}

function statsApi(scope: 'STORE' | 'OWN' = 'STORE', route?: (url: URL) => Response | undefined) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    const routed = route?.(url);
    if (routed) return routed;
    if (url.pathname === '/api/v1/stats/churn') return jsonResponse(churn(url.searchParams.get('groupBy') ?? 'month', scope));
    if (url.pathname === '/api/v1/stats/funnel') return jsonResponse({ ...funnel, scope });
    if (url.pathname === '/api/v1/stats/reps') return jsonResponse(reps(scope));
    return new Response(null, { status: 404 });
  });
}

const statsRequests = (requests: Request[], path: string) =>
  requests.filter((request) => new URL(request.url).pathname === `/api/v1/stats/${path}`).map((request) => new URL(request.url));

describe('Statistics', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 2, 15, 10, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for the last 30 days, and draws churn, reasons, trend, breakdown and funnel with their figures', SLOW, async () => {
    const { requests } = statsApi();
    const { container } = renderWithProviders(<StatsScreen />);

    const churnSection = await screen.findByRole('region', { name: 'Churn' });
    const tiles = (await within(churnSection).findAllByRole('definition')).map((tile) => tile.textContent);
    expect(tiles).toEqual(['3', '2', '1', '6', '7.5%']);
    const trend = statsRequests(requests, 'churn').find((url) => url.searchParams.get('groupBy') === 'month');
    expect(trend?.searchParams.get('from')).toBe('2026-02-14');
    expect(trend?.searchParams.get('to')).toBe('2026-03-15');
    expect(statsRequests(requests, 'churn').some((url) => url.searchParams.get('groupBy') === 'source')).toBe(true);

    // Each chart is a labelled figure, drawn as SVG, with its figures as a table.
    const reasonsChart = screen.getByRole('figure', { name: 'Churn by reason' });
    expect(within(reasonsChart).getByRole('row', { name: /Price too high 3 1 4 80%/ })).toBeInTheDocument();
    const trendChart = screen.getByRole('figure', { name: 'Churn by month' });
    expect(within(trendChart).getByRole('row', { name: /Mar 2026 2 1 1 5.1%/ })).toBeInTheDocument();
    const breakdown = await screen.findByRole('figure', { name: 'Churn by Source' });
    expect(within(breakdown).getByRole('row', { name: /Exhibition 2 1 0/ })).toBeInTheDocument();
    expect(within(breakdown).getByRole('row', { name: /Unknown 1 1 1/ })).toBeInTheDocument();
    await waitFor(() => expect(container.querySelectorAll('.chart-box svg').length).toBeGreaterThanOrEqual(3));

    const funnelSection = await screen.findByRole('region', { name: 'Stage funnel' });
    const funnelChart = within(funnelSection).getByRole('figure', { name: 'Customers reaching each stage' });
    expect(within(funnelChart).getByRole('row', { name: /Inquiry 8 4 50% 6/ })).toBeInTheDocument();
    expect(funnelSection).toHaveTextContent('Inquiry: 50% of 8 went on. Median stay: 6 days.');
    expect(funnelSection).toHaveTextContent('Sample order: 25% of 4 went on.');
    // Nothing reached it: no sentence about it.
    expect(within(funnelSection).queryByText(/^Quoted, no deal:/)).not.toBeInTheDocument();

    const repsSection = await screen.findByRole('region', { name: 'Per rep' });
    await within(repsSection).findByRole('row', { name: /Li Wei/ });
    expect(within(repsSection).getByRole('row', { name: /Sam Rep 12 3 1 1,234/ })).toBeInTheDocument();
  });

  it('follows the chosen preset and breakdown', SLOW, async () => {
    const { requests } = statsApi();
    const { user } = renderWithProviders(<StatsScreen />);
    await screen.findByRole('figure', { name: 'Churn by month' });

    await user.click(screen.getByRole('radio', { name: 'Last 12 months' }));
    await waitFor(() =>
      expect(statsRequests(requests, 'funnel').map((url) => url.searchParams.get('from'))).toContain('2025-04-01'),
    );
    expect(statsRequests(requests, 'reps').at(-1)?.searchParams.get('to')).toBe('2026-03-15');

    await user.click(screen.getByRole('radio', { name: 'This month' }));
    await waitFor(() => expect(statsRequests(requests, 'churn').at(-1)?.searchParams.get('from')).toBe('2026-03-01'));

    await user.selectOptions(screen.getByLabelText('Break down by'), 'Stage');
    await waitFor(() =>
      expect(statsRequests(requests, 'churn').some((url) => url.searchParams.get('groupBy') === 'stage')).toBe(true),
    );
  });

  it('takes a custom period, checks its order, and shows the API’s refusal next to the dates', SLOW, async () => {
    const { requests } = statsApi('STORE', (url) =>
      url.searchParams.get('from') === '2020-01-01'
        ? problemResponse({
            type: 'https://harbor-crm.dev/problems/validation',
            title: 'Invalid',
            status: 400,
            errors: [{ field: 'to', message: 'the period is at most 5 years', code: 'PERIOD_TOO_LONG', max: 5 }],
          })
        : undefined,
    );
    const { user } = renderWithProviders(<StatsScreen />);
    await screen.findByRole('figure', { name: 'Churn by month' });
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.clear(from);
    await user.type(from, '2026-03-20');
    await user.click(screen.getByRole('button', { name: 'Show this period' }));
    expect(to).toHaveAccessibleDescription('The last day must not be before the first.');

    await user.clear(from);
    await user.type(from, '2020-01-01');
    await user.click(screen.getByRole('button', { name: 'Show this period' }));
    await waitFor(() => expect(to).toHaveAccessibleDescription('The period can be at most 5 years.'));
    expect(statsRequests(requests, 'funnel').at(-1)?.searchParams.get('from')).toBe('2020-01-01');
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent('Some details need fixing');
  });

  it('shows a rep their own figures only, and speaks Chinese with Chinese numbers and dates', SLOW, async () => {
    setLocale('zh-CN');
    statsApi('OWN');
    renderWithProviders(<StatsScreen />);
    const own = await screen.findByRole('region', { name: '我的数据' });
    await within(own).findByRole('row', { name: /Sam Rep/ });
    expect(within(own).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('figure', { name: '每月流失趋势' })).toHaveTextContent('2026年3月');
    expect(screen.getByText(/显示 2026年2月14日 至 2026年3月15日/)).toBeInTheDocument();
  });

  it('says when a period had no churn, and explains failures with a retry', SLOW, async () => {
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/stats/churn') return jsonResponse({ ...churn('month'), reasons: [], series: [] });
      if (url.pathname === '/api/v1/stats/funnel') {
        return problemResponse({ type: 'https://harbor-crm.dev/problems/internal', title: 'Boom', status: 500 });
      }
      return jsonResponse(reps('STORE'));
    });
    renderWithProviders(<StatsScreen />);
    expect(await screen.findByText('No customer was lost or released in this period.')).toBeInTheDocument();
    const funnelSection = screen.getByRole('region', { name: 'Stage funnel' });
    expect(await within(funnelSection).findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    expect(within(funnelSection).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
