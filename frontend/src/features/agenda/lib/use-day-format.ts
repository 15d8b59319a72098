import { useMemo } from 'react';
import { useFormatters, useLocale } from '@/lib/i18n';

export interface DayFormat {
  /** A store day (YYYY-MM-DD) as a date: "Dec 7, 2026". */
  date: (day: string) => string;
  /** Its day of the week: "Monday". */
  weekday: (day: string) => string;
}

/**
 * Store days as written. A day without a time is read as local midnight by the shared date formatter, so it shows
 * as that same day wherever the reader is.
 */
export function useDayFormat(): DayFormat {
  const locale = useLocale();
  const format = useFormatters();
  return useMemo(() => {
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    return {
      date: (day) => format.date(`${day}T00:00:00`),
      weekday: (day) => weekday.format(new Date(`${day}T00:00:00`)),
    };
  }, [locale, format]);
}
