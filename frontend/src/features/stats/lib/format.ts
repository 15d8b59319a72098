import { useMemo } from 'react';
import type { components } from '@/lib/api/schema';
import { countryName } from '@/lib/countries';
import { useFormatters, useLocale, type Locale, type MessageKey, type Translate } from '@/lib/i18n';
import type { ChurnGroup, ChurnGroupBy } from '../api/get-churn';
import type { SalesGroup, SalesGroupBy } from '../api/get-sales';
import { dayToDate } from './period';

export interface StatsFormat {
  number: (value: number) => string;
  /** A 0..1 share or rate as a percentage; "–" when there is none. */
  percent: (value: number | null | undefined) => string;
  /** Days with one decimal; "–" when there is none. */
  days: (value: number | null | undefined) => string;
  /** A YYYY-MM-DD day as a short date. */
  day: (day: string) => string;
  /** A YYYY-MM month as "Mar 2026" / "2026年3月". */
  month: (month: string) => string;
}

export const NONE = '–';

/** The Intl formatters of a language, made once (a statistics screen has a dozen parts that format). */
const intlByLocale = new Map<Locale, { percent: Intl.NumberFormat; decimal: Intl.NumberFormat; day: Intl.DateTimeFormat; month: Intl.DateTimeFormat }>();

function intlFor(locale: Locale) {
  let formats = intlByLocale.get(locale);
  if (!formats) {
    formats = {
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
      decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
      day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      month: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' }),
    };
    intlByLocale.set(locale, formats);
  }
  return formats;
}

export function useStatsFormat(): StatsFormat {
  const locale = useLocale();
  const { number } = useFormatters();
  return useMemo(() => {
    const { percent, decimal, day, month } = intlFor(locale);
    return {
      number,
      percent: (value) => (value === null || value === undefined ? NONE : percent.format(value)),
      days: (value) => (value === null || value === undefined ? NONE : decimal.format(value)),
      day: (value) => day.format(dayToDate(value)),
      month: (value) => month.format(dayToDate(`${value}-01`)),
    };
  }, [locale, number]);
}

/** A churn group's name in the reader's language (the API's label for reps, our words for enums). */
export function groupLabel(t: Translate, format: StatsFormat, groupBy: ChurnGroupBy, group: ChurnGroup): string {
  if (groupBy === 'month') return format.month(group.key);
  if (groupBy === 'rep') return group.key === 'none' ? t('stats.noOwner') : group.label;
  // Pools by their names; churn written before pools were recorded on it has none.
  if (groupBy === 'pool') return group.key === 'none' ? t('stats.poolNotRecorded') : group.label;
  if (group.key === 'UNKNOWN') return t('stats.unknown');
  return t(`${groupBy}.${group.key}` as MessageKey);
}

/** Every customer source, so a key the API might add later is shown as sent rather than as a missing message. */
const SOURCE_NAMES: Record<components['schemas']['CustomerSource'], true> = {
  ALIBABA_INQUIRY: true,
  IM_INQUIRY: true,
  EXHIBITION: true,
  SEARCH_ENGINE: true,
  ECOMMERCE_PLATFORM: true,
  REFERRAL: true,
  MANUAL: true,
  IMPORT: true,
  OTHER: true,
};

/**
 * A sales group's name in the reader's language: months and countries as the locale writes them, sources in our
 * words (as on the customer pages), reps and products as the API names them ("SKU — name").
 */
export function salesGroupLabel(
  t: Translate,
  format: StatsFormat,
  locale: Locale,
  groupBy: SalesGroupBy,
  group: SalesGroup,
): string {
  switch (groupBy) {
    case 'MONTH':
      return format.month(group.key);
    case 'REP':
      return group.key === 'none' ? t('stats.noOwner') : group.label;
    case 'SOURCE':
      if (Object.hasOwn(SOURCE_NAMES, group.key)) return t(`source.${group.key as keyof typeof SOURCE_NAMES}`);
      return group.key === '' || group.key === 'UNKNOWN' ? t('stats.unknown') : group.label;
    case 'COUNTRY':
      return group.key === '' ? t('stats.unknown') : countryName(locale, group.key);
    case 'PRODUCT':
      return group.label;
  }
}
