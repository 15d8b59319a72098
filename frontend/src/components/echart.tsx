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
import { useEffect, useRef } from 'react';
import { useLocale } from '@/lib/i18n';

// Only what the app draws. This module (and ECharts with it) is loaded by chart.tsx when a chart is first shown.
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

function drawn(option: ChartOption): ChartOption {
  // ECharts' aria module describes the series in words on the chart's box. No animation: the chart is there at
  // once (nothing moves for who prefers less motion), and a screen of charts does not redraw for a second.
  return { ...option, animation: false, aria: { enabled: true } };
}

export interface EChartProps {
  label: string;
  option: ChartOption;
  height: number;
}

/**
 * The ECharts box (SVG) of a Chart: drawn once near the screen, in a task of its own (a screen of several charts
 * does not block the page for all of them at once), redrawn on new data, resized when its width changes, rebuilt
 * when the language changes (ECharts' own texts follow it).
 */
export function EChart({ label, option, height }: EChartProps) {
  const locale = useLocale();
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const optionRef = useRef(option);

  useEffect(() => {
    optionRef.current = option;
    chartRef.current?.setOption(drawn(option), true);
  }, [option]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let chart: EChartsType | null = null;
    let width = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      timer = setTimeout(() => {
        chart = init(box, null, { renderer: 'svg', locale: locale === 'zh-CN' ? 'ZH' : 'EN', height });
        chartRef.current = chart;
        chart.setOption(drawn(optionRef.current), true);
        width = Math.round(box.getBoundingClientRect().width);
      }, 0);
    };
    // Drawn when it comes near the screen: charts further down a page cost nothing until scrolled to.
    const visibility =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              if (!entries.some((entry) => entry.isIntersecting)) return;
              visibility?.disconnect();
              draw();
            },
            { rootMargin: '400px 0px' },
          );
    if (visibility) visibility.observe(box);
    else draw();
    // Only a new width redraws: the observer's first report, of the size the chart was drawn at, does not.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const next = Math.round(entries[0]?.contentRect.width ?? width);
            if (next === width) return;
            width = next;
            chart?.resize();
          });
    observer?.observe(box);
    return () => {
      clearTimeout(timer);
      visibility?.disconnect();
      observer?.disconnect();
      chart?.dispose();
      chartRef.current = null;
    };
  }, [locale, height]);

  return <div ref={boxRef} className="chart-box" style={{ height }} role="img" aria-label={label} />;
}
