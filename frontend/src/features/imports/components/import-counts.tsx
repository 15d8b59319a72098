import { useFormatters, useT } from '@/lib/i18n';
import type { ImportJob } from '../api/start-import';

const COUNTS = ['created', 'updated', 'skipped', 'rejected'] as const;

/** What the job did (or, for a dry run, would do) with the rows. */
export function ImportCounts({ job }: { job: ImportJob }) {
  const t = useT();
  const format = useFormatters();
  const prefix = job.options.dryRun ? 'imports.wouldCount' : 'imports.count';
  return (
    <dl className="import-counts">
      {COUNTS.map((count) => (
        <div key={count} className={count === 'rejected' && job.rejected > 0 ? 'import-count is-bad' : 'import-count'}>
          <dt>{t(`${prefix}.${count}`)}</dt>
          <dd>{format.number(job[count])}</dd>
        </div>
      ))}
    </dl>
  );
}
