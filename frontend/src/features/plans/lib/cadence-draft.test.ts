import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '@/lib/i18n';
import { cadenceFromDraft, draftFromCadence, emptyDraft } from './cadence-draft';

const t: Translate = (key, params) => translate('en', key, params);

describe('cadence drafts', () => {
  it('sends only the members the kind takes', () => {
    const draft = { ...emptyDraft(), weekdays: ['MONDAY' as const], firstAfterDays: '', note: '  ', maxCount: '' };
    expect(cadenceFromDraft(draft, t).cadence).toEqual({ cadence: 'INTERVAL', every: 7, unit: 'DAYS', taskType: 'CALL' });
    expect(cadenceFromDraft({ ...draft, cadence: 'WEEKDAYS' }, t).cadence).toEqual({ cadence: 'WEEKDAYS', weekdays: ['MONDAY'], taskType: 'CALL' });
    expect(cadenceFromDraft({ ...draft, cadence: 'SEQUENCE' }, t).cadence).toEqual({ cadence: 'SEQUENCE', steps: [{ day: 0, type: 'CALL' }] });
  });

  it('refuses what the server would refuse in any case, keyed as the server names the fields', () => {
    const draft = { ...emptyDraft(), every: '', firstAfterDays: '1.5', maxCount: '-2' };
    expect(cadenceFromDraft(draft, t)).toEqual({
      cadence: null,
      errors: { every: 'Required.', firstAfterDays: 'Enter a whole number.', maxCount: 'Enter a whole number.' },
    });
    const sequence = draftFromCadence({ cadence: 'SEQUENCE', steps: [{ day: 0, type: 'CALL' }, { day: 3, type: 'EMAIL' }] });
    sequence.steps[1]!.day = '';
    expect(cadenceFromDraft(sequence, t).errors).toEqual({ 'steps[1].day': 'Required.' });
  });

  it('reads a saved cadence back into the form as it was', () => {
    const cadence = { cadence: 'INTERVAL' as const, every: 14, unit: 'DAYS' as const, firstAfterDays: 7, taskType: 'VISIT' as const, note: 'Bring samples', maxCount: 4 };
    expect(cadenceFromDraft(draftFromCadence(cadence), t).cadence).toEqual(cadence);
  });
});
