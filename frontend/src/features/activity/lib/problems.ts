import type { MessageKey, Translate } from '@/lib/i18n';
import { ApiError, fieldErrorMessage, type FieldError } from '@/lib/problem';

/** The filter each field of a refused request is set with, by its name in the API. */
const FIELD_LABELS: Record<string, MessageKey> = {
  from: 'activity.filter.from',
  to: 'activity.filter.to',
  userId: 'activity.filter.person',
  team: 'activity.filter.team',
  type: 'activity.filter.type',
  stage: 'activity.filter.stage',
  tagId: 'activity.filter.tag',
  q: 'activity.filter.q',
};

/** One field error in the reader's words; a period longer than the summary allows said as such. */
function fieldErrorWords(t: Translate, error: FieldError): string {
  if (error.field === 'to' && error.code === 'RANGE' && error.max !== undefined) {
    return t('activity.period.tooLong', { max: error.max });
  }
  const { key, params } = fieldErrorMessage(error);
  const other = typeof params?.other === 'string' ? FIELD_LABELS[params.other] : undefined;
  return t(key, other ? { ...params, other: t(other) } : params);
}

/** Each refused filter's message, keyed by the API's field name (several for one field are joined). */
export function filterErrorsOf(t: Translate, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const errors: Record<string, string> = {};
  for (const fieldError of error.problem.errors) {
    const words = fieldErrorWords(t, fieldError);
    errors[fieldError.field] = errors[fieldError.field] ? `${errors[fieldError.field]} ${words}` : words;
  }
  return errors;
}

/** The refused filters as lines "To: Must not be before “From”.", for the alert above a list that could not load. */
export function filterErrorLines(t: Translate, error: unknown): string[] {
  return Object.entries(filterErrorsOf(t, error)).map(([field, words]) => {
    const label = FIELD_LABELS[field];
    return label ? t('activity.fieldError', { field: t(label), message: words }) : words;
  });
}
