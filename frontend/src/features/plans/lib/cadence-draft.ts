import * as z from 'zod/mini';
import type { ZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching, optionalText } from '@/lib/form-schemas';
import type { MessageKey, MessageParams } from '@/lib/i18n';
import {
  FOLLOW_UP_TYPES,
  PLAN_CADENCES,
  PLAN_UNITS,
  WEEKDAYS,
  type CreatePlanRequest,
  type PlanCadenceInput,
  type PlanStep,
} from '../api/types';

/*
 * A plan's or a stage template's form: its values as typed (every number the text of its input, every kind's members
 * kept while switching kinds), the server's checks on them in the server's words (PlanDtos.CadenceInput and
 * CreatePlanRequest, PlanService.checkCadence and check), and the request built from them.
 */

/** PlanDtos.MAX_STEPS. */
export const MAX_STEPS = 50;
/** PlanDtos.MAX_NOTE: a plan's note and a step's. */
const MAX_NOTE = 500;
/** The server's limits on a cadence's numbers. */
const LIMITS = {
  every: { min: 1, max: 366 },
  firstAfterDays: { min: 0, max: 366 },
  day: { min: 0, max: 366 },
  maxCount: { min: 1, max: 1000 },
} as const;

const WHOLE_NUMBER = /^-?\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "12" → 12, "-2" → -2 (the range says what is wrong with it); "" → null; anything else (1.5) → NaN. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return WHOLE_NUMBER.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A note as the server takes it: trimmed, at most 500 characters, and no NUL (Text.NO_NUL, refused as FORMAT). */
function noteText() {
  return optionalText(MAX_NOTE).check(
    z.refine((value) => !value.includes('\u0000'), { params: fieldMessageParams('fieldError.FORMAT') }),
  );
}

const stepSchema = z.object({
  day: z.string(),
  type: z.enum(FOLLOW_UP_TYPES),
  note: noteText(),
});

type Issue = (path: (string | number)[], key: MessageKey, values?: MessageParams) => void;

/** A whole number within the server's limits; empty passes unless `required`. */
function checkNumber(issue: Issue, path: (string | number)[], text: string, { min, max }: { min: number; max: number }, required: boolean) {
  const value = wholeNumber(text);
  if (value === null) {
    if (required) issue(path, 'fieldError.REQUIRED');
  } else if (Number.isNaN(value)) issue(path, 'plans.error.wholeNumber');
  else if (value < min || value > max) issue(path, 'fieldError.RANGE.between', { min, max });
}

/** A cadence's checks: what its kind needs (the others' members are kept, not checked, not sent). */
export const cadenceSchema = z
  .object({
    cadence: z.enum(PLAN_CADENCES),
    every: z.string(),
    unit: z.enum(PLAN_UNITS),
    firstAfterDays: z.string(),
    weekdays: z.array(z.enum(WEEKDAYS)),
    taskType: z.enum(FOLLOW_UP_TYPES),
    steps: z.array(stepSchema),
    note: noteText(),
    maxCount: z.string(),
  })
  .check(
    z.superRefine(
      (values, context) => {
        const issue: Issue = (path, key, params) =>
          context.addIssue({ code: 'custom', path, input: values, params: fieldMessageParams(key, params) });
        if (values.cadence === 'SEQUENCE') {
          if (values.steps.length < 1 || values.steps.length > MAX_STEPS) {
            issue(['steps'], 'plans.error.stepsCount', { max: MAX_STEPS });
          }
          values.steps.forEach((step, index) => checkNumber(issue, ['steps', index, 'day'], step.day, LIMITS.day, true));
          // Days in order (the same day twice is fine): said on the later step, as the server does.
          for (let index = 1; index < values.steps.length; index++) {
            const before = wholeNumber(values.steps[index - 1]?.day ?? '');
            const day = wholeNumber(values.steps[index]?.day ?? '');
            if (before !== null && day !== null && day < before) issue(['steps', index, 'day'], 'plans.error.stepOrder');
          }
        } else {
          if (values.cadence === 'INTERVAL') checkNumber(issue, ['every'], values.every, LIMITS.every, true);
          if (values.cadence === 'WEEKDAYS' && values.weekdays.length === 0) issue(['weekdays'], 'plans.error.weekdays');
          checkNumber(issue, ['firstAfterDays'], values.firstAfterDays, LIMITS.firstAfterDays, false);
        }
        checkNumber(issue, ['maxCount'], values.maxCount, LIMITS.maxCount, false);
      },
      // Also when another field is wrong: one submit names every mistake.
      { when: () => true },
    ),
  );

/** A day of the store's calendar as a date input gives it; may be empty. */
const dayText = z.string().check(matching(DATE));

const planShape = { cadence: cadenceSchema, startsOn: dayText, endsOn: dayText };

/**
 * A plan's checks: its cadence's, and its last day not before its first (`today` when left empty, as it is sent).
 */
