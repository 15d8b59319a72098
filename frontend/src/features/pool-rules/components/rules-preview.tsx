import type { UseQueryResult } from '@tanstack/react-query';
import { useFormatters, useT } from '@/lib/i18n';
import { errorMessage, isProblem } from '@/lib/problem';
import type { PoolRulesPreview } from '../api/preview-pool-rules';
import { TableScroll } from '@/components/table-scroll';

const WINDOWS = ['today', 'tomorrow', 'within7Days'] as const;

/** How many private customers (in all, and per rep) the rules being edited would return. */
export function RulesPreview({
  query,
  ready,
  invalid = false,
  updating,
}: {
  query: UseQueryResult<PoolRulesPreview>;
  ready: boolean;
  /** The form finds the rules wrong (it marks where): nothing is asked. */
  invalid?: boolean;
  updating: boolean;
}) {
  const t = useT();
  const format = useFormatters();

  let body;
  if (!ready) body = <p className="muted">{t('poolRules.preview.incomplete')}</p>;
  else if (invalid || isProblem(query.error, 'validation')) body = <p className="muted">{t('poolRules.preview.invalid')}</p>;
  else if (query.isError && !query.data) {
    const { key, params } = errorMessage(query.error);
    body = (
      <p role="alert" className="form-alert">
        {t(key, params)}
      </p>
    );
  } else if (!query.data) body = <p className="muted">{t('app.loading')}</p>;
  else {
    const preview = query.data;
    // Every rep who appears in any window, in the order of the largest window.
    const reps = new Map<number, string>();
    for (const window of ['within7Days', 'today', 'tomorrow'] as const) {
      for (const rep of preview[window].byRep) reps.set(rep.userId, rep.userName);
    }
    const countFor = (window: (typeof WINDOWS)[number], userId: number) =>
      preview[window].byRep.find((rep) => rep.userId === userId)?.count ?? 0;
    body = (
      <TableScroll label={t('poolRules.preview.table')}>
        <table aria-label={t('poolRules.preview.table')} className={updating ? 'is-busy' : undefined}>
          <thead>
            <tr>
              <th scope="col">{t('poolRules.preview.rep')}</th>
              {WINDOWS.map((window) => (
                <th key={window} scope="col" className="number">
                  {t(`poolRules.preview.${window}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('poolRules.preview.everyone')}</th>
              {WINDOWS.map((window) => (
                <td key={window} className="number">
                  <strong>{format.number(preview[window].total)}</strong>
                </td>
              ))}
            </tr>
            {[...reps].map(([userId, userName]) => (
              <tr key={userId}>
                <th scope="row">{userName}</th>
                {WINDOWS.map((window) => (
                  <td key={window} className="number">
                    {format.number(countFor(window, userId))}
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
    <section className="card" aria-labelledby="rules-preview-title" aria-busy={updating}>
      <h2 id="rules-preview-title">{t('poolRules.preview.title')}</h2>
      <p className="muted small">{t('poolRules.preview.intro')}</p>
      <span role="status" className="list-status">
        {ready && updating ? t('poolRules.preview.updating') : ''}
      </span>
      {body}
    </section>
  );
}
