import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { poolReturnText } from '@/components/pool-return-timer';
import { useFormatters, useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, type FollowUpType } from '../api/create-follow-up';
import type { AgendaItem } from '../api/get-agenda';
import { isSchedulable } from '../lib/agenda';
import { useDayFormat } from '../lib/use-day-format';
import { QuickFollowUpForm } from './quick-follow-up-form';
import { RescheduleForm } from './reschedule-form';

export interface AgendaEntryProps {
  item: AgendaItem;
  today: string;
  /** The store's time zone, for the moment of a planned follow-up, a return or an inquiry. */
  timeZone: string;
  onDone: (item: AgendaItem) => void;
  onSnooze: (item: AgendaItem) => void;
  onMove: (item: AgendaItem, on: string) => void;
  onFollowUpRecorded: (item: AgendaItem) => void;
}

const POOL_RETURN_RULES = ['NO_FOLLOW_UP', 'NO_DEAL'] as const;

function isFollowUpType(value: string | null | undefined): value is FollowUpType {
  return (FOLLOW_UP_TYPES as readonly (string | null | undefined)[]).includes(value);
}

function isPoolReturnRule(value: string | null | undefined): value is (typeof POOL_RETURN_RULES)[number] {
  return (POOL_RETURN_RULES as readonly (string | null | undefined)[]).includes(value);
}

/** What there is to do: the task and its note, a planned follow-up, the days left before the pool, a new inquiry. */
function useWhat(item: AgendaItem): string {
  const t = useT();
  switch (item.kind) {
    case 'PLAN_STEP': {
      const type = isFollowUpType(item.taskType) ? t(`followUp.type.${item.taskType}`) : t('agenda.what.task');
      return item.note ? t('agenda.what.taskNote', { type, note: item.note }) : type;
    }
    case 'NEXT_FOLLOW_UP':
      return t('agenda.what.planned');
    case 'POOL_RETURN':
      return isPoolReturnRule(item.rule)
        ? poolReturnText(t, { daysLeft: item.daysLeft ?? 0, rule: item.rule })
        : t('agenda.what.returning', { count: item.daysLeft ?? 0 });
    case 'REPEAT_INQUIRY':
      return t('agenda.what.inquiry');
  }
}

/** One thing to do, with its one-click actions. The list item itself takes focus for the j/k shortcuts. */
export function AgendaEntry({ item, today, timeZone, onDone, onSnooze, onMove, onFollowUpRecorded }: AgendaEntryProps) {
  const t = useT();
  const format = useFormatters();
  const days = useDayFormat();
  const formId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const what = useWhat(item);
  const schedulable = isSchedulable(item);

  const date = item.at ? format.dateTime(item.at, timeZone) : days.date(item.dueOn);
  const when =
    item.kind === 'REPEAT_INQUIRY'
      ? t('agenda.when.received', { date })
      : item.kind === 'POOL_RETURN'
        ? t('agenda.when.on', { date })
        : t(item.overdue ? 'agenda.when.wasDue' : 'agenda.when.due', { date });
  // Names the customer after the visible word, for screen readers going through several "Done" buttons.
  const forCustomer = <span className="visually-hidden">{t('agenda.forCustomer', { name: item.customerName })}</span>;

  function close() {
    setOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <li className={item.overdue ? 'agenda-item agenda-item-overdue' : 'agenda-item'} tabIndex={-1} data-agenda-key={item.key}>
      <div className="agenda-item-main">
        <p className="agenda-item-who">
          <Link to={`/customers/${item.customerId}`}>{item.customerName}</Link>
          {item.companyName && <span className="muted"> · {item.companyName}</span>}
        </p>
        <p>{what}</p>
        <p className="muted small agenda-item-when">
          <time dateTime={item.at ?? item.dueOn}>{when}</time>
        </p>
      </div>
      <div className="agenda-item-actions">
        {schedulable ? (
          <>
            <button type="button" className="button-primary" aria-keyshortcuts="d" onClick={() => onDone(item)}>
              {t('agenda.done')}
              {forCustomer}
            </button>
            <button type="button" aria-keyshortcuts="s" title={t('agenda.snoozeTitle')} onClick={() => onSnooze(item)}>
              {t('agenda.snooze')}
              {forCustomer}
            </button>
            <button
              ref={toggleRef}
              type="button"
              aria-expanded={open}
              aria-controls={open ? formId : undefined}
              onClick={() => setOpen(!open)}
            >
              {t('agenda.reschedule')}
              {forCustomer}
            </button>
          </>
        ) : (
          <button
            ref={toggleRef}
            type="button"
            aria-expanded={open}
            aria-controls={open ? formId : undefined}
            onClick={() => setOpen(!open)}
          >
            {t('agenda.logFollowUp')}
            {forCustomer}
          </button>
        )}
      </div>
      {open &&
        (schedulable ? (
          <RescheduleForm
            id={formId}
            today={today}
            onCancel={close}
            onMove={(on) => {
              setOpen(false);
              onMove(item, on);
            }}
          />
        ) : (
          <QuickFollowUpForm
            id={formId}
            customerId={item.customerId}
            onCancel={close}
            onRecorded={() => {
              setOpen(false);
              onFollowUpRecorded(item);
            }}
          />
        ))}
    </li>
  );
}
