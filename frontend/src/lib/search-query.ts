/** A list request's query as read from the page URL: repeated filters as arrays. */
export type ListQuery = Record<string, string | string[]>;

/**
 * Reads the filters (`isMulti` ones repeatable, `isSingle` ones given once), the sort and
 * includeTotal from a page URL's search; empty values and unknown parameters are dropped.
 */
export function queryFromSearch(
  search: URLSearchParams,
  isMulti: (key: string) => boolean,
  isSingle: (key: string) => boolean,
): ListQuery {
  const query: ListQuery = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key).filter((value) => value !== '');
    if (values.length === 0) continue;
    if (isMulti(key)) query[key] = values;
    else if (isSingle(key) || key === 'sort') query[key] = values[0] ?? '';
    else if (key === 'includeTotal' && values[0] === 'true') query.includeTotal = 'true';
  }
  return query;
}
