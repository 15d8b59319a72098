import { useMemo } from 'react';
import { useLocale } from '@/lib/i18n';

/**
 * Plan days are the store's calendar days, as the API writes them ("2026-12-07"): compared as text, moved by whole
 * days in UTC so no clock change shifts them.
 */

export { storeToday } from '@/lib/zoned-time';

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** A store day as the reader's language writes it, with its weekday ("Mon, Dec 7" / "12月7日周一"); the year when not this one. */
export function useDayFormat(): (day: string) => string {
  const locale = useLocale();
  return useMemo(() => {
    const thisYear = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric' });
    const otherYear = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
    const currentYear = new Date().getFullYear();
    // Without a time zone the day is read as local midnight: no day shift west of UTC.
    return (day: string) => {
      const date = new Date(`${day}T00:00:00`);
      if (Number.isNaN(date.getTime())) return day;
      return (date.getFullYear() === currentYear ? thisYear : otherYear).format(date);
    };
  }, [locale]);
}
