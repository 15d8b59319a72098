import { instantToWallTime } from '@/lib/zoned-time';

/** The feed's period: the store's calendar days, both included. */
export interface Period {
  from: string;
  to: string;
}

export const QUICK_PICKS = ['today', 'last7', 'last30'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string | null | undefined): value is string {
  return !!value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Today in the store's time zone (the browser's when the zone is unknown), as YYYY-MM-DD. */
export function storeToday(timeZone: string | undefined, now: Date = new Date()): string {
  if (timeZone) {
    try {
      return instantToWallTime(now.toISOString(), timeZone).slice(0, 10);
    } catch {
      // a zone this browser does not know: the browser's own day below
    }
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The store day of an instant, as YYYY-MM-DD. */
export function storeDay(iso: string, timeZone: string | undefined): string {
  if (timeZone) {
    try {
      return instantToWallTime(iso, timeZone).slice(0, 10);
    } catch {
      // below
    }
  }
  return storeToday(undefined, new Date(iso));
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function quickPeriod(pick: QuickPick, today: string): Period {
  switch (pick) {
    case 'today':
      return { from: today, to: today };
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
  }
}

/** Which quick pick a period is, if any. */
export function quickPickOf(period: Period, today: string): QuickPick | null {
  return QUICK_PICKS.find((pick) => {
    const candidate = quickPeriod(pick, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

/** A YYYY-MM-DD day to a Date at the browser's midnight, for formatting it. */
export function dayToDate(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}
