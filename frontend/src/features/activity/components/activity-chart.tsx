import { useId } from 'react';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import type { ActivityRepSummary } from '../api/summarize-activity';
import { typeLabel } from '../lib/entry-text';
import { FOLLOW_UP_TYPES } from '../lib/types';

/** Each person's follow-ups by type, in words: what the bar says to a screen reader. */
export function barLabel(t: Translate, rep: ActivityRepSummary): string {
  const parts = FOLLOW_UP_TYPES.filter((type) => (rep.counts[type] ?? 0) > 0).map((type) =>
    t('activity.chart.part', { type: typeLabel(t, type), count: rep.counts[type] ?? 0 }),
  );
  if (rep.followUps === 0 || parts.length === 0) return t('activity.chart.none', { name: rep.name });
  return t('activity.chart.bar', { name: rep.name, count: rep.followUps, parts: parts.join(t('activity.chart.separator')) });
}

/**
 * A stacked bar per person of their follow-ups by type, drawn with CSS (no chart library on this route), longest
 * for whoever followed up most. Each bar is an image named by its figures in words.
 */
export function ActivityChart({ reps }: { reps: ActivityRepSummary[] }) {
  const t = useT();
  const { number } = useFormatters();
  const captionId = useId();
  const most = Math.max(1, ...reps.map((rep) => rep.followUps));
  const shownTypes = FOLLOW_UP_TYPES.filter((type) => reps.some((rep) => (rep.counts[type] ?? 0) > 0));
  return (
    <figure className="activity-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="activity-chart-caption">
        {t('activity.chart.title')}
      </figcaption>
      {shownTypes.length > 0 && (
        <ul className="activity-chart-legend">
          {shownTypes.map((type) => (
            <li key={type}>
              <span className={`activity-swatch activity-type-${type}`} aria-hidden="true" /> {typeLabel(t, type)}
            </li>
          ))}
        </ul>
      )}
      <ul className="activity-chart-rows">
        {reps.map((rep) => (
          <li key={rep.userId}>
            <span className="activity-chart-name" aria-hidden="true">
              {rep.name}
            </span>
            <div className="activity-chart-track" role="img" aria-label={barLabel(t, rep)}>
              {FOLLOW_UP_TYPES.filter((type) => (rep.counts[type] ?? 0) > 0).map((type) => (
                <span
                  key={type}
                  className={`activity-chart-segment activity-type-${type}`}
                  style={{ width: `${((rep.counts[type] ?? 0) / most) * 100}%` }}
                />
              ))}
            </div>
            <span className="activity-chart-total" aria-hidden="true">
              {number(rep.followUps)}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
