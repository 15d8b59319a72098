import type { MessageKey, Translate } from '@/lib/i18n';
import { ApiError, fieldErrorMessage, type FieldError } from '@/lib/problem';

const LABELS: Record<string, MessageKey> = {
  cadence: 'plans.form.kind',
  every: 'plans.form.every',
  unit: 'plans.form.unit',
  firstAfterDays: 'plans.form.firstAfterDays',
  weekdays: 'plans.form.weekdays',
  taskType: 'plans.form.taskType',
  note: 'plans.form.note',
  maxCount: 'plans.form.maxCount',
  steps: 'plans.form.steps',
  startsOn: 'plans.form.startsOn',
  endsOn: 'plans.form.endsOn',
};

const STEP_LABELS: Record<string, MessageKey> = {
  day: 'plans.step.day',
  type: 'plans.step.type',
  note: 'plans.step.note',
};

const STEP_FIELD = /^steps\[(\d+)\]\.(day|type|note)$/;

/**
 * How the server may prefix a form's fields: one prefix, or several tried in turn (the longest first: a batch's plan
 * names its fields `plan.cadence.every` or `cadence.every`, `plan.endsOn` or `endsOn`).
 */
export type FieldPrefix = string | readonly string[];

function withoutPrefix(field: string, prefix: FieldPrefix): string {
  for (const candidate of typeof prefix === 'string' ? [prefix] : prefix) {
    if (field.startsWith(candidate)) return field.slice(candidate.length);
  }
  return field;
}

/** A plan form's field as the server names it (without the cadence's prefix), by the label the form shows it under. */
export function planFieldLabel(t: Translate, field: string): string {
  const label = LABELS[field];
  if (label) return t(label);
  // A batch's customers (`selection`, `selection.filter`): the plan is fine, the selection is not.
  if (field === 'selection' || field.startsWith('selection.')) return t('plans.batch.selectionField');
  const step = STEP_FIELD.exec(field);
  const stepLabel = step ? STEP_LABELS[step[2] ?? ''] : undefined;
  if (step && stepLabel) return t(stepLabel, { n: Number(step[1]) + 1 });
  return field;
}

/** One field error in the reader's words, with the plan's own wording where the generic one would be vague. */
function planFieldErrorWords(t: Translate, field: string, error: FieldError, prefix: FieldPrefix): string {
  if (error.code === 'NOT_BEFORE_FIELD' && STEP_FIELD.test(field)) return t('plans.error.stepOrder');
  if (error.code === 'NOT_BEFORE_FIELD' && field === 'endsOn') return t('plans.error.endsOn');
  // "leaves no task from today on": the start or end day makes an empty plan.
  if (error.code === 'INVALID' && (field === 'startsOn' || field === 'endsOn')) return t('plans.error.noTask');
  if (error.code === 'REQUIRED' && field === 'weekdays') return t('plans.error.weekdays');
  if (error.code === 'LENGTH' && field === 'steps') return t('plans.error.stepsCount', { max: error.max ?? 50 });
  const { key, params } = fieldErrorMessage(error);
  if (typeof params?.other === 'string') {
    const other = withoutPrefix(params.other, prefix);
    return t(key, { ...params, other: planFieldLabel(t, other) });
  }
  return t(key, params);
}

/**
 * The field errors of a refused plan or template, keyed by the field without `prefix` (`cadence.` for a plan, none
 * for a template: `steps[1].day` either way), in the reader's words; the server's English is never shown.
 */
export function planFieldErrors(error: unknown, t: Translate, prefix: FieldPrefix): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const fieldError of error.problem.errors) {
    const field = withoutPrefix(fieldError.field, prefix);
    const words = planFieldErrorWords(t, field, fieldError, prefix);
    errors[field] = errors[field] ? `${errors[field]} ${words}` : words;
  }
  return errors;
}
