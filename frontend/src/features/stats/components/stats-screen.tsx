import { useState } from 'react';
import { fieldErrorsOf } from '@/lib/problem';
import { useT } from '@/lib/i18n';
import { useChurn, type ChurnGroupBy } from '../api/get-churn';
import { presetPeriod, type Period, type Preset } from '../lib/period';
import { useStatsFormat } from '../lib/format';
import { ChurnSection } from './churn-section';
import { FunnelSection } from './funnel-section';
import { PeriodPicker } from './period-picker';
import { RepsSection } from './reps-section';
import { SalesSection } from './sales-section';

/** Statistics: sales by value, churn and its reasons, the trend by month, one breakdown, the stage funnel and per rep. */
export function StatsScreen() {
  const t = useT();
  const format = useStatsFormat();
  const [preset, setPreset] = useState<Preset>('last30Days');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last30Days'));
  const [breakdown, setBreakdown] = useState<Exclude<ChurnGroupBy, 'month'>>('source');
  // A refused custom period: the API's field messages go next to the dates.
  // (The same query the churn section shows: one request.)
  const dateErrors = fieldErrorsOf(useChurn(period, 'month').error, t);

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('stats.title')}</h1>
      </div>
      <PeriodPicker
        preset={preset}
        period={period}
        errors={{ from: dateErrors.from, to: dateErrors.to }}
        onChange={(nextPreset, nextPeriod) => {
          setPreset(nextPreset);
          setPeriod(nextPeriod);
        }}
      />
      <p className="muted" role="status">
        {t('stats.period.showing', { from: format.day(period.from), to: format.day(period.to) })}
      </p>
      <SalesSection period={period} />
      <ChurnSection period={period} breakdown={breakdown} onBreakdown={setBreakdown} />
      <FunnelSection period={period} />
      <RepsSection period={period} />
    </div>
  );
}
