import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useFormatters, useT } from '@/lib/i18n';
import { useImports } from '../api/list-imports';
import { RejectedDownload } from './rejected-download';
import { TableScroll } from '@/components/table-scroll';

/** The store's past imports, newest first, with their counts and refused rows. */
export function ImportHistory() {
  const t = useT();
  const format = useFormatters();
  const importsQuery = useImports();
  const jobs = importsQuery.data?.pages.flatMap((page) => page.items) ?? [];

  let body;
  if (importsQuery.isPending) {
    body = (
      <p role="status" className="table-placeholder">
        {t('app.loading')}
      </p>
    );
  } else if (importsQuery.isLoadingError) {
    body = <QueryError error={importsQuery.error} onRetry={() => void importsQuery.refetch()} />;
  } else if (jobs.length === 0) {
    body = <p className="empty table-placeholder">{t('imports.history.empty')}</p>;
  } else {
    body = (
      <TableScroll labelledBy="import-history-title">
        <table aria-labelledby="import-history-title">
          <thead>
            <tr>
              <th scope="col">{t('imports.history.started')}</th>
              <th scope="col">{t('imports.history.file')}</th>
              <th scope="col">{t('imports.history.kind')}</th>
              <th scope="col">{t('imports.history.status')}</th>
              <th scope="col" className="numeric">{t('imports.count.created')}</th>
              <th scope="col" className="numeric">{t('imports.count.updated')}</th>
              <th scope="col" className="numeric">{t('imports.count.skipped')}</th>
              <th scope="col" className="numeric">{t('imports.count.rejected')}</th>
              <th scope="col">{t('imports.history.rejectedRows')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{format.dateTime(job.createdAt)}</td>
                <td>{job.fileName ?? `#${job.id}`}</td>
                <td>{t(job.options.dryRun ? 'imports.history.dryRun' : 'imports.history.real')}</td>
                <td>{t(`imports.status.${job.status}`)}</td>
                <td className="numeric">{format.number(job.created)}</td>
                <td className="numeric">{format.number(job.updated)}</td>
                <td className="numeric">{format.number(job.skipped)}</td>
                <td className="numeric">{format.number(job.rejected)}</td>
                <td>{!job.options.dryRun && <RejectedDownload job={job} compact />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }
  return (
    <section className="card" aria-labelledby="import-history-title">
      <h2 id="import-history-title">{t('imports.history.title')}</h2>
      {body}
      <LoadMore query={importsQuery} />
    </section>
  );
}
