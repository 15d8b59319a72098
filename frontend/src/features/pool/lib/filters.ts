import { queryFromSearch } from '@/lib/search-query';
import type { PoolQuery } from '../api/list-pool';

/** The screening filters GET /pool takes (a subset of My customers'). */
const SINGLE = ['q', 'hasEmail', 'hasPhone', 'scoreMin'] as const;
const MULTI = ['stage', 'stars', 'country', 'tag'] as const;

export const DEFAULT_SORT = '-score';

export function isFilterKey(key: string): boolean {
  return (SINGLE as readonly string[]).includes(key) || (MULTI as readonly string[]).includes(key);
}

/** The pool request's query from the page URL's search: filters, sort and includeTotal. */
export function searchToQuery(search: URLSearchParams): PoolQuery {
  const query = queryFromSearch(search, (key) => (MULTI as readonly string[]).includes(key), isFilterKey);
  // The pool switcher's choice: not a filter of the panel, so applying the panel keeps it.
  const poolId = search.get('poolId');
  if (poolId) query.poolId = poolId;
  return query;
}

export function hasFilters(search: URLSearchParams): boolean {
  return [...search.keys()].some((key) => isFilterKey(key) && search.get(key) !== '');
}

/** The search with the filters replaced by the form's, keeping sort and total. */
export function formToSearch(form: FormData, current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of current) if (!isFilterKey(key)) next.append(key, value);
  for (const [key, value] of form) {
    const text = String(value).trim();
    if (text !== '' && isFilterKey(key)) next.append(key, text);
  }
  return next;
}
