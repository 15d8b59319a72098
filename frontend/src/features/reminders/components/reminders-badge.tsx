import { NavLink } from 'react-router';
import { useFormatters, useT } from '@/lib/i18n';
import { reminderTotal, useReminders } from '../api/list-reminders';

/** The header's way to Reminders, with how many need attention (overdue ones make it urgent). */
export function RemindersBadge() {
  const t = useT();
  const format = useFormatters();
  const { data } = useReminders();
  const total = data ? reminderTotal(data.counts) : 0;
  const urgent = data !== undefined && data.counts.overdue > 0;
  // The link is named by its content, not an aria-label: a name that differs from the visible words misleads
  // people who speak to their computer ("click Reminders"). Once the count is known, the visible title and
  // number give way, for assistive technology, to one sentence that starts with the same word.
  return (
    <NavLink to="/reminders" className="reminders-link">
      <span aria-hidden={data ? true : undefined}>{t('reminders.title')}</span>
      {/* Always rendered, so the header does not move when the count arrives. */}
      <span className={urgent ? 'badge badge-urgent' : 'badge'} aria-hidden="true">
        {data ? format.number(total) : ''}
      </span>
      {data && <span className="visually-hidden">{t('reminders.badge', { count: total })}</span>}
    </NavLink>
  );
}
