import { useRef, type KeyboardEvent } from 'react';
import { useFormatters, useT } from '@/lib/i18n';
import { instantToWallTime } from '@/lib/zoned-time';
import type { Customer } from '../api/list-customers';
import { GridCellButton, useFieldOnDemand } from './grid-cell-select';

interface NextFollowUpCellProps {
  customer: Customer;
  label: string;
  /** When the list was drawn: a follow-up planned before it is overdue. */
  now: number;
  /** The store's zone: the day of a plan is the store's day, as the server reads it. */
  timeZone: string;
  /** Moving it is offered: the person may edit the customer and it has a follow-up to plan from. */
  movable: boolean;
  busy: boolean;
  onMove: (customer: Customer, day: string) => void;
}

/**
 * The planned next follow-up: its day, "overdue" in words as well as in colour, and for a customer one may change,
 * a day field (on demand) that moves it (to today or later) when it is left or on Enter; Escape puts the day back.
 */
export function NextFollowUpCell({ customer, label, now, timeZone, movable, busy, onMove }: NextFollowUpCellProps) {
  const t = useT();
  const format = useFormatters();
  const planned = customer.nextFollowUpAt;
  const overdue = planned != null && Date.parse(planned) < now;
  const overdueLabel = overdue && <span className="overdue-label">{t('customers.nextFollowUp.overdue')}</span>;

  if (!movable) {
    return (
      <td data-label={label}>
        {!planned ? (
          '—'
        ) : overdue ? (
          <span className="follow-up-overdue">
            {format.date(planned)} {overdueLabel}
          </span>
        ) : (
          format.date(planned)
        )}
      </td>
    );
  }

  const shown = planned ? format.date(planned) : '—';
  return (
    <td data-label={label} className={overdue ? 'grid-edit-cell follow-up-overdue' : 'grid-edit-cell'}>
      <DayEditor
        planned={planned}
        now={now}
        timeZone={timeZone}
        shown={shown}
        label={t('customers.grid.nextOf', { name: customer.name })}
        buttonLabel={t('customers.grid.moveNext', { value: shown, name: customer.name })}
        busy={busy}
        onMove={(chosen) => onMove(customer, chosen)}
      />{' '}
      {overdueLabel}
    </td>
  );
}

interface DayEditorProps {
  planned: string | null | undefined;
  now: number;
  timeZone: string;
  /** The day as the list writes it. */
  shown: string;
  label: string;
  buttonLabel: string;
  busy: boolean;
  onMove: (day: string) => void;
}

/**
 * The day as a light button until used, then a day field, focused with its calendar open (a page of 50 day fields
 * took Chromium 30–60 ms of layout on load, most of the grid's blocking time). Enter or leaving it moves the
 * follow-up when the day changed; Escape puts it back; either way the button returns.
 */
function DayEditor({ planned, now, timeZone, shown, label, buttonLabel, busy, onMove }: DayEditorProps) {
  const field = useFieldOnDemand<HTMLInputElement>();
  // Enter closes the field: its removal may be reported as leaving it too, which must not move it twice.
  const closedByKey = useRef(false);
  // The days in the store's zone, worked out when the field is opened, not for every row drawn.
  const day = field.editing && planned ? instantToWallTime(planned, timeZone).slice(0, 10) : '';
  const today = field.editing ? instantToWallTime(new Date(now).toISOString(), timeZone).slice(0, 10) : '';

  function commit(input: HTMLInputElement) {
    const chosen = input.value;
    if (chosen !== '' && chosen !== day) onMove(chosen);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === 'Escape') {
      event.preventDefault();
      if (event.key === 'Enter') commit(event.currentTarget);
      closedByKey.current = true;
      field.close(true);
    }
  }

  if (!field.editing) {
    return (
      <GridCellButton
        ref={field.buttonRef}
        label={buttonLabel}
        busy={busy}
        onOpen={() => {
          closedByKey.current = false;
          field.open();
        }}
      >
        {shown}
      </GridCellButton>
    );
  }
  return (
    <input
      ref={field.fieldRef}
      type="date"
      defaultValue={day}
      min={today}
      aria-label={label}
      aria-busy={busy || undefined}
      onBlur={(event) => {
        if (!closedByKey.current) commit(event.currentTarget);
        field.close(false);
      }}
      onKeyDown={handleKeyDown}
    />
  );
}