export function planSchema(today: string) {
  return z.object(planShape).check(
    z.refine(({ startsOn, endsOn }) => endsOn === '' || !DATE.test(endsOn) || endsOn >= (startsOn || today), {
      path: ['endsOn'],
      params: fieldMessageParams('plans.error.endsOn'),
      when: () => true,
    }),
  );
}

/** A stage template's checks: its cadence's alone (it has no days: they stay empty and are not sent). */
export const templateSchema = z.object(planShape);

/** A plan or a template as its form holds it. */
export type PlanDraft = z.input<typeof templateSchema>;
/** A cadence as it is being written. */
export type CadenceDraft = PlanDraft['cadence'];
/** A step of a sequence as it is being written: its day the text of its input. */
export type StepDraft = CadenceDraft['steps'][number];

/** A new step: a week after the one before it (on the start day when it is the first). */
export function newStep(after?: StepDraft): StepDraft {
  const previous = after ? wholeNumber(after.day) : null;
  const day = previous === null || Number.isNaN(previous) ? (after ? '' : '0') : String(previous + 7);
  return { day, type: 'CALL', note: '' };
}

export function emptyDraft(): CadenceDraft {
  return {
    cadence: 'INTERVAL',
    every: '7',
    unit: 'DAYS',
    firstAfterDays: '',
    weekdays: [],
    taskType: 'CALL',
    steps: [newStep()],
    note: '',
    maxCount: '',
  };
}

/** A draft showing a cadence as saved (a stage template's), ready to change. */
export function draftFromCadence(cadence: PlanCadenceInput): CadenceDraft {
  const empty = emptyDraft();
  const steps = (cadence.steps ?? []).map((step): StepDraft => ({ day: String(step.day), type: step.type, note: step.note ?? '' }));
  return {
    cadence: cadence.cadence,
    every: cadence.every != null ? String(cadence.every) : empty.every,
    unit: cadence.unit ?? empty.unit,
    firstAfterDays: cadence.firstAfterDays ? String(cadence.firstAfterDays) : '',
    weekdays: cadence.weekdays ?? [],
    taskType: cadence.taskType ?? empty.taskType,
    steps: steps.length > 0 ? steps : empty.steps,
    note: cadence.note ?? '',
    maxCount: cadence.maxCount != null ? String(cadence.maxCount) : '',
  };
}

/**
 * The cadence as the API takes it, with only the members its kind uses (weekdays Monday first); null while a number
 * it needs is missing or not whole, or it has no weekday or step (limits and order are the schema's to say).
 */
export function cadenceFromDraft(draft: CadenceDraft): PlanCadenceInput | null {
  let complete = true;
  const number = (text: string, required: boolean): number | null => {
    const value = wholeNumber(text);
    if ((value === null && required) || Number.isNaN(value)) complete = false;
    return value === null || Number.isNaN(value) ? null : value;
  };

  const cadence: PlanCadenceInput = { cadence: draft.cadence };
  if (draft.cadence === 'SEQUENCE') {
    if (draft.steps.length === 0) complete = false;
    cadence.steps = draft.steps.map((step): PlanStep => {
      const planStep: PlanStep = { day: number(step.day, true) ?? 0, type: step.type };
      if (step.note.trim()) planStep.note = step.note.trim();
      return planStep;
    });
  } else {
    if (draft.cadence === 'INTERVAL') {
      cadence.every = number(draft.every, true);
      cadence.unit = draft.unit;
    } else {
      if (draft.weekdays.length === 0) complete = false;
      cadence.weekdays = WEEKDAYS.filter((day) => draft.weekdays.includes(day));
    }
    const firstAfterDays = number(draft.firstAfterDays, false);
    if (firstAfterDays !== null) cadence.firstAfterDays = firstAfterDays;
    cadence.taskType = draft.taskType;
  }
  if (draft.note.trim()) cadence.note = draft.note.trim();
  const maxCount = number(draft.maxCount, false);
  if (maxCount !== null) cadence.maxCount = maxCount;
  return complete ? cadence : null;
}

/** A plan's or a template's form (a template's leaves the days empty). */
export type PlanForm = ZodForm<PlanDraft, z.output<typeof templateSchema>>;

/** A new plan's form as it opens: the default cadence, starting `today`. */
export function newPlanDraft(today: string): PlanDraft {
  return { cadence: emptyDraft(), startsOn: today, endsOn: '' };
}

/** The plan as the API takes it (the start day `today` when left empty); null while its cadence is incomplete. */
export function planFromDraft(draft: PlanDraft, today: string): CreatePlanRequest | null {
  const cadence = cadenceFromDraft(draft.cadence);
  if (!cadence) return null;
  const plan: CreatePlanRequest = { cadence, startsOn: draft.startsOn || today };
  if (draft.endsOn) plan.endsOn = draft.endsOn;
  return plan;
}
