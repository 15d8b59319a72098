import type { Role } from '@/lib/domain';

/**
 * The board's filters, kept in the page URL under the same names the customer list uses (`q`, `tag`, `ownerId`), so
 * a screening carries over between the two screens.
 */
export interface BoardFilters {
  q?: string;
  /** Tag ids: carries any of them. */
  tag?: string[];
  /** A user id, `me`, or `none` (the pool): managers and admins only. */
  ownerId?: string;
}

export const FILTER_KEYS = ['q', 'tag', 'ownerId'] as const;

function isFilterKey(key: string): boolean {
  return (FILTER_KEYS as readonly string[]).includes(key);
}

/** The filters of a page URL's search; a rep's owner filter is dropped (the API shows a rep their own customers only). */
export function filtersFromSearch(search: URLSearchParams, role: Role): BoardFilters {
  const filters: BoardFilters = {};
  const q = search.get('q')?.trim();
  if (q) filters.q = q;
  const tags = search.getAll('tag').filter((tag) => /^\d+$/.test(tag));
  if (tags.length > 0) filters.tag = tags;
  const ownerId = search.get('ownerId')?.trim();
  if (ownerId && role !== 'REP') filters.ownerId = ownerId;
  return filters;
}

export function hasFilters(filters: BoardFilters): boolean {
  return Object.keys(filters).length > 0;
}

/** The search with the board's filters replaced by the form's, other parameters kept. */
export function formToSearch(form: FormData, current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of current) if (!isFilterKey(key)) next.append(key, value);
  for (const [key, value] of form) {
    const text = String(value).trim();
    if (text !== '' && isFilterKey(key)) next.append(key, text);
  }
  return next;
}
