import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useLocale, useT } from '@/lib/i18n';

// Only what the app draws: this module (and ECharts with it) loads with the statistics route alone.
use([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export interface ChartProps {
  /** What the chart shows, for screen readers and as its caption. */
  label: string;
  option: ChartOption;
  /** The same figures as a table: for screen readers, keyboard users and anyone who wants numbers. */
  table: ReactNode;
  height?: number;
}

/**
 * One ECharts chart (SVG), resized with its box, redrawn on new data, rebuilt when the
 * language changes (ECharts' own texts follow it), with its figures as a table beside it.
 */
export function Chart({ label, option, table, height = 280 }: ChartProps) {
  const t = useT();
  const locale = useLocale();
  const captionId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = init(box, null, { renderer: 'svg', locale: locale === 'zh-CN' ? 'ZH' : 'EN', height });
    chartRef.current = chart;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(box);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [locale, height]);

  useEffect(() => {
    // ECharts' aria module then describes the series in words on the chart's box.
    chartRef.current?.setOption({ ...option, aria: { enabled: true } }, true);
  }, [option, locale]);

  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-caption">
        {label}
      </figcaption>
      {/* Fixed height before the first draw: nothing below moves when the chart appears. */}
      <div ref={boxRef} className="chart-box" style={{ height }} role="img" aria-label={label} />
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        {table}
      </details>
    </figure>
  );
}
