import { useEffect, useId, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SelectField } from '@/components/form/select-field';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import type { Role } from '@/lib/domain';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { isTyping } from '@/lib/keyboard';
import { ApiError, errorSentence, fieldErrorsOf } from '@/lib/problem';
import { useTeam } from '@/lib/team';
import { useCompleteAgendaItem } from '../api/complete-agenda-item';
import { useAgenda, type Agenda, type AgendaItem } from '../api/get-agenda';
import { useRescheduleAgendaItem } from '../api/reschedule-agenda-item';
import { addDays, byDay, isEmpty, isSchedulable, itemsOf, SECTIONS, type AgendaSection } from '../lib/agenda';
import { useDayFormat } from '../lib/use-day-format';
import { AgendaEntry } from './agenda-entry';

export interface AgendaScreenProps {
  me: { id: number; role: Role; name: string };
  /** The store's time zone: its days are the agenda's. */
  timeZone: string;
}

/** A refusal in words: what is wrong with the day when the server says so, else what went wrong. */
function failureReason(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.problem.errors.length > 0) {
    // The one field a move sends is its day, which must be today or later.
    if (error.problem.errors.some((fieldError) => fieldError.field === 'on')) return t('agenda.move.tooEarly');
    return Object.values(fieldErrorsOf(error, t)).join(' ');
  }
  return errorSentence(t, error);
}

/**
 * The start page: what is overdue, due today and in the days ahead, the customers about to return to the pool and
 * the repeat inquiries. Plan tasks and planned follow-ups are done or snoozed in one click (or with d and s on the
 * item j and k moved to); the others get a follow-up logged in place.
 */
