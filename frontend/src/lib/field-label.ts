import { en } from './i18n/en';
import type { MessageKey, Translate } from './i18n';

/** A customer field as the API names it (`companyName`), in the reader's words ("Company"); unknown ones as sent. */
export function customerFieldLabel(t: Translate, field: string): string {
  const key = `customers.field.${field}`;
  return key in en ? t(key as MessageKey) : field;
}

/** Several fields, in the reader's words, as one list. */
export function customerFieldLabels(t: Translate, fields: readonly unknown[]): string {
  return fields.map((field) => customerFieldLabel(t, String(field))).join(', ');
}
