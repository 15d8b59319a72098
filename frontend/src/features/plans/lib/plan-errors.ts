import type { Path } from 'react-hook-form';
import { applyServerErrors, serverMessage } from '@/components/form/use-zod-form';
import type { Message, MessageKey, Translate } from '@/lib/i18n';
import { ApiError, fieldErrorMessage, type FieldError } from '@/lib/problem';
import type { PlanCadence } from '../api/types';
import { MAX_STEPS, type PlanDraft, type PlanForm } from './cadence-draft';

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

const STEP_FIELD = /^steps[.[](\d+)\]?\.(day|type|note)$/;

/** The cadence's members each kind shows, as the server names them (a sequence's steps too, by position). */
const SHOWN: Record<PlanCadence, readonly string[]> = {
  INTERVAL: ['cadence', 'every', 'unit', 'firstAfterDays', 'taskType', 'note', 'maxCount'],
  WEEKDAYS: ['cadence', 'weekdays', 'firstAfterDays', 'taskType', 'note', 'maxCount'],
  SEQUENCE: ['cadence', 'steps', 'note', 'maxCount'],
};

/**
 * A field as the server names it, without what comes before a plan's members: a plan's cadence is `cadence.`, a
 * batch's plan `plan.` (`plan.cadence.every`, or `cadence.every` for the plan's own rules); a template's has none.
 * The cadence's kind is `cadence` whichever way (`cadence.cadence` in a plan).
 */
function bareField(field: string): string {
  return field.replace(/^plan\./, '').replace(/^cadence\./, '');
}

/** `steps[2].day` as the form's paths have it: `steps.2.day`. */
function dotted(field: string): string {
  return field.replace(/\[([^\]]*)\]/g, '.$1').replace(/^\./, '');
}

/** A plan form's field as the server names it (with or without its prefix), by the label the form shows it under. */
export function planFieldLabel(t: Translate, field: string): string {
  const bare = bareField(field);
  const label = LABELS[bare];
  if (label) return t(label);
  // A batch's customers (`selection`, `selection.filter`): the plan is fine, the selection is not.
  if (bare === 'selection' || bare.startsWith('selection.')) return t('plans.batch.selectionField');
  const step = STEP_FIELD.exec(bare);
  const stepLabel = step ? STEP_LABELS[step[2] ?? ''] : undefined;
  if (step && stepLabel) return t(stepLabel, { n: Number(step[1]) + 1 });
  return bare;
}

/**
 * Where the form shows a field the server named (dotted, without prefix), or null when it does not show it now:
 * another kind's member, a step no longer there, a weekday by position, the days of a template.
 */
function shownPath(member: string, draft: PlanDraft, withDays: boolean): string | null {
  if (member === 'startsOn' || member === 'endsOn') return withDays ? member : null;
  const kind = draft.cadence.cadence;
  const step = STEP_FIELD.exec(member);
  if (step) return kind === 'SEQUENCE' && Number(step[1]) < draft.cadence.steps.length ? `cadence.${member}` : null;
  return SHOWN[kind].includes(member) ? `cadence.${member}` : null;
}

/** A field error in the plan's own words where the generic one would be vague. */
function planFieldMessage(member: string, error: FieldError): Message {
  if (error.code === 'NOT_BEFORE_FIELD' && STEP_FIELD.test(member)) return { key: 'plans.error.stepOrder' };
  if (error.code === 'NOT_BEFORE_FIELD' && member === 'endsOn') return { key: 'plans.error.endsOn' };
  // "leaves no task from today on": the start or end day makes an empty plan.
  if (error.code === 'INVALID' && (member === 'startsOn' || member === 'endsOn')) return { key: 'plans.error.noTask' };
  if (error.code === 'REQUIRED' && member === 'weekdays') return { key: 'plans.error.weekdays' };
  if (error.code === 'LENGTH' && member === 'steps') return { key: 'plans.error.stepsCount', params: { max: error.max ?? MAX_STEPS } };
  return fieldErrorMessage(error);
}

/**
 * Shows a refused plan or template (see applyServerErrors): each field error on the input the form shows it in, a
 * sequence's by step (`cadence.steps[2].day` on step 3's day), in the plan's words; the others named in the alert.
 * `withDays`: the form has the start and last day (a plan's; a template's has not).
 */
export function applyPlanServerErrors(form: PlanForm, error: unknown, { withDays }: { withDays: boolean }): void {
  const draft = form.getValues();
  const pathOf = (field: string) => shownPath(bareField(field), draft, withDays);
  applyServerErrors(form, error, { fieldPath: pathOf });
  if (!(error instanceof ApiError)) return;
  // applyServerErrors words an error by its code alone; some read better in the plan's words, so the errors it put
  // on the inputs are set again in those.
  const messages = new Map<string, Message[]>();
  for (const fieldError of error.problem.errors) {
    const field = dotted(fieldError.field);
    const path = pathOf(field);
    if (path) messages.set(path, [...(messages.get(path) ?? []), planFieldMessage(bareField(field), fieldError)]);
  }
  for (const [path, said] of messages) form.setError(path as Path<PlanDraft>, serverMessage(...said));
}
