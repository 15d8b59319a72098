import { useId, useMemo, useState } from 'react';
import { Chart, ChartSkeleton, type ChartOption } from '@/components/chart';
import { QueryError } from '@/components/query-error';
import type { components } from '@/lib/api/schema';
import { useLocale, useT, type MessageKey } from '@/lib/i18n';
import { currencyName, formatMoney, formatMoneyCompact } from '@/lib/money';
import { SALES_GROUPINGS, useSales, type CurrencySales, type SalesGroupBy, type SalesReport } from '../api/get-sales';
import { NONE, salesGroupLabel, useStatsFormat } from '../lib/format';
import type { Period } from '../lib/period';
import { LoadingStatus, TilesSkeleton } from './skeletons';
import { useDeferredQuery } from '@/lib/use-deferred-query';

type QuotationConversion = components['schemas']['QuotationConversion'];

/** The groupings in words, as the churn breakdown names them. */
const GROUP_NAMES: Record<SalesGroupBy, MessageKey> = {
  MONTH: 'stats.groupBy.month',
  REP: 'stats.groupBy.rep',
  SOURCE: 'stats.groupBy.source',
  COUNTRY: 'stats.groupBy.country',
  PRODUCT: 'stats.groupBy.product',
};

/** Bars drawn for a grouping other than month (the table lists every group the API sent, up to 100). */
const CHART_GROUPS = 12;

const ZERO = /^-?0*(\.0*)?$/;

/** Anything paid, or cancelled, in the period in this currency. */
function soldIn(sales: CurrencySales): boolean {
  return sales.orders !== 0 || !ZERO.test(sales.revenue);
}

/** part / whole, or null when there is no whole to speak of. */
function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

interface TileProps {
  label: string;
  value: string;
  note?: string;
}

function Tile({ label, value, note }: TileProps) {
  return (
    <div className="stat-tile">
      <dt>{label}</dt>
      <dd>{value}</dd>
      {note && <dd className="stat-tile-note">{note}</dd>}
    </div>
  );
}

function QuotationTile({ quotations }: { quotations: QuotationConversion }) {
  const t = useT();
  const format = useStatsFormat();
  return (
    <Tile
      label={t('stats.sales.quotationConversion')}
      value={format.percent(ratio(quotations.converted, quotations.quotations))}
      note={t('stats.sales.quotationsOf', {
        converted: format.number(quotations.converted),
        quotations: format.number(quotations.quotations),
      })}
    />
  );
}

/** One currency's figures (amounts of different currencies are never added up), and the quotations. */
function SalesTiles({ sales, quotations }: { sales: CurrencySales; quotations: QuotationConversion }) {
  const t = useT();
  const locale = useLocale();
  const format = useStatsFormat();
  // A tile is narrow: the amount in short ("$4.8M") at a glance, the exact amount under it.
  const moneyTile = (label: string, amount: string | null | undefined) => {
    if (amount === null || amount === undefined) return <Tile label={label} value={NONE} />;
    const exact = formatMoney(amount, sales.currency, locale);
    const short = formatMoneyCompact(Number(amount), sales.currency, locale);
    return <Tile label={label} value={short} note={short === exact ? undefined : exact} />;
  };
  return (
    <dl className="stat-tiles">
      {moneyTile(t('stats.sales.revenue'), sales.revenue)}
      <Tile label={t('stats.sales.orders')} value={format.number(sales.orders)} />
      {moneyTile(t('stats.sales.averageOrderValue'), sales.averageOrderValue)}
      <Tile
        label={t('stats.sales.repeatRate')}
        value={format.percent(ratio(sales.repeatCustomers, sales.payingCustomers))}
        note={t('stats.sales.repeatOf', {
          repeat: format.number(sales.repeatCustomers),
          paying: format.number(sales.payingCustomers),
        })}
      />
      <Tile label={t('stats.sales.medianDaysToRepeat')} value={format.days(sales.medianDaysToRepeat)} />
      {moneyTile(t('stats.sales.lifetimeValue'), sales.lifetimeValue)}
      <QuotationTile quotations={quotations} />
    </dl>
  );
}

/** The tiles as SalesTiles lays them out, with dashes for the figures (the amounts have their exact value below). */
function SalesTilesSkeleton() {
  const t = useT();
  return (
    <TilesSkeleton
      tiles={[
        { label: t('stats.sales.revenue'), note: '' },
        { label: t('stats.sales.orders') },
        { label: t('stats.sales.averageOrderValue'), note: '' },
        { label: t('stats.sales.repeatRate'), note: t('stats.sales.repeatOf', { repeat: NONE, paying: NONE }) },
        { label: t('stats.sales.medianDaysToRepeat') },
        { label: t('stats.sales.lifetimeValue'), note: '' },
        {
          label: t('stats.sales.quotationConversion'),
          note: t('stats.sales.quotationsOf', { converted: NONE, quotations: NONE }),
        },
      ]}
    />
  );
}

