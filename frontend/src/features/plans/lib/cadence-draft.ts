import type { Translate } from '@/lib/i18n';
import { WEEKDAYS, type DayOfWeek, type FollowUpType, type PlanCadence, type PlanCadenceInput, type PlanStep, type PlanUnit } from '../api/types';

/** A step of a sequence as it is being written: its day the text of its input. */
export interface StepDraft {
  /** Stable across edits and removals, for React. */
  key: number;
  day: string;
  type: FollowUpType;
  note: string;
}

/** A cadence as it is being written: every number the text of its input, every kind's members kept while switching. */
export interface CadenceDraft {
  cadence: PlanCadence;
  every: string;
  unit: PlanUnit;
  firstAfterDays: string;
  weekdays: DayOfWeek[];
  taskType: FollowUpType;
  steps: StepDraft[];
  note: string;
  maxCount: string;
}

let nextKey = 1;

/** A new step: a week after the one before it (on the start day when it is the first). */
export function newStep(after?: StepDraft): StepDraft {
  const previous = after ? wholeNumber(after.day) : null;
  return { key: nextKey++, day: previous === null ? (after ? '' : '0') : String(previous + 7), type: 'CALL', note: '' };
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
  const steps = (cadence.steps ?? []).map((step): StepDraft => ({ key: nextKey++, day: String(step.day), type: step.type, note: step.note ?? '' }));
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

/** "12" → 12; "" → null; anything else (1.5, -3) → NaN. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** How the server names a step's member in its errors (after the cadence's own prefix): `steps[2].day`. */
export function stepField(index: number, member: 'day' | 'type' | 'note') {
  return `steps[${index}].${member}`;
}

/**
 * The cadence as the API takes it, with only the members its kind uses; or the errors that would make the server
 * refuse it in any case (a required number left empty, a number that is not whole), keyed as the server names them.
 */
export function cadenceFromDraft(draft: CadenceDraft, t: Translate): { cadence: PlanCadenceInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const number = (field: string, text: string, required: boolean): number | null => {
    const value = wholeNumber(text);
    if (value === null && required) errors[field] = t('fieldError.REQUIRED');
    else if (Number.isNaN(value)) errors[field] = t('plans.error.wholeNumber');
    return value;
  };

  const cadence: PlanCadenceInput = { cadence: draft.cadence };
  if (draft.cadence === 'SEQUENCE') {
    if (draft.steps.length === 0) errors.steps = t('plans.error.noSteps');
    cadence.steps = draft.steps.map((step, index): PlanStep => {
      const planStep: PlanStep = { day: number(stepField(index, 'day'), step.day, true) ?? 0, type: step.type };
      if (step.note.trim()) planStep.note = step.note.trim();
      return planStep;
    });
  } else {
    if (draft.cadence === 'INTERVAL') {
      cadence.every = number('every', draft.every, true);
      cadence.unit = draft.unit;
    } else {
      if (draft.weekdays.length === 0) errors.weekdays = t('plans.error.weekdays');
      cadence.weekdays = WEEKDAYS.filter((day) => draft.weekdays.includes(day));
    }
    const firstAfterDays = number('firstAfterDays', draft.firstAfterDays, false);
    if (firstAfterDays !== null) cadence.firstAfterDays = firstAfterDays;
    cadence.taskType = draft.taskType;
  }
  if (draft.note.trim()) cadence.note = draft.note.trim();
  const maxCount = number('maxCount', draft.maxCount, false);
  if (maxCount !== null) cadence.maxCount = maxCount;
  return Object.keys(errors).length > 0 ? { cadence: null, errors } : { cadence, errors };
}
