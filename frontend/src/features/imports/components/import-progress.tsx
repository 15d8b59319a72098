import { useFormatters, useT } from '@/lib/i18n';
import type { ImportJob } from '../api/start-import';

/**
 * How far a job has got, as a bar with its values for screen readers. Before the row count
 * is known the bar has no value (indeterminate), as ARIA specifies.
 */
export function ImportProgress({ job }: { job: ImportJob }) {
  const t = useT();
  const format = useFormatters();
  const total = job.totalRows ?? null;
  const done = job.status === 'DONE';
  // A finished job is complete even when it had no rows at all.
  const max = total && total > 0 ? total : 1;
  const now = done ? max : total ? Math.min(job.processedRows, total) : null;
  const percent = now === null ? 0 : Math.round((now / max) * 100);
  const phase = t(`imports.phase.${job.phase}`);
  const text =
    total === null
      ? t('imports.progress.unknownTotal', { phase, processed: format.number(job.processedRows) })
      : t('imports.progress.text', {
          phase,
          processed: format.number(done ? total : Math.min(job.processedRows, total)),
          total: format.number(total),
        });
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={t('imports.progress.label')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now ?? undefined}
        aria-valuetext={text}
        className={now === null ? 'progress-track is-indeterminate' : 'progress-track'}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">{text}</p>
    </div>
  );
}
