import type { UseQueryResult } from '@tanstack/react-query';
import { Field } from '@/components/form/filter-controls';
import { useLocale, useT } from '@/lib/i18n';
import type { ActivityRepSummary, ActivitySummary } from '../api/summarize-activity';
import { SORTS, type SummarySort } from '../lib/filters';
import type { ActivityFormat } from '../lib/format';
import { ActivityChart } from './activity-chart';
import { ActivityQueryError } from './activity-query-error';

function compareLast(a: ActivityRepSummary, b: ActivityRepSummary): number {
  // Never active in the period first: the longest silence.
  return (a.lastActivityAt ?? '').localeCompare(b.lastActivityAt ?? '');
}

/** The people in the chosen order: most overdue tasks, least active, or by name. */
export function sortReps(reps: ActivityRepSummary[], sort: SummarySort, locale: string): ActivityRepSummary[] {
  const byName = (a: ActivityRepSummary, b: ActivityRepSummary) => a.name.localeCompare(b.name, locale);
  const sorted = [...reps];
  switch (sort) {
    case 'overdue':
      return sorted.sort((a, b) => b.overdueTasks - a.overdueTasks || a.followUps - b.followUps || byName(a, b));
    case 'idle':
      return sorted.sort(
        (a, b) => a.followUps - b.followUps || a.activeDays - b.activeDays || compareLast(a, b) || byName(a, b),
      );
    case 'name':
      return sorted.sort(byName);
  }
}

const count = (rep: ActivityRepSummary, type: string) => rep.counts[type] ?? 0;

/**
 * Per person over the period: follow-ups in all and the main kinds, customers touched, active days, tasks overdue
 * now (who lets customers drift stands out), and when they last did anything; a chart of follow-ups by type.
 */
export function ActivitySummarySection({
  query,
  isRep,
  sort,
  onSort,
  format,
}: {
  query: UseQueryResult<ActivitySummary>;
  isRep: boolean;
  sort: SummarySort;
  onSort: (sort: SummarySort) => void;
  format: ActivityFormat;
}) {
  const t = useT();
  const locale = useLocale();
  const titleId = 'activity-summary-title';

  let body;
  if (query.isPending) {
    body = <p role="status">{t('app.loading')}</p>;
  } else if (query.isError) {
    body = <ActivityQueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else if (query.data.reps.length === 0) {
    body = <p className="empty">{t('activity.summary.empty')}</p>;
  } else {
    const reps = sortReps(query.data.reps, sort, locale);
    const drifting = reps.filter((rep) => rep.overdueTasks > 0).length;
    const columns = {
      followUps: t('activity.column.followUps'),
      calls: t('activity.column.calls'),
      emails: t('activity.column.emails'),
      meetings: t('activity.column.meetings'),
      customers: t('activity.column.customers'),
      activeDays: t('activity.column.activeDays'),
      overdue: t('activity.column.overdue'),
      last: t('activity.column.last'),
    };
    body = (
      <>
        {!isRep && (
          <p className={drifting > 0 ? 'activity-drifting' : 'muted'}>
            {drifting > 0 ? t('activity.summary.drifting', { count: drifting }) : t('activity.summary.noneDrifting')}
          </p>
        )}
        <div className="table-scroll table-cards table-cards-plain activity-summary-table" tabIndex={0} role="group" aria-labelledby={titleId}>
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('activity.column.person')}</th>
                <th scope="col" className="numeric">{columns.followUps}</th>
                <th scope="col" className="numeric">{columns.calls}</th>
                <th scope="col" className="numeric">{columns.emails}</th>
                <th scope="col" className="numeric">{columns.meetings}</th>
                <th scope="col" className="numeric">{columns.customers}</th>
                <th scope="col" className="numeric">{columns.activeDays}</th>
                <th scope="col" className="numeric">{columns.overdue}</th>
                <th scope="col">{columns.last}</th>
              </tr>
            </thead>
            <tbody>
              {reps.map((rep) => (
                <tr key={rep.userId} className={rep.overdueTasks > 0 ? 'is-drifting' : undefined}>
                  <th scope="row">
                    {rep.name}
                    {rep.team && <span className="muted small activity-team"> {rep.team}</span>}
                  </th>
                  <td className="numeric" data-label={columns.followUps}>{format.number(rep.followUps)}</td>
                  <td className="numeric" data-label={columns.calls}>{format.number(count(rep, 'CALL'))}</td>
                  <td className="numeric" data-label={columns.emails}>{format.number(count(rep, 'EMAIL'))}</td>
                  <td className="numeric" data-label={columns.meetings}>{format.number(count(rep, 'MEETING'))}</td>
                  <td className="numeric" data-label={columns.customers}>{format.number(rep.customersTouched)}</td>
                  <td className="numeric" data-label={columns.activeDays}>{format.number(rep.activeDays)}</td>
                  <td className="numeric" data-label={columns.overdue}>
                    {rep.overdueTasks > 0 ? (
                      <strong className="activity-overdue">{format.number(rep.overdueTasks)}</strong>
                    ) : (
                      format.number(0)
                    )}
                  </td>
                  <td data-label={columns.last}>
                    {rep.lastActivityAt ? (
                      <time dateTime={rep.lastActivityAt}>{format.dateTime(rep.lastActivityAt)}</time>
                    ) : (
                      <span className="muted">{t('activity.summary.never')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ActivityChart reps={reps} />
      </>
    );
  }

  const showSort = !isRep && (query.data?.reps.length ?? 0) > 1;
  return (
    <section aria-labelledby={titleId} className="card activity-summary">
      <div className="page-title">
        <h2 id={titleId}>{t(isRep ? 'activity.summary.titleMine' : 'activity.summary.title')}</h2>
        {showSort && (
          <Field label={t('activity.summary.sort')}>
            {(id) => (
              <select id={id} value={sort} onChange={(event) => onSort(event.target.value as SummarySort)}>
                {SORTS.map((option) => (
                  <option key={option} value={option}>
                    {t(`activity.sort.${option}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {query.data && (
        <p className="muted">
          {t('stats.period.showing', { from: format.day(query.data.from), to: format.day(query.data.to) })}
        </p>
      )}
      {body}
    </section>
  );
}
