import type { ActivityFilters } from '../api/list-activity';
import { isDay, quickPeriod } from './period';

export const SORTS = ['overdue', 'idle', 'name'] as const;
export type SummarySort = (typeof SORTS)[number];

/** The URL's parameters the screen reads: a shared link opens the same view. */
export const FILTER_KEYS = ['from', 'to', 'userId', 'team', 'type', 'stage', 'tagId', 'q'] as const;

function ids(values: string[]): number[] {
  return values.filter((value) => /^\d{1,18}$/.test(value)).map(Number);
}

function distinct(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

/**
 * The filters in the page URL: from/to (the last 7 days when absent), the repeatable userId, type, stage and tagId,
 * team and q. A rep's own activity is all they can see: people and teams are not theirs to choose.
 */
export function filtersFromSearch(search: URLSearchParams, today: string, isRep: boolean): ActivityFilters {
  const defaults = quickPeriod('last7', today);
  const fromParam = search.get('from');
  const toParam = search.get('to');
  const to = isDay(toParam) ? toParam : isDay(fromParam) && fromParam > today ? fromParam : defaults.to;
  const from = isDay(fromParam) ? fromParam : isDay(toParam) ? quickPeriod('last7', to).from : defaults.from;
  const filters: ActivityFilters = {
    from,
    to,
    userId: isRep ? [] : ids(search.getAll('userId')),
    type: distinct(search.getAll('type')),
    stage: distinct(search.getAll('stage')),
    tagId: ids(search.getAll('tagId')),
  };
  const team = search.get('team')?.trim();
  if (!isRep && team) filters.team = team;
  const q = search.get('q')?.trim();
  if (q) filters.q = q;
  return filters;
}

export function sortFromSearch(search: URLSearchParams): SummarySort {
  const sort = search.get('sort');
  return (SORTS as readonly (string | null)[]).includes(sort) ? (sort as SummarySort) : 'overdue';
}

/** How many filters besides the period are set: what the phone's "Filters" toggle counts. */
export function activeFilterCount(search: URLSearchParams, isRep: boolean): number {
  const keys: string[] = isRep ? ['type', 'stage', 'tagId', 'q'] : ['userId', 'team', 'type', 'stage', 'tagId', 'q'];
  return keys.filter((key) => search.getAll(key).some((value) => value.trim() !== '')).length;
}

/** The search with `key` set to `values` (none: removed), the rest kept as it is. */
export function withValues(search: URLSearchParams, key: string, values: readonly string[]): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete(key);
  for (const value of values) if (value !== '') next.append(key, value);
  return next;
}
