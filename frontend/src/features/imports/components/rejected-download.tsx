import { useT } from '@/lib/i18n';
import { errorMessage } from '@/lib/problem';
import { useDownloadRejectedRows } from '../api/download-rejected';
import type { ImportJob } from '../api/start-import';

/**
 * The refused rows as a file to fix and import again (a workbook for an .xlsx upload, else CSV); only for finished
 * jobs that refused some.
 */
export function RejectedDownload({ job, compact = false }: { job: ImportJob; compact?: boolean }) {
  const t = useT();
  const download = useDownloadRejectedRows();
  if (job.status !== 'DONE' || job.rejected === 0) return null;
  const failure = download.isError ? errorMessage(download.error) : null;
  const label = compact
    ? t('imports.rejected.downloadJob', { id: String(job.id) })
    : t('imports.rejected.download', { count: job.rejected });
  return (
    <div className="rejected-download">
      <button
        type="button"
        aria-label={label}
        aria-disabled={download.isPending || undefined}
        onClick={() => {
          if (!download.isPending) download.mutate(job);
        }}
      >
        {download.isPending ? t('imports.rejected.preparing') : compact ? t('imports.rejected.short') : label}
      </button>
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </div>
  );
}
