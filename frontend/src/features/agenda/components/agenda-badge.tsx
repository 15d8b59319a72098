import { NavLink } from 'react-router';
import { useFormatters, useT } from '@/lib/i18n';
import { useAgendaCounts } from '../api/get-agenda-counts';

/** The header's way to the agenda, with what needs doing now (overdue and due today); overdue makes it urgent. */
export function AgendaBadge() {
  const t = useT();
  const format = useFormatters();
  const { data } = useAgendaCounts();
  const now = data ? data.overdue + data.today : 0;
  const urgent = data !== undefined && data.overdue > 0;
  // The link is named by its content, not an aria-label: a name that differs from the visible words misleads
  // people who speak to their computer ("click Agenda"), and axe reports it (label-content-name-mismatch). Once the
  // count is known, the visible title and number give way, for assistive technology, to one sentence that starts
  // with the same word.
  return (
    <NavLink to="/agenda" className="agenda-link">
      <span aria-hidden={data ? true : undefined}>{t('agenda.title')}</span>
      {/* Always rendered, so the header does not move when the count arrives. */}
      <span className={urgent ? 'badge badge-urgent' : 'badge'} aria-hidden="true">
        {data ? format.number(now) : ''}
      </span>
      {data && <span className="visually-hidden">{t('agenda.badge', { count: now })}</span>}
    </NavLink>
  );
}
