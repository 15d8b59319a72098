import { zoneOffset } from '@/lib/zoned-time';
import { queryFromSearch } from '@/lib/search-query';
import type { CustomerFilter, CustomerQuery } from '../api/list-customers';

/** Filters given once. */
const SINGLE = [
  'q',
  'ownerId',
  'createdFrom',
  'createdTo',
  'lastFollowUpFrom',
  'lastFollowUpTo',
  'nextFollowUpBefore',
  'hasEmail',
  'hasPhone',
  'scoreMin',
  'scoreMax',
] as const;
/** Filters that may repeat (any of). */
const MULTI = ['stage', 'stars', 'status', 'source', 'country', 'tag', 'tagAll'] as const;
const DATES = ['createdFrom', 'createdTo', 'lastFollowUpFrom', 'lastFollowUpTo', 'nextFollowUpBefore'] as const;
const NUMBERS = ['scoreMin', 'scoreMax'] as const;
const BOOLEANS = ['hasEmail', 'hasPhone'] as const;
/** Days given as ...To or ...Before include that whole day. */
const END_OF_DAY = new Set<string>(['createdTo', 'lastFollowUpTo', 'nextFollowUpBefore']);

export const SORT_KEYS = ['score', 'createdAt', 'lastFollowUpAt', 'nextFollowUpAt', 'name'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_SORT = '-createdAt';

export function isFilterKey(key: string): boolean {
  return (SINGLE as readonly string[]).includes(key) || (MULTI as readonly string[]).includes(key) || key.startsWith('cf.');
}

/** The list request's query for the page URL's search: filters, sort and includeTotal. */
export function searchToQuery(search: URLSearchParams): CustomerQuery {
  return queryFromSearch(search, (key) => (MULTI as readonly string[]).includes(key), isFilterKey);
}

export function hasFilters(search: URLSearchParams): boolean {
  return [...search.keys()].some((key) => isFilterKey(key) && search.get(key) !== '');
}

export function sortOf(search: URLSearchParams): string {
  return search.get('sort') || DEFAULT_SORT;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}


/**
 * A calendar day (yyyy-mm-dd) to the instant it starts, or ends, in the given IANA time zone (the store's, as the
 * list reads days), or in the browser's when none is given or the browser does not know it.
 */
export function dayToInstant(day: string, endOfDay = false, timeZone?: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const nextDate = date + (endOfDay ? 1 : 0);
  if (timeZone) {
    try {
      const midnight = Date.UTC(year, month - 1, nextDate);
      const first = midnight - zoneOffset(midnight, timeZone);
      // Across a change of offset (summer time) the second reading is the right one.
      return new Date(midnight - zoneOffset(first, timeZone)).toISOString();
    } catch {
      // An unknown time zone: the browser's, below.
    }
  }
  return new Date(year, month - 1, nextDate).toISOString();
}

/** An instant to its calendar day in the browser's time zone; an exclusive end goes back one day. */
export function instantToDay(iso: string, endOfDay = false): string {
  const date = new Date(iso);
  if (endOfDay) date.setMilliseconds(date.getMilliseconds() - 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The URL's filters as a saved view's or a batch selection's filter: the criteria of the list request, with days
 * become instants (a filter holds date-times) in `timeZone` when given, else the browser's.
 */
export function searchToFilter(search: URLSearchParams, timeZone?: string): CustomerFilter {
  const query = searchToQuery(search);
  const filter: Record<string, unknown> = {};
  const cf: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === 'sort' || key === 'includeTotal') continue;
    if (key.startsWith('cf.')) cf[key.slice(3)] = String(value);
    else if ((DATES as readonly string[]).includes(key)) filter[key] = dayToInstant(String(value), END_OF_DAY.has(key), timeZone);
    else if ((NUMBERS as readonly string[]).includes(key)) filter[key] = Number(value);
    else if ((BOOLEANS as readonly string[]).includes(key)) filter[key] = value === 'true';
    else if (key === 'stars' || key === 'tag' || key === 'tagAll') filter[key] = (value as string[]).map(Number);
    else filter[key] = value;
  }
  if (Object.keys(cf).length > 0) filter.cf = cf;
  return filter as CustomerFilter;
}

/** A saved view's filter and sort as the page URL's search. */
export function filterToSearch(filter: CustomerFilter, sort: string): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (key === 'cf' && typeof value === 'object') {
      for (const [field, choice] of Object.entries(value as Record<string, string>)) search.set(`cf.${field}`, choice);
    } else if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
    } else if ((DATES as readonly string[]).includes(key)) {
      search.set(key, instantToDay(String(value), END_OF_DAY.has(key)));
    } else {
      search.set(key, String(value));
    }
  }
  if (sort && sort !== DEFAULT_SORT) search.set('sort', sort);
  return search;
}
