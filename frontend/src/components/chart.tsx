import { lazy, Suspense, useEffect, useId, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import type { ChartOption } from './echart';

export type { ChartOption } from './echart';

// ECharts is most of a statistics screen's script: it loads beside the screen's data, not before the screen shows.
let echartModule: Promise<typeof import('./echart')> | null = null;
function loadEChart() {
  echartModule ??= import('./echart');
  return echartModule;
}
const EChart = lazy(() => loadEChart().then((module) => ({ default: module.EChart })));

export interface ChartProps {
  /** What the chart shows, for screen readers and as its caption. */
  label: string;
  option: ChartOption;
  /** The same figures as a table: for screen readers, keyboard users and anyone who wants numbers. */
  table: ReactNode;
  height?: number;
}

/** One chart with its caption, and its figures as a table beside it. */
export function Chart({ label, option, table, height = 280 }: ChartProps) {
  const t = useT();
  const captionId = useId();
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-caption">
        {label}
      </figcaption>
      {/* The box has its height before ECharts arrives and draws: nothing below moves when the chart appears. */}
      <Suspense fallback={<div className="chart-box" style={{ height }} role="img" aria-label={label} />}>
        <EChart label={label} option={option} height={height} />
      </Suspense>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}

/**
 * The space a Chart takes, while its figures load: the same caption line, box and table line, so that the
 * screen does not move when the chart replaces it. Hidden from screen readers (the section says it is loading).
 */
export function ChartSkeleton({ height = 280 }: { height?: number }) {
  // The charts' script downloads while their figures do.
  useEffect(() => {
    void loadEChart();
  }, []);
  return (
    <div className="chart chart-skeleton" aria-hidden="true">
      <div className="chart-caption">{'\u00a0'}</div>
      <div className="chart-box" style={{ height }} />
      <div className="chart-table">{'\u00a0'}</div>
    </div>
  );
}
