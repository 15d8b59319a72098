import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { ChurnReport } from '../api/get-churn';
import type { FunnelReport } from '../api/get-funnel';
import type { RepActivityReport } from '../api/get-rep-stats';
import type { SalesGroup, SalesReport } from '../api/get-sales';
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
  if (groupBy === 'pool') {
    return {
      ...base,
      groupBy: 'POOL',
      series: [
        { key: '0', label: 'Main pool', from: null, to: null, figures: figures(2, 1, 1), churnRateContribution: 0.05, share: 0.6, reasons: [] },
        { key: '4', label: 'Middle East', from: null, to: null, figures: figures(1, 1, 0), churnRateContribution: 0.025, share: 0.3, reasons: [] },
        { key: 'none', label: 'Pool not recorded', from: null, to: null, figures: figures(0, 0, 1), churnRateContribution: 0, share: 0.1, reasons: [] },
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

const group = (key: string, label: string, orders: number, revenue: string, share: number, more: Partial<SalesGroup> = {}) => ({
  key,
  label,
  from: null,
  to: null,
  orders,
  revenue,
  share,
  ...more,
});

function salesSeries(groupBy: string, currency: 'USD' | 'EUR'): SalesGroup[] {
  if (currency === 'EUR') {
    return groupBy === 'MONTH'
      ? [
          group('2026-02', '2026-02', 0, '0.00', 0, { from: '2026-02-14', to: '2026-02-28' }),
          group('2026-03', '2026-03', 2, '3100.00', 1, { from: '2026-03-01', to: '2026-03-15' }),
        ]
      : [group('DE', 'DE', 2, '3100.00', 1)];
  }
  switch (groupBy) {
    case 'MONTH':
      return [
        group('2026-02', '2026-02', 5, '19300.00', 0.4, { from: '2026-02-14', to: '2026-02-28' }),
        group('2026-03', '2026-03', 7, '28950.00', 0.6, { from: '2026-03-01', to: '2026-03-15' }),
      ];
    case 'REP':
      return [group('2', 'Sam Rep', 10, '40000.00', 0.829), group('none', 'No owner', 2, '8250.00', 0.171)];
    case 'SOURCE':
      return [group('EXHIBITION', 'EXHIBITION', 8, '30000.00', 0.622), group('ALIBABA_INQUIRY', 'ALIBABA_INQUIRY', 4, '18250.00', 0.378)];
    case 'COUNTRY':
      return [group('DE', 'DE', 9, '40000.00', 0.829), group('', '', 3, '8250.00', 0.171)];
    default:
      return Array.from({ length: 14 }, (_, i) =>
        group(String(42 + i), `LP-${6060 + i} — LED panel light ${i + 1}`, 14 - i, `${(14 - i) * 1000}.00`, 0.05, {
          quantity: (14 - i) * 100,
        }),
      );
  }
}

function sales(groupBy: string, scope: 'STORE' | 'OWN' = 'STORE'): SalesReport {
  return {
    from: '2026-02-14',
    to: '2026-03-15',
    timeZone: 'Asia/Shanghai',
    groupBy: groupBy as SalesReport['groupBy'],
    scope,
    currencies: [
      {
        currency: 'USD',
        orders: 12,
        revenue: '48250.00',
        averageOrderValue: '4020.83',
        series: salesSeries(groupBy, 'USD'),
        payingCustomers: 9,
        repeatCustomers: 3,
        repeatRate: 3 / 9,
        medianDaysToRepeat: 41.5,
        lifetimeValue: '8120.50',
      },
      {
        currency: 'EUR',
        orders: 2,
        revenue: '3100.00',
        averageOrderValue: '1550.00',
        series: salesSeries(groupBy, 'EUR'),
        payingCustomers: 2,
        repeatCustomers: 0,
        repeatRate: 0,
        medianDaysToRepeat: null,
        lifetimeValue: '1550.00',
      },
    ],
    quotations: { quotations: 8, converted: 3, conversionRate: 0.375 },
  };
}

function statsApi(scope: 'STORE' | 'OWN' = 'STORE', route?: (url: URL) => Response | undefined) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    const routed = route?.(url);
    if (routed) return routed;
    if (url.pathname === '/api/v1/stats/churn') return jsonResponse(churn((url.searchParams.get('groupBy') ?? 'MONTH').toLowerCase(), scope));
    if (url.pathname === '/api/v1/stats/funnel') return jsonResponse({ ...funnel, scope });
    if (url.pathname === '/api/v1/stats/reps') return jsonResponse(reps(scope));
    if (url.pathname === '/api/v1/stats/sales') return jsonResponse(sales(url.searchParams.get('groupBy') ?? 'MONTH', scope));
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
    const trend = statsRequests(requests, 'churn').find((url) => url.searchParams.get('groupBy') === 'MONTH');
    expect(trend?.searchParams.get('from')).toBe('2026-02-14');
    expect(trend?.searchParams.get('to')).toBe('2026-03-15');
    expect(statsRequests(requests, 'churn').some((url) => url.searchParams.get('groupBy') === 'SOURCE')).toBe(true);

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

  it('keeps the loaded layout while the figures load: tiles with their labels and chart boxes, hidden from screen readers', SLOW, async () => {
    // Answers that never come: the screen as it is while loading.
    mockFetch(() => new Promise<Response>(() => {}));
    const { container } = renderWithProviders(<StatsScreen />);

    const salesSection = screen.getByRole('region', { name: 'Sales' });
    expect(within(salesSection).getByRole('status')).toHaveTextContent('Loading…');
    // The tiles the figures will fill, each with its label, and the grouping already there to choose.
    const skeletonTiles = [...salesSection.querySelectorAll('.stat-tiles.is-skeleton dt')].map((label) => label.textContent);
    expect(skeletonTiles).toContain('Revenue');
    expect(skeletonTiles).toContain('Quotation conversion');
    expect(within(salesSection).getByLabelText('Show revenue by')).toHaveValue('MONTH');
    const churnSection = screen.getByRole('region', { name: 'Churn' });
    expect(churnSection.querySelectorAll('.stat-tiles.is-skeleton .stat-tile')).toHaveLength(5);
    // A box of the chart's height for each chart to come: sales, reasons, trend, breakdown and funnel.
    const boxes = [...container.querySelectorAll<HTMLElement>('.chart-skeleton .chart-box')];
    expect(boxes.map((box) => box.style.height)).toEqual(['280px', '280px', '280px', '280px', '280px']);
    // Placeholders are not content: no figures, no tiles to read out.
    expect(within(churnSection).queryAllByRole('definition')).toHaveLength(0);
    expect(screen.queryAllByRole('figure')).toHaveLength(0);
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
    await waitFor(() => expect(statsRequests(requests, 'sales').at(-1)?.searchParams.get('from')).toBe('2025-04-01'));

    await user.click(screen.getByRole('radio', { name: 'This month' }));
    await waitFor(() => expect(statsRequests(requests, 'churn').at(-1)?.searchParams.get('from')).toBe('2026-03-01'));

    await user.selectOptions(screen.getByLabelText('Break down by'), 'Stage');
    await waitFor(() =>
      expect(statsRequests(requests, 'churn').some((url) => url.searchParams.get('groupBy') === 'STAGE')).toBe(true),
    );
  });

  it('breaks churn down by pool, by the pools’ names', SLOW, async () => {
    const { requests } = statsApi();
    const { user } = renderWithProviders(<StatsScreen />);
    await screen.findByRole('figure', { name: 'Churn by month' });

    await user.selectOptions(screen.getByLabelText('Break down by'), 'Pool');
    await waitFor(() =>
      expect(statsRequests(requests, 'churn').some((url) => url.searchParams.get('groupBy') === 'POOL')).toBe(true),
    );
    expect(await screen.findByRole('rowheader', { name: 'Middle East' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Main pool' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Pool not recorded (churn from before pools were tracked)' })).toBeInTheDocument();
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
    // Each section settles its own refused request; the churn dates' message can come first.
    expect((await screen.findAllByRole('alert'))[0]).toHaveTextContent('Some details need fixing');
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
    const mySales = screen.getByRole('region', { name: '我的销售' });
    expect(mySales).toHaveTextContent('仅您自己的数据');
    expect(within(mySales).getAllByRole('definition')[1]).toHaveTextContent('US$48,250.00');
    expect(within(mySales).getByRole('figure', { name: '按月份的销售额（USD）' })).toHaveTextContent('2026年3月');
  });

  it('says when a period had no churn, and explains failures with a retry', SLOW, async () => {
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/stats/churn') return jsonResponse({ ...churn('month'), reasons: [], series: [] });
      if (url.pathname === '/api/v1/stats/sales') {
        return jsonResponse({ ...sales('MONTH'), currencies: [], quotations: { quotations: 4, converted: 1, conversionRate: 0.25 } });
      }
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
    // Nothing sold, but quotations were written: their conversion still shows.
    const salesSection = screen.getByRole('region', { name: 'Sales' });
    expect(salesSection).toHaveTextContent('Nothing was sold in this period.');
    expect(within(salesSection).getAllByRole('definition').map((tile) => tile.textContent)).toEqual([
      '25%',
      '1 of 4 quotations became orders',
    ]);
    expect(within(salesSection).queryByRole('figure')).not.toBeInTheDocument();
    expect(within(salesSection).queryByLabelText('Show revenue by')).not.toBeInTheDocument();
  });
});

describe('Statistics: sales', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2026, 2, 15, 10, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const tiles = (section: HTMLElement) => within(section).getAllByRole('definition').map((tile) => tile.textContent);

  it('shows the main currency’s revenue, orders, averages, repeat customers and quotations, and revenue per month', SLOW, async () => {
    const { requests } = statsApi();
    const { container } = renderWithProviders(<StatsScreen />);
    const section = await screen.findByRole('region', { name: 'Sales' });
    await within(section).findByRole('figure', { name: 'Revenue by Month (USD)' });

    // Amounts in short at a glance, exactly under them.
    expect(tiles(section)).toEqual([
      '$48.3K',
      '$48,250.00',
      '12',
      '$4K',
      '$4,020.83',
      '33.3%',
      '3 of 9 paying customers ordered again',
      '41.5',
      '$8.1K',
      '$8,120.50',
      '37.5%',
      '3 of 8 quotations became orders',
    ]);
    const asked = statsRequests(requests, 'sales')[0];
    expect(asked?.searchParams.get('groupBy')).toBe('MONTH');
    expect(asked?.searchParams.get('from')).toBe('2026-02-14');
    expect(asked?.searchParams.get('to')).toBe('2026-03-15');
    // A store's figures: no "own" note.
    expect(section).not.toHaveTextContent('Your own figures');

    const chart = within(section).getByRole('figure', { name: 'Revenue by Month (USD)' });
    expect(within(chart).getByRole('row', { name: 'Feb 2026 $19,300.00 5 40%' })).toBeInTheDocument();
    expect(within(chart).getByRole('row', { name: 'Mar 2026 $28,950.00 7 60%' })).toBeInTheDocument();
    await waitFor(() => expect(section.querySelector('.chart-box svg')).not.toBeNull());
    expect(container.querySelectorAll('.chart-box svg').length).toBeGreaterThanOrEqual(1);
  });

  it('switches between currencies, never adding them up', SLOW, async () => {
    statsApi();
    const { user } = renderWithProviders(<StatsScreen />);
    const section = await screen.findByRole('region', { name: 'Sales' });
    const currency = await within(section).findByRole('combobox', { name: 'Currency' });
    expect(currency).toHaveValue('USD');
    expect(within(currency).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'USD · US Dollar',
      'EUR · Euro',
    ]);
    expect(currency).toHaveAccessibleDescription(/Sold in 2 currencies\. Amounts in different currencies are never added up/);

    await user.selectOptions(currency, 'EUR');
    expect(tiles(section)).toEqual([
      '€3.1K',
      '€3,100.00',
      '2',
      '€1.6K',
      '€1,550.00',
      '0%',
      '0 of 2 paying customers ordered again',
      '–',
      '€1.6K',
      '€1,550.00',
      '37.5%',
      '3 of 8 quotations became orders',
    ]);
    const chart = within(section).getByRole('figure', { name: 'Revenue by Month (EUR)' });
    expect(within(chart).getByRole('row', { name: 'Mar 2026 €3,100.00 2 100%' })).toBeInTheDocument();
    // Nowhere the sum of both currencies.
    expect(section).not.toHaveTextContent('51,350');
  });

  it('groups revenue by rep, source, country or product, named as elsewhere in the app', SLOW, async () => {
    const { requests } = statsApi();
    const { user } = renderWithProviders(<StatsScreen />);
    const section = await screen.findByRole('region', { name: 'Sales' });
    const groupBy = await within(section).findByRole('combobox', { name: 'Show revenue by' });
    expect(within(groupBy).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Month',
      'Rep',
      'Source',
      'Country',
      'Product',
    ]);

    await user.selectOptions(groupBy, 'Source');
    let chart = await within(section).findByRole('figure', { name: 'Revenue by Source (USD)' });
    expect(statsRequests(requests, 'sales').at(-1)?.searchParams.get('groupBy')).toBe('SOURCE');
    expect(within(chart).getByRole('row', { name: 'Exhibition $30,000.00 8 62.2%' })).toBeInTheDocument();
    expect(within(chart).getByRole('row', { name: 'Alibaba inquiry $18,250.00 4 37.8%' })).toBeInTheDocument();
    // The totals do not depend on the grouping.
    expect(tiles(section)[1]).toBe('$48,250.00');

    await user.selectOptions(groupBy, 'Country');
    chart = await within(section).findByRole('figure', { name: 'Revenue by Country (USD)' });
    expect(within(chart).getByRole('row', { name: 'Germany $40,000.00 9 82.9%' })).toBeInTheDocument();
    expect(within(chart).getByRole('row', { name: 'Unknown $8,250.00 3 17.1%' })).toBeInTheDocument();

    await user.selectOptions(groupBy, 'Rep');
    chart = await within(section).findByRole('figure', { name: 'Revenue by Rep (USD)' });
    expect(within(chart).getByRole('row', { name: 'Sam Rep $40,000.00 10 82.9%' })).toBeInTheDocument();
    expect(within(chart).getByRole('row', { name: 'No owner $8,250.00 2 17.1%' })).toBeInTheDocument();

    await user.selectOptions(groupBy, 'Product');
    chart = await within(section).findByRole('figure', { name: 'Revenue by Product (USD)' });
    expect(within(chart).getByRole('columnheader', { name: 'Units' })).toBeInTheDocument();
    expect(
      within(chart).getByRole('row', { name: 'LP-6060 — LED panel light 1 $14,000.00 14 1,400 5%' }),
    ).toBeInTheDocument();
    // The chart draws the first 12; the table has all 14.
    expect(within(chart).getAllByRole('row')).toHaveLength(15);
    expect(section).toHaveTextContent('The chart shows the 12 with the most revenue; the table lists all 14.');
  });

  it('tells a rep the figures are their own', SLOW, async () => {
    statsApi('OWN');
    renderWithProviders(<StatsScreen />);
    const section = await screen.findByRole('region', { name: 'My sales' });
    expect(section).toHaveTextContent('Your own figures: the orders of your customers and the quotations you wrote.');
    expect(screen.queryByRole('region', { name: 'Sales' })).not.toBeInTheDocument();
  });

  it('explains a failed read with a retry', SLOW, async () => {
    statsApi('STORE', (url) =>
      url.pathname === '/api/v1/stats/sales'
        ? problemResponse({ type: 'https://harbor-crm.dev/problems/internal', title: 'Boom', status: 500 })
        : undefined,
    );
    renderWithProviders(<StatsScreen />);
    const section = await screen.findByRole('region', { name: 'Sales' });
    expect(await within(section).findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    expect(section).not.toHaveTextContent('Boom');
    expect(within(section).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