export function AgendaScreen({ me, timeZone }: AgendaScreenProps) {
  const t = useT();
  const format = useFormatters();
  const days = useDayFormat();
  const headingId = useId();
  const [search, setSearch] = useSearchParams();
  const manager = me.role !== 'REP';
  const picked = manager ? Number(search.get('userId')) : Number.NaN;
  const userId = Number.isInteger(picked) && picked > 0 && picked !== me.id ? picked : undefined;
  const agendaQuery = useAgenda(userId);
  const team = useTeam(manager).data;
  const notify = useNotify();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const listsRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A failed one comes back to its place; the toast says why.
  const completeMutation = useCompleteAgendaItem((error, { item }) =>
    notify({ message: t('agenda.failed.done', { name: item.customerName, reason: failureReason(t, error) }), tone: 'error' }),
  );
  const rescheduleMutation = useRescheduleAgendaItem((error, { item }) =>
    notify({ message: t('agenda.failed.move', { name: item.customerName, reason: failureReason(t, error) }), tone: 'error' }),
  );

  function itemElements(): HTMLElement[] {
    return [...(listsRef.current?.querySelectorAll<HTMLElement>('[data-agenda-key]') ?? [])];
  }

  /** When the item about to leave holds the focus, the focus goes on to the next one (or the one before). */
  function passFocusOn(item: AgendaItem) {
    const elements = itemElements();
    const index = elements.findIndex((element) => element.dataset.agendaKey === item.key);
    const element = elements[index];
    if (!element || !element.contains(document.activeElement)) return;
    const neighbour = elements[index + 1] ?? elements[index - 1];
    if (neighbour?.dataset.agendaKey) setFocusKey(neighbour.dataset.agendaKey);
    else headingRef.current?.focus();
  }

  function done(item: AgendaItem) {
    passFocusOn(item);
    completeMutation.mutate(
      { item, userId },
      { onSuccess: () => notify({ message: t('agenda.status.done', { name: item.customerName }), tone: 'success' }) },
    );
  }

  function move(item: AgendaItem, on: string, today: string) {
    passFocusOn(item);
    const tomorrow = addDays(today, 1);
    rescheduleMutation.mutate(
      { item, userId, on },
      {
        onSuccess: () =>
          notify({
            message:
              on === tomorrow
                ? t('agenda.status.snoozed', { name: item.customerName })
                : t('agenda.status.moved', { name: item.customerName, date: days.date(on) }),
            tone: 'success',
          }),
      },
    );
  }

  // The item that takes over the focus once the one done or moved has left.
  useEffect(() => {
    if (!focusKey) return;
    const element = [...(listsRef.current?.querySelectorAll<HTMLElement>('[data-agenda-key]') ?? [])].find(
      (candidate) => candidate.dataset.agendaKey === focusKey,
    );
    element?.focus();
    setFocusKey(null);
  }, [focusKey, agendaQuery.data]);

  // j / k: next / previous item; d: done; s: snooze to tomorrow. Never while typing, nor with a modifier key.
  const shortcuts = useRef<(event: KeyboardEvent) => void>(() => {});
  shortcuts.current = (event) => {
    const agenda = agendaQuery.data;
    if (!agenda || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (!['j', 'k', 'd', 's'].includes(event.key)) return;
    const elements = itemElements();
    const current = elements.findIndex((element) => element.contains(document.activeElement));
    if (event.key === 'j' || event.key === 'k') {
      const next = event.key === 'j' ? Math.min(current + 1, elements.length - 1) : Math.max(current - 1, 0);
      const element = elements[next];
      if (!element) return;
      event.preventDefault();
      element.focus();
      return;
    }
    const item = agenda.items.find((candidate) => candidate.key === elements[current]?.dataset.agendaKey);
    if (!item || !isSchedulable(item)) return;
    event.preventDefault();
    if (event.key === 'd') done(item);
    else move(item, addDays(agenda.today, 1), agenda.today);
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => shortcuts.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  function renderItems(agenda: Agenda, items: AgendaItem[]) {
    return (
      <ul className="agenda-list">
        {items.map((item) => (
          <AgendaEntry
            key={item.key}
            item={item}
            today={agenda.today}
            timeZone={timeZone}
            onDone={done}
            onSnooze={(snoozed) => move(snoozed, addDays(agenda.today, 1), agenda.today)}
            onMove={(moved, on) => move(moved, on, agenda.today)}
            onFollowUpRecorded={(followed) =>
              notify({ message: t('agenda.status.followUp', { name: followed.customerName }), tone: 'success' })
            }
          />
        ))}
      </ul>
    );
  }

  function renderSection(agenda: Agenda, section: AgendaSection) {
    const items = itemsOf(agenda, section);
    const count = agenda.counts[section];
    const id = `${headingId}-${section}`;
    const tomorrow = addDays(agenda.today, 1);
    return (
      <section key={section} className="card agenda-section" aria-labelledby={id}>
        <h2 id={id}>
          {t(`agenda.section.${section}`)}{' '}
          <span className={section === 'overdue' && count > 0 ? 'badge badge-urgent' : 'badge'}>{format.number(count)}</span>
        </h2>
        {items.length === 0 ? (
          <p className="muted">{t(`agenda.empty.${section}`)}</p>
        ) : section === 'upcoming' ? (
          byDay(items).map((group) => (
            <div key={group.day} className="agenda-day">
              <h3>
                {group.day === tomorrow
                  ? t('agenda.tomorrow', { date: days.date(group.day) })
                  : t('agenda.dayHeading', { weekday: days.weekday(group.day), date: days.date(group.day) })}
              </h3>
              {renderItems(agenda, group.items)}
            </div>
          ))
        ) : (
          renderItems(agenda, items)
        )}
        {count > items.length && <p className="muted small">{t('agenda.more', { count: count - items.length })}</p>}
      </section>
    );
  }

  function renderAgenda() {
    if (agendaQuery.isPending) return <p role="status">{t('app.loading')}</p>;
    if (agendaQuery.isError) return <QueryError error={agendaQuery.error} onRetry={() => void agendaQuery.refetch()} />;
    const agenda = agendaQuery.data;
    if (isEmpty(agenda)) {
      return (
        <div className="card agenda-empty">
          <p>{t('agenda.nothing')}</p>
        </div>
      );
    }
    return (
      <>
        <p className="muted small agenda-keys">{t('agenda.keys')}</p>
        {SECTIONS.map((section) => renderSection(agenda, section))}
      </>
    );
  }

  const today = agendaQuery.data?.today;
  return (
    <div className="stack agenda">
      <div className="agenda-head">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {t('agenda.title')}
          </h1>
          {today && <p className="muted">{t('agenda.todayIs', { weekday: days.weekday(today), date: days.date(today) })}</p>}
        </div>
        {manager && team && (
          <SelectField
            label={t('agenda.whose')}
            name="userId"
            value={String(userId ?? me.id)}
            onChange={(event) => {
              const value = event.target.value;
              setSearch(value === String(me.id) ? {} : { userId: value }, { replace: true });
            }}
            options={[
              { value: String(me.id), label: t('agenda.whose.me', { name: me.name }) },
              ...team.filter((member) => member.id !== me.id).map((member) => ({ value: String(member.id), label: member.name })),
            ]}
          />
        )}
      </div>
      <div ref={listsRef} className="stack">
        {renderAgenda()}
      </div>
    </div>
  );
}
