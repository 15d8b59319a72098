import { QueryError } from '@/components/query-error';
import { useT } from '@/lib/i18n';
import { useRepStats, type RepActivity } from '../api/get-rep-stats';
import { useStatsFormat } from '../lib/format';
import type { Period } from '../lib/period';
import { TableScroll } from '@/components/table-scroll';
import { useDeferredQuery } from '@/lib/use-deferred-query';

const COLUMNS = [
  'ownedNow',
  'claimed',
  'assigned',
  'followUps',
  'stageAdvances',
  'deals',
  'lost',
  'released',
  'autoReturned',
] as const satisfies readonly (keyof RepActivity)[];

/** Per-rep activity; a rep sees only their own row (the API answers with scope OWN). */
export function RepsSection({ period }: { period: Period }) {
  const t = useT();
  const format = useStatsFormat();
  const reps = useDeferredQuery(useRepStats(period));
  let body;
  if (reps.isPending) body = <p role="status" className="table-placeholder">{t('app.loading')}</p>;
  else if (reps.isError && !reps.data) body = <QueryError error={reps.error} onRetry={() => void reps.refetch()} />;
  else if (reps.data.items.length === 0) body = <p className="muted table-placeholder">{t('stats.reps.empty')}</p>;
  else {
    body = (
      <TableScroll labelledBy="stats-reps-title">
        <table aria-labelledby="stats-reps-title">
          <thead>
            <tr>
              <th scope="col">{t('stats.reps.name')}</th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className="numeric">
                  {t(`stats.reps.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reps.data.items.map((rep) => (
              <tr key={rep.userId} className={rep.active ? undefined : 'is-inactive'}>
                <th scope="row">
                  {rep.name}
                  {!rep.active && <span className="muted small"> {t('stats.reps.inactive')}</span>}
                </th>
                {COLUMNS.map((column) => (
                  <td key={column} className="numeric">
                    {format.number(rep[column])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }
  return (
    <section className="card" aria-labelledby="stats-reps-title" aria-busy={reps.isFetching || undefined}>
      <h2 id="stats-reps-title">
        {reps.data?.scope === 'OWN' ? t('stats.reps.ownTitle') : t('stats.reps.title')}
      </h2>
      {body}
    </section>
  );
}
