/** A statistics period: local calendar days, both included, as the stats endpoints take them. */
export interface Period {
  from: string;
  to: string;
}

export const PRESETS = ['last30Days', 'thisMonth', 'last12Months', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A Date's calendar day in the browser's time zone, as YYYY-MM-DD. */
export function toDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The period a preset stands for on the given day (custom has none of its own). */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: Date = new Date()): Period {
  const to = toDay(today);
  const year = today.getFullYear();
  const month = today.getMonth();
  switch (preset) {
    case 'last30Days':
      return { from: toDay(new Date(year, month, today.getDate() - 29)), to };
    case 'thisMonth':
      return { from: toDay(new Date(year, month, 1)), to };
    case 'last12Months':
      // This month and the 11 before it, whole months: the trend shows 12 points.
      return { from: toDay(new Date(year, month - 11, 1)), to };
  }
}

/** A day as the API sends it (YYYY-MM-DD) to a Date at local midnight, for formatting. */
export function dayToDate(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}
