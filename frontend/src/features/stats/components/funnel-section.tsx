import { useMemo } from 'react';
import { Chart, ChartSkeleton, type ChartOption } from '@/components/chart';
import { QueryError } from '@/components/query-error';
import { useT } from '@/lib/i18n';
import { useFunnel, type FunnelReport } from '../api/get-funnel';
import { useStatsFormat } from '../lib/format';
import type { Period } from '../lib/period';
import { LoadingStatus } from './skeletons';
import { useDeferredQuery } from '@/lib/use-deferred-query';

function FunnelChart({ report }: { report: FunnelReport }) {
  const t = useT();
  const format = useStatsFormat();
  const stages = report.stages;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => format.number(Number(value)) },
      grid: { left: 120, right: 24, top: 8, bottom: 32 },
      // Trade order from the top, like a funnel.
      yAxis: { type: 'category', inverse: true, data: stages.map((stage) => t(`stage.${stage.stage}`)) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format.number(value) } },
      series: [
        {
          type: 'bar',
          name: t('stats.funnel.reached'),
          data: stages.map((stage) => stage.reached),
          label: { show: true, position: 'right', formatter: (params) => format.number(Number(params.value)) },
        },
      ],
    }),
    [stages, format, t],
  );
  return (
    <Chart
      label={t('stats.funnel.chart')}
      option={option}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t('customers.field.stage')}</th>
              <th scope="col" className="numeric">{t('stats.funnel.reached')}</th>
              <th scope="col" className="numeric">{t('stats.funnel.advanced')}</th>
              <th scope="col" className="numeric">{t('stats.funnel.conversion')}</th>
              <th scope="col" className="numeric">{t('stats.funnel.medianDays')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage) => (
              <tr key={stage.stage}>
                <th scope="row">{t(`stage.${stage.stage}`)}</th>
                <td className="numeric">{format.number(stage.reached)}</td>
                <td className="numeric">{stage.advanced === null || stage.advanced === undefined ? '–' : format.number(stage.advanced)}</td>
                <td className="numeric">{format.percent(stage.conversionRate)}</td>
                <td className="numeric">{format.days(stage.medianDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** Stage funnel: how many reached each stage, how many went on, and how long they stayed. */
export function FunnelSection({ period }: { period: Period }) {
  const t = useT();
  const format = useStatsFormat();
  const funnel = useDeferredQuery(useFunnel(period));
  let body;
  if (funnel.isPending) {
    body = (
      <>
        <LoadingStatus />
        <ChartSkeleton />
      </>
    );
  }
  else if (funnel.isError && !funnel.data) body = <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  else {
    const stages = funnel.data.stages;
    body = (
      <>
        <FunnelChart report={funnel.data} />
        <ul className="funnel-steps">
          {/* In words, for the stages something reached (the last stage has nowhere to go on to). */}
          {stages.slice(0, -1).filter((stage) => stage.reached > 0).map((stage) => (
            <li key={stage.stage}>
              {t('stats.funnel.step', {
                stage: t(`stage.${stage.stage}`),
                conversion: format.percent(stage.conversionRate),
                reached: format.number(stage.reached),
              })}
              {stage.medianDays !== null && stage.medianDays !== undefined &&
                ` ${t('stats.funnel.stepDays', { days: format.days(stage.medianDays) })}`}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="stats-funnel-title" aria-busy={funnel.isFetching || undefined}>
      <h2 id="stats-funnel-title">{t('stats.funnel.title')}</h2>
      {body}
    </section>
  );
}
