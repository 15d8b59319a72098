import { useMemo } from 'react';
import { Chart, ChartSkeleton, type ChartOption } from '@/components/chart';
import { QueryError } from '@/components/query-error';
import { useT } from '@/lib/i18n';
import { BREAKDOWNS, useChurn, type ChurnGroupBy, type ChurnReport } from '../api/get-churn';
import { groupLabel, useStatsFormat, type StatsFormat } from '../lib/format';
import type { Period } from '../lib/period';
import { LoadingStatus, TilesSkeleton } from './skeletons';
import { useDeferredQuery } from '@/lib/use-deferred-query';

const FIGURES = ['lost', 'released', 'autoReturned'] as const;

function ChurnTotals({ report }: { report: ChurnReport }) {
  const t = useT();
  const format = useStatsFormat();
  const { totals } = report;
  return (
    <dl className="stat-tiles">
      {FIGURES.map((figure) => (
        <div key={figure} className="stat-tile">
          <dt>{t(`stats.churn.${figure}`)}</dt>
          <dd>{format.number(totals[figure])}</dd>
        </div>
      ))}
      <div className="stat-tile">
        <dt>{t('stats.churn.churned')}</dt>
        <dd>{format.number(totals.churned)}</dd>
      </div>
      <div className="stat-tile">
        <dt>{t('stats.churn.rate')}</dt>
        <dd>{format.percent(totals.churnRate)}</dd>
      </div>
    </dl>
  );
}

function ReasonsChart({ report }: { report: ChurnReport }) {
  const t = useT();
  const format = useStatsFormat();
  const reasons = report.reasons;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', valueFormatter: (value) => format.number(Number(value)) },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          name: t('stats.reasons.title'),
          radius: ['35%', '65%'],
          data: reasons.map((reason) => ({ name: reason.name || t('stats.reasons.none'), value: reason.count })),
          label: { formatter: (params) => `${params.name}: ${format.percent(Number(params.percent) / 100)}` },
        },
      ],
    }),
    [reasons, format, t],
  );
  if (reasons.length === 0) return <p className="muted chart-empty">{t('stats.reasons.empty')}</p>;
  return (
    <Chart
      label={t('stats.reasons.title')}
      option={option}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('stats.reasons.reason')}</th>
              <th scope="col" className="numeric">{t('stats.churn.lost')}</th>
              <th scope="col" className="numeric">{t('stats.churn.released')}</th>
              <th scope="col" className="numeric">{t('stats.reasons.count')}</th>
              <th scope="col" className="numeric">{t('stats.reasons.share')}</th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((reason) => (
              <tr key={reason.reasonId ?? 'none'}>
                <th scope="row">{reason.name || t('stats.reasons.none')}</th>
                <td className="numeric">{format.number(reason.lost)}</td>
                <td className="numeric">{format.number(reason.released)}</td>
                <td className="numeric">{format.number(reason.count)}</td>
                <td className="numeric">{format.percent(reason.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** Lost, released and auto-returned per group as series: a line over months, bars otherwise. */
function SeriesChart({ report, label }: { report: ChurnReport; label: string }) {
  const t = useT();
  const format = useStatsFormat();
  const groupBy = report.groupBy.toLowerCase() as ChurnGroupBy;
  const option = useMemo<ChartOption>(() => seriesOption(t, format, report, groupBy), [t, format, report, groupBy]);
  if (report.series.length === 0) return <p className="muted chart-empty">{t('stats.series.empty')}</p>;
  return (
    <Chart
      label={label}
      option={option}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t(`stats.groupBy.${groupBy}`)}</th>
              {FIGURES.map((figure) => (
                <th key={figure} scope="col" className="numeric">
                  {t(`stats.churn.${figure}`)}
                </th>
              ))}
              <th scope="col" className="numeric">{t('stats.churn.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {report.series.map((group) => (
              <tr key={group.key}>
                <th scope="row">{groupLabel(t, format, groupBy, group)}</th>
                {FIGURES.map((figure) => (
                  <td key={figure} className="numeric">
                    {format.number(group.figures[figure])}
                  </td>
                ))}
                <td className="numeric">
                  {format.percent(groupBy === 'month' ? group.figures.churnRate : group.churnRateContribution)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function seriesOption(
  t: ReturnType<typeof useT>,
  format: StatsFormat,
  report: ChurnReport,
  groupBy: ChurnGroupBy,
): ChartOption {
  const line = groupBy === 'month';
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value) => format.number(Number(value)) },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: report.series.map((group) => groupLabel(t, format, groupBy, group)) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
    series: FIGURES.map((figure) =>
      line
        ? { type: 'line' as const, name: t(`stats.churn.${figure}`), data: report.series.map((g) => g.figures[figure]) }
        : {
            type: 'bar' as const,
            stack: 'churn',
            name: t(`stats.churn.${figure}`),
            data: report.series.map((g) => g.figures[figure]),
          },
    ),
  };
}

export interface ChurnSectionProps {
  period: Period;
  breakdown: Exclude<ChurnGroupBy, 'month'>;
  onBreakdown: (breakdown: Exclude<ChurnGroupBy, 'month'>) => void;
}

/** Churn of the period: totals, reasons, the monthly trend and one breakdown. */
export function ChurnSection({ period, breakdown, onBreakdown }: ChurnSectionProps) {
  const t = useT();
  const trend = useDeferredQuery(useChurn(period, 'month'));
  const grouped = useDeferredQuery(useChurn(period, breakdown));

  let body;
  if (trend.isError && !trend.data) body = <QueryError error={trend.error} onRetry={() => void trend.refetch()} />;
  else {
    // While loading, the same layout without figures: the section keeps its size when they arrive.
    const report = trend.data;
    body = (
      <>
        {report ? (
          <ChurnTotals report={report} />
        ) : (
          <>
            <LoadingStatus />
            <TilesSkeleton
              tiles={[...FIGURES.map((figure) => ({ label: t(`stats.churn.${figure}`) })),
                { label: t('stats.churn.churned') }, { label: t('stats.churn.rate') }]}
            />
          </>
        )}
        <div className="chart-grid">
          <div>
            <h3>{t('stats.reasons.title')}</h3>
            {report ? <ReasonsChart report={report} /> : <ChartSkeleton />}
          </div>
          <div>
            <h3>{t('stats.trend.title')}</h3>
            {report ? <SeriesChart report={report} label={t('stats.trend.title')} /> : <ChartSkeleton />}
          </div>
        </div>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="stats-churn-title" aria-busy={trend.isFetching || undefined}>
      <h2 id="stats-churn-title">{t('stats.churn.title')}</h2>
      {body}
      <div className="stats-breakdown">
        <h3 id="stats-breakdown-title">{t('stats.breakdown.title')}</h3>
        <div className="field">
          <label htmlFor="stats-breakdown">{t('stats.breakdown.by')}</label>
          <select
            id="stats-breakdown"
            value={breakdown}
            onChange={(event) => onBreakdown(event.target.value as ChurnSectionProps['breakdown'])}
          >
            {BREAKDOWNS.map((option) => (
              <option key={option} value={option}>
                {t(`stats.groupBy.${option}`)}
              </option>
            ))}
          </select>
        </div>
        {grouped.isPending ? (
          <>
            <LoadingStatus />
            <ChartSkeleton />
          </>
        ) : grouped.isError && !grouped.data ? (
          <QueryError error={grouped.error} onRetry={() => void grouped.refetch()} />
        ) : (
          <SeriesChart
            report={grouped.data}
            label={t('stats.breakdown.chart', { by: t(`stats.groupBy.${breakdown}`) })}
          />
        )}
      </div>
    </section>
  );
}
