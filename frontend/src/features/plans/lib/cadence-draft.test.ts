import { describe, expect, it } from 'vitest';
import { fieldMessageText, zodErrorMap } from '@/lib/form-messages';
import { translate, type Translate } from '@/lib/i18n';
import { cadenceFromDraft, draftFromCadence, emptyDraft, newPlanDraft, planFromDraft, planSchema, type CadenceDraft, type PlanDraft } from './cadence-draft';

const t: Translate = (key, params) => translate('en', key, params);
const TODAY = '2026-12-07';

/** What the schema says of a plan, field by field (as the form names them), in English. */
function mistakes(draft: PlanDraft): Record<string, string> {
  const result = planSchema(TODAY).safeParse(draft, { error: zodErrorMap });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), fieldMessageText(t, issue.message)]));
}

function withCadence(cadence: Partial<CadenceDraft>, days: Partial<PlanDraft> = {}): PlanDraft {
  const draft = newPlanDraft(TODAY);
  return { ...draft, ...days, cadence: { ...draft.cadence, ...cadence } };
}

describe('cadence drafts', () => {
  it('sends only the members the kind takes', () => {
    const draft = { ...emptyDraft(), weekdays: ['MONDAY' as const], firstAfterDays: '', note: '  ', maxCount: '' };
    expect(cadenceFromDraft(draft)).toEqual({ cadence: 'INTERVAL', every: 7, unit: 'DAYS', taskType: 'CALL' });
    expect(cadenceFromDraft({ ...draft, cadence: 'WEEKDAYS' })).toEqual({ cadence: 'WEEKDAYS', weekdays: ['MONDAY'], taskType: 'CALL' });
    expect(cadenceFromDraft({ ...draft, cadence: 'SEQUENCE' })).toEqual({ cadence: 'SEQUENCE', steps: [{ day: 0, type: 'CALL' }] });
    // Weekdays Monday first, whatever order they were ticked in.
    expect(cadenceFromDraft({ ...draft, cadence: 'WEEKDAYS', weekdays: ['FRIDAY', 'TUESDAY'] })?.weekdays).toEqual(['TUESDAY', 'FRIDAY']);
  });

  it('builds a plan starting today when its start day is left empty', () => {
    expect(planFromDraft(withCadence({}, { startsOn: '', endsOn: '2027-01-31' }), TODAY)).toEqual({
      cadence: { cadence: 'INTERVAL', every: 7, unit: 'DAYS', taskType: 'CALL' },
      startsOn: TODAY,
      endsOn: '2027-01-31',
    });
    expect(planFromDraft(withCadence({ every: '' }), TODAY)).toBeNull();
  });

  it('refuses what the server refuses, every mistake at once, in its words, keyed as the form names the fields', () => {
    expect(mistakes(withCadence({ every: '', firstAfterDays: '1.5', maxCount: '-2' }, { endsOn: '2026-12-01' }))).toEqual({
      'cadence.every': 'Required.',
      'cadence.firstAfterDays': 'Enter a whole number.',
      'cadence.maxCount': 'Enter a number from 1 to 1000.',
      endsOn: 'Must not be before the start day.',
    });
    expect(mistakes(withCadence({ every: '400', firstAfterDays: '367' }))).toEqual({
      'cadence.every': 'Enter a number from 1 to 366.',
      'cadence.firstAfterDays': 'Enter a number from 0 to 366.',
    });
    expect(mistakes(withCadence({ cadence: 'WEEKDAYS' }))).toEqual({ 'cadence.weekdays': 'Choose at least one weekday.' });
    expect(mistakes(withCadence({ note: 'x'.repeat(501) }))).toEqual({ 'cadence.note': 'At most 500 characters.' });
    // An empty start day is today, as sent.
    expect(mistakes(withCadence({}, { startsOn: '', endsOn: '2026-12-06' }))).toEqual({ endsOn: 'Must not be before the start day.' });
  });

  it('checks a sequence’s steps: each day, and the days in order', () => {
    const steps = [
      { day: '3', type: 'CALL' as const, note: '' },
      { day: '3', type: 'EMAIL' as const, note: '' },
      { day: '1', type: 'CALL' as const, note: '' },
      { day: '', type: 'CALL' as const, note: '' },
      { day: '400', type: 'CALL' as const, note: '' },
    ];
    expect(mistakes(withCadence({ cadence: 'SEQUENCE', steps }))).toEqual({
      'cadence.steps.2.day': 'Must not come before the day of the step above it.',
      'cadence.steps.3.day': 'Required.',
      'cadence.steps.4.day': 'Enter a number from 0 to 366.',
    });
    expect(mistakes(withCadence({ cadence: 'SEQUENCE', steps: [] }))).toEqual({ 'cadence.steps': 'Use 1 to 50 steps.' });
  });

  it('checks only what the kind uses: another kind’s members are kept, not checked', () => {
    expect(mistakes(withCadence({ cadence: 'SEQUENCE', every: '', firstAfterDays: 'x', weekdays: [] }))).toEqual({});
    expect(mistakes(withCadence({ cadence: 'INTERVAL', steps: [{ day: '', type: 'CALL', note: '' }] }))).toEqual({});
  });

  it('reads a saved cadence back into the form as it was', () => {
    const cadence = { cadence: 'INTERVAL' as const, every: 14, unit: 'DAYS' as const, firstAfterDays: 7, taskType: 'VISIT' as const, note: 'Bring samples', maxCount: 4 };
    expect(cadenceFromDraft(draftFromCadence(cadence))).toEqual(cadence);
  });
});
