import { Link } from 'react-router';
import { QueryError } from '@/components/query-error';
import { poolReturnText } from '@/components/pool-return-timer';
import { useFormatters, useT, type MessageKey } from '@/lib/i18n';
import { useReminders, type Reminder } from '../api/list-reminders';

const SECTIONS: { kind: Reminder['kind']; title: MessageKey; empty: MessageKey }[] = [
  { kind: 'FOLLOW_UP_OVERDUE', title: 'reminders.overdue', empty: 'reminders.overdueEmpty' },
  { kind: 'FOLLOW_UP_DUE', title: 'reminders.dueToday', empty: 'reminders.dueTodayEmpty' },
  { kind: 'POOL_RETURN_WARNING', title: 'reminders.returning', empty: 'reminders.returningEmpty' },
  { kind: 'REPEAT_INQUIRY', title: 'reminders.repeatInquiries', empty: 'reminders.repeatInquiriesEmpty' },
];

function ReminderItem({ reminder }: { reminder: Reminder }) {
  const t = useT();
  const format = useFormatters();
  const when = format.dateTime(reminder.at);
  return (
    <li className={reminder.kind === 'FOLLOW_UP_OVERDUE' ? 'reminder reminder-urgent' : 'reminder'}>
      <Link to={`/customers/${reminder.customerId}`}>{reminder.customerName}</Link>
      <span className="muted">
        {reminder.kind === 'POOL_RETURN_WARNING' && reminder.rule
          ? `${poolReturnText(t, { daysLeft: reminder.daysLeft ?? 0, rule: reminder.rule })} (${when})`
          : t(
              reminder.kind === 'FOLLOW_UP_OVERDUE'
                ? 'reminders.wasDue'
                : reminder.kind === 'REPEAT_INQUIRY'
                  ? 'reminders.askedAgain'
                  : 'reminders.due',
              { date: when },
            )}
      </span>
    </li>
  );
}

/** Today's work: follow-ups overdue and due today, customers about to go back to the pool. */
export function RemindersScreen() {
  const t = useT();
  const format = useFormatters();
  const remindersQuery = useReminders();

  if (remindersQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (remindersQuery.isError) {
    return <QueryError error={remindersQuery.error} onRetry={() => void remindersQuery.refetch()} />;
  }

  const { counts, items } = remindersQuery.data;
  const countOf: Record<Reminder['kind'], number> = {
    FOLLOW_UP_OVERDUE: counts.overdue,
    FOLLOW_UP_DUE: counts.dueToday,
    POOL_RETURN_WARNING: counts.returnWarnings,
    REPEAT_INQUIRY: counts.repeatInquiries,
  };
  return (
    <div className="stack">
      <h1>{t('reminders.title')}</h1>
      {SECTIONS.map((section) => {
        const sectionItems = items.filter((item) => item.kind === section.kind);
        const count = countOf[section.kind];
        const headingId = `reminders-${section.kind}`;
        return (
          <section key={section.kind} className="card" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t(section.title)} <span className="badge">{format.number(count)}</span>
            </h2>
            {sectionItems.length === 0 ? (
              <p className="muted">{t(section.empty)}</p>
            ) : (
              <ul className="reminder-list">
                {sectionItems.map((reminder) => (
                  <ReminderItem key={`${reminder.kind}-${reminder.customerId}-${reminder.at}`} reminder={reminder} />
                ))}
              </ul>
            )}
            {count > sectionItems.length && (
              <p className="muted small">{t('reminders.more', { count: format.number(count - sectionItems.length) })}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
