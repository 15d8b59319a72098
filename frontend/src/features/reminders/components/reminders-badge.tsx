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
  return (
    <NavLink
      to="/reminders"
      className="reminders-link"
      aria-label={data ? t('reminders.badge', { count: total }) : t('reminders.title')}
    >
      {t('reminders.title')}
      {/* Always rendered, so the header does not move when the count arrives. */}
      <span className={urgent ? 'badge badge-urgent' : 'badge'} aria-hidden="true">
        {data ? format.number(total) : ''}
      </span>
    </NavLink>
  );
}
