/**
 * The page URL keeps custom-field filters as `cf.<key>=value` (readable, one per field); the API's contract names
 * them `customField=<key>:value`, repeatable, which every client generator can write. This turns the first into
 * the second and leaves every other parameter as it is.
 */
export function withCustomFieldParams<T extends Record<string, string | string[] | number | boolean | undefined>>(
  query: T,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const customField: string[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (name.startsWith('cf.') && name.length > 3) {
      for (const one of Array.isArray(value) ? value : [value]) {
        if (one !== undefined && one !== '') customField.push(`${name.slice(3)}:${String(one)}`);
      }
    } else {
      result[name] = value;
    }
  }
  if (customField.length > 0) result.customField = customField;
  return result;
}
