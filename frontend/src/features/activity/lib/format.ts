import { useMemo } from 'react';
import { useFormatters, useLocale } from '@/lib/i18n';
import { dayToDate } from './period';

export interface ActivityFormat {
  /** A time of day on the store's clock ("10:42"). */
  time: (iso: string) => string;
  /** A date-time on the store's clock. */
  dateTime: (iso: string) => string;
  /** A YYYY-MM-DD day with its weekday ("Monday, December 7, 2026"). */
  longDay: (day: string) => string;
  /** A YYYY-MM-DD day, short. */
  day: (day: string) => string;
  number: (value: number) => string;
}

/** The screen's dates and times, on the store's clock (the browser's when the zone is unknown). */
export function useActivityFormat(timeZone: string | undefined): ActivityFormat {
  const locale = useLocale();
  const { dateTime, number } = useFormatters();
  return useMemo(() => {
    let time: Intl.DateTimeFormat;
    try {
      time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
    } catch {
      time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    }
    const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      time: (iso) => time.format(new Date(iso)),
      dateTime: (iso) => dateTime(iso, timeZone),
      longDay: (value) => longDay.format(dayToDate(value)),
      day: (value) => day.format(dayToDate(value)),
      number,
    };
  }, [locale, timeZone, dateTime, number]);
}
