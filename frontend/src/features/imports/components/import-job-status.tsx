import { useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { QueryError } from '@/components/query-error';
import { useFormatters, useT } from '@/lib/i18n';
import { isRunning, isSearchCatchingUp, useImport } from '../api/get-import';
import { importsQueryKey } from '../api/list-imports';
import type { ImportJob } from '../api/start-import';
import { ImportCounts } from './import-counts';
import { ImportProgress } from './import-progress';
import { RejectedDownload } from './rejected-download';

export interface ImportJobStatusProps {
  jobId: number;
  initial?: ImportJob;
  /** What to show under a finished job (the mapping preview after a dry run). */
  children?: (job: ImportJob) => ReactNode;
}

/** Follows one job: the progress bar while it runs, then its counts, refused rows or failure. */
export function ImportJobStatus({ jobId, initial, children }: ImportJobStatusProps) {
  const t = useT();
  const format = useFormatters();
  const client = useQueryClient();
  const jobQuery = useImport(jobId, initial);
  const job = jobQuery.data;
  const finished = job !== undefined && !isRunning(job);
  const dryRun = job?.options.dryRun ?? false;
  const searchReady = job !== undefined && finished && !isSearchCatchingUp(job);

  useEffect(() => {
    if (!finished) return;
    void client.invalidateQueries({ queryKey: [...importsQueryKey, 'list'] });
    // A real import added or changed customers: every list showing them is out of date.
    if (!dryRun) {
      void client.invalidateQueries({ queryKey: ['customers'] });
      void client.invalidateQueries({ queryKey: ['pool'] });
    }
  }, [finished, dryRun, client]);

  useEffect(() => {
    // A list searched while search caught up may have missed the new customers: it asks again.
    if (searchReady && !dryRun) void client.invalidateQueries({ queryKey: ['customers'] });
  }, [searchReady, dryRun, client]);

  if (!job) {
    if (jobQuery.isError) return <QueryError error={jobQuery.error} onRetry={() => void jobQuery.refetch()} />;
    return <p role="status">{t('app.loading')}</p>;
  }
  const headingId = `import-job-${job.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(dryRun ? 'imports.job.dryRunTitle' : 'imports.job.title', { name: job.fileName ?? `#${job.id}` })}
      </h2>
      <ImportProgress job={job} />
      <p role="status" className="import-status">
        {t(`imports.status.${job.status}`)}
      </p>
      {jobQuery.isRefetchError && isRunning(job) && (
        <p role="alert" className="field-error">
          {t('imports.job.pollFailed')}
        </p>
      )}
      {job.status === 'FAILED' && (
        <p role="alert" className="form-alert">
          {job.failureLine
            ? t('imports.job.failedAtLine', { line: format.number(job.failureLine), reason: job.failure ?? '' })
            : t('imports.job.failed', { reason: job.failure ?? '' })}
        </p>
      )}
      {job.status === 'DONE' && (
        <>
          <ImportCounts job={job} />
          {isSearchCatchingUp(job) && (
            <p role="status" className="import-search-pending">
              {t('imports.job.searchCatchingUp')}
            </p>
          )}
          {!dryRun && <RejectedDownload job={job} />}
        </>
      )}
      {finished && children?.(job)}
    </section>
  );
}