/** Revenue per group of one currency: bars over the months, or the groups with most revenue, largest first. */
function SalesChart({ report, sales }: { report: SalesReport; sales: CurrencySales }) {
  const t = useT();
  const locale = useLocale();
  const format = useStatsFormat();
  const { groupBy } = report;
  const { currency, series } = sales;
  const monthly = groupBy === 'MONTH';
  const drawn = useMemo(() => (monthly ? series : series.slice(0, CHART_GROUPS)), [series, monthly]);
  const label = t('stats.sales.chart', { by: t(GROUP_NAMES[groupBy]), currency });
  const height = monthly ? 280 : Math.max(280, drawn.length * 28 + 48);

  const option = useMemo<ChartOption>(() => {
    const names = drawn.map((group) => salesGroupLabel(t, format, locale, groupBy, group));
    const money = (value: number) => formatMoneyCompact(value, currency, locale);
    const categories = monthly
      ? { type: 'category' as const, data: names }
      : // Trade order from the top, most revenue first; long product names cut short (the table has them whole).
        { type: 'category' as const, inverse: true, data: names, axisLabel: { width: 112, overflow: 'truncate' as const } };
    // Compact labels ("$120K"), fewer where they would overlap on a phone.
    const values = { type: 'value' as const, splitNumber: monthly ? 5 : 3, axisLabel: { formatter: money, hideOverlap: true } };
    return {
      // The exact amount, as the API wrote it, rather than the bar's binary number.
      tooltip: {
        trigger: 'axis',
        valueFormatter: (_value, index) => {
          const group = drawn[index];
          return group ? formatMoney(group.revenue, currency, locale) : '';
        },
      },
      grid: monthly ? { left: 64, right: 16, top: 16, bottom: 32 } : { left: 124, right: 24, top: 8, bottom: 32 },
      xAxis: monthly ? categories : values,
      yAxis: monthly ? values : categories,
      series: [{ type: 'bar', name: t('stats.sales.revenue'), data: drawn.map((group) => Number(group.revenue)) }],
    };
  }, [drawn, t, format, locale, groupBy, currency, monthly]);

  if (series.length === 0) {
    return <p className="muted chart-empty">{t('stats.sales.seriesEmpty', { currency })}</p>;
  }
  const product = groupBy === 'PRODUCT';
  return (
    <>
      {drawn.length < series.length && (
        <p className="muted small">{t('stats.sales.top', { shown: drawn.length, count: series.length })}</p>
      )}
      <Chart
        label={label}
        option={option}
        height={height}
        table={
          <table>
            <thead>
              <tr>
                <th scope="col">{t(GROUP_NAMES[groupBy])}</th>
                <th scope="col" className="numeric">{t('stats.sales.revenue')}</th>
                <th scope="col" className="numeric">{t('stats.sales.orders')}</th>
                {product && <th scope="col" className="numeric">{t('stats.sales.quantity')}</th>}
                <th scope="col" className="numeric">{t('stats.sales.share')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((group) => (
                <tr key={group.key}>
                  <th scope="row">{salesGroupLabel(t, format, locale, groupBy, group)}</th>
                  <td className="numeric">{formatMoney(group.revenue, currency, locale)}</td>
                  <td className="numeric">{format.number(group.orders)}</td>
                  {product && (
                    <td className="numeric">
                      {group.quantity === null || group.quantity === undefined ? NONE : format.number(group.quantity)}
                    </td>
                  )}
                  <td className="numeric">{format.percent(group.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </>
  );
}

/**
 * Sales by value in the period: per currency (the one with most revenue first, others on request) revenue,
 * orders, average order value, repeat customers, lifetime value, the quotations converted, and a chart of
 * revenue per month or per rep, source, country or product. A rep sees their own figures (scope OWN).
 */
export function SalesSection({ period }: { period: Period }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [groupBy, setGroupBy] = useState<SalesGroupBy>('MONTH');
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const sales = useDeferredQuery(useSales(period, groupBy));
  const report = sales.data;

  const groupControl = (
    <div className="stats-controls">
      <div className="field">
        <label htmlFor={`${id}-group`}>{t('stats.sales.groupBy')}</label>
        <select id={`${id}-group`} value={groupBy} onChange={(event) => setGroupBy(event.target.value as SalesGroupBy)}>
          {SALES_GROUPINGS.map((option) => (
            <option key={option} value={option}>
              {t(GROUP_NAMES[option])}
            </option>
          ))}
        </select>
      </div>
    </div>
  );

  let body;
  if (sales.isPending) {
    // The loaded section's layout, without figures: it keeps its place while they load.
    body = (
      <>
        <LoadingStatus />
        <SalesTilesSkeleton />
        {groupControl}
        <ChartSkeleton />
      </>
    );
  } else if (sales.isError && !report) body = <QueryError error={sales.error} onRetry={() => void sales.refetch()} />;
  else if (!report || !report.currencies.some(soldIn)) {
    body = (
      <>
        <p className="muted">{t('stats.sales.empty')}</p>
        {report && report.quotations.quotations > 0 && (
          <dl className="stat-tiles">
            <QuotationTile quotations={report.quotations} />
          </dl>
        )}
      </>
    );
  } else {
    const { currencies } = report;
    // The chosen currency while the period has it, else the one with most revenue.
    const current = currencies.find((entry) => entry.currency === chosenCurrency) ?? currencies[0]!;
    body = (
      <>
        {currencies.length > 1 && (
          <div className="stats-controls">
            <div className="field">
              <label htmlFor={`${id}-currency`}>{t('stats.sales.currency')}</label>
              <select
                id={`${id}-currency`}
                value={current.currency}
                aria-describedby={`${id}-currencies`}
                onChange={(event) => setChosenCurrency(event.target.value)}
              >
                {currencies.map((entry) => (
                  <option key={entry.currency} value={entry.currency}>
                    {`${entry.currency} · ${currencyName(entry.currency, locale)}`}
                  </option>
                ))}
              </select>
            </div>
            <p id={`${id}-currencies`} className="muted small">
              {t('stats.sales.currencies', { count: currencies.length })}
            </p>
          </div>
        )}
        <SalesTiles sales={current} quotations={report.quotations} />
        {groupControl}
        <SalesChart report={report} sales={current} />
      </>
    );
  }

  const own = report?.scope === 'OWN';
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={sales.isFetching || undefined}>
      <h2 id={`${id}-title`}>{own ? t('stats.sales.ownTitle') : t('stats.sales.title')}</h2>
      {own && <p className="muted">{t('stats.sales.own')}</p>}
      {body}
    </section>
  );
}
