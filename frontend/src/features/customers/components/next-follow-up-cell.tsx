import type { KeyboardEvent } from 'react';
import { useFormatters, useT } from '@/lib/i18n';
import { instantToWallTime } from '@/lib/zoned-time';
import type { Customer } from '../api/list-customers';

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
  /** Changes when a move failed: the field shows the planned day again, whatever was typed. */
  resetToken: number;
  onMove: (customer: Customer, day: string) => void;
}

/**
 * The planned next follow-up: its day, "overdue" in words as well as in colour, and for a customer one may change,
 * a day field that moves it (to today or later) when it is left or on Enter; Escape puts the day back.
 */
export function NextFollowUpCell({ customer, label, now, timeZone, movable, busy, resetToken, onMove }: NextFollowUpCellProps) {
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

  const day = planned ? instantToWallTime(planned, timeZone).slice(0, 10) : '';
  const today = instantToWallTime(new Date(now).toISOString(), timeZone).slice(0, 10);

  function commit(input: HTMLInputElement) {
    const chosen = input.value;
    if (chosen === '' || chosen === day) {
      input.value = day;
      return;
    }
    onMove(customer, chosen);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget);
    } else if (event.key === 'Escape') {
      event.currentTarget.value = day;
    }
  }

  return (
    <td data-label={label} className={overdue ? 'grid-edit-cell follow-up-overdue' : 'grid-edit-cell'}>
      <input
        // A new day from the server, or a refused move, resets what the field shows.
        key={`${day}:${resetToken}`}
        type="date"
        defaultValue={day}
        min={today}
        aria-label={t('customers.grid.nextOf', { name: customer.name })}
        aria-busy={busy || undefined}
        onBlur={(event) => commit(event.currentTarget)}
        onKeyDown={handleKeyDown}
      />{' '}
      {overdueLabel}
    </td>
  );
}
