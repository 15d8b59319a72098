import { useId } from 'react';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, PLAN_CADENCES, PLAN_UNITS, WEEKDAYS, type FollowUpType, type PlanUnit } from '../api/types';
import { cadenceFromDraft, newStep, stepField, type CadenceDraft, type StepDraft } from '../lib/cadence-draft';
import { describeCadence } from '../lib/describe-cadence';

/** The fields of a cadence as the server names them in its errors (without a prefix), for the draft as it is. */
export function cadenceFieldNames(draft: CadenceDraft): string[] {
  const steps = draft.steps.flatMap((_, index) => (['day', 'type', 'note'] as const).map((member) => stepField(index, member)));
  return ['cadence', 'every', 'unit', 'firstAfterDays', 'weekdays', 'taskType', 'note', 'maxCount', 'steps', ...steps];
}

export interface CadenceFieldsProps {
  draft: CadenceDraft;
  onChange: (draft: CadenceDraft) => void;
  /** Field → message, keyed as the server names the fields without a prefix (`every`, `steps[1].day`). */
  errors: Record<string, string>;
  /** What the days count from (a plan's start day, the day a customer enters a stage). */
  startHint?: string;
  /** A step was added or removed: errors that name steps by position no longer fit. */
  onStepsMoved?: () => void;
}

function StepRow({
  step,
  index,
  errors,
  canRemove,
  onChange,
  onRemove,
}: {
  step: StepDraft;
  index: number;
  errors: Record<string, string>;
  canRemove: boolean;
  onChange: (patch: Partial<StepDraft>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const n = index + 1;
  return (
    <li className="plan-step-row">
      <TextField
        label={t('plans.step.day', { n })}
        name={stepField(index, 'day')}
        type="number"
        inputMode="numeric"
        min={0}
        max={366}
        step={1}
        value={step.day}
        onChange={(event) => onChange({ day: event.target.value })}
        error={errors[stepField(index, 'day')]}
      />
      <SelectField
        label={t('plans.step.type', { n })}
        name={stepField(index, 'type')}
        value={step.type}
        options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
        onChange={(event) => onChange({ type: event.target.value as FollowUpType })}
        error={errors[stepField(index, 'type')]}
      />
      <TextField
        label={t('plans.step.note', { n })}
        name={stepField(index, 'note')}
        maxLength={500}
        value={step.note}
        onChange={(event) => onChange({ note: event.target.value })}
        error={errors[stepField(index, 'note')]}
      />
      {canRemove && (
        <div className="plan-step-remove">
          <button type="button" className="link-button" onClick={onRemove}>
            {t('plans.step.remove', { n })}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The cadence of a plan or a stage template: its kind (every N days/weeks/months, set weekdays, a sequence of
 * steps), what each kind needs, the task, a note and an optional number of tasks; and the result in words.
 */
export function CadenceFields({ draft, onChange, errors, startHint, onStepsMoved }: CadenceFieldsProps) {
  const t = useT();
  const id = useId();
  const set = (patch: Partial<CadenceDraft>) => onChange({ ...draft, ...patch });
  const errorId = (field: string) => `${id}-${field}-error`;
  const { cadence: complete } = cadenceFromDraft(draft, t);
  const taskType = (
    <SelectField
      label={t('plans.form.taskType')}
      name="taskType"
      value={draft.taskType}
      options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
      onChange={(event) => set({ taskType: event.target.value as FollowUpType })}
      error={errors.taskType}
    />
  );
  const firstAfterDays = (
    <TextField
      label={t('plans.form.firstAfterDays')}
      name="firstAfterDays"
      type="number"
      inputMode="numeric"
      min={0}
      max={366}
      step={1}
      value={draft.firstAfterDays}
      onChange={(event) => set({ firstAfterDays: event.target.value })}
      hint={startHint ? `${t('plans.form.firstAfterDaysHint')} ${startHint}` : t('plans.form.firstAfterDaysHint')}
      error={errors.firstAfterDays}
    />
  );

  return (
    <>
      <fieldset className="plan-kind field-wide" aria-describedby={errors.cadence ? errorId('cadence') : undefined}>
        <legend>{t('plans.form.kind')}</legend>
        <div className="plan-options">
          {PLAN_CADENCES.map((kind) => (
            <label key={kind} className="checkbox-line">
              <input
                type="radio"
                name={`${id}-cadence`}
                value={kind}
                checked={draft.cadence === kind}
                onChange={() => set({ cadence: kind })}
              />
              {t(`plans.kind.${kind}`)}
            </label>
          ))}
        </div>
        {errors.cadence && (
          <p id={errorId('cadence')} className="field-error">
            {errors.cadence}
          </p>
        )}
      </fieldset>

      {draft.cadence === 'INTERVAL' && (
        <div className="field-row field-wide">
          <TextField
            label={t('plans.form.every')}
            name="every"
            type="number"
            inputMode="numeric"
            min={1}
            max={366}
            step={1}
            value={draft.every}
            onChange={(event) => set({ every: event.target.value })}
            error={errors.every}
          />
          <SelectField
            label={t('plans.form.unit')}
            name="unit"
            value={draft.unit}
            options={PLAN_UNITS.map((unit) => ({ value: unit, label: t(`plans.unit.${unit}`) }))}
            onChange={(event) => set({ unit: event.target.value as PlanUnit })}
            error={errors.unit}
          />
          {firstAfterDays}
          {taskType}
        </div>
      )}

      {draft.cadence === 'WEEKDAYS' && (
        <>
          <fieldset className="field-wide" aria-describedby={errors.weekdays ? errorId('weekdays') : undefined}>
            <legend>{t('plans.form.weekdays')}</legend>
            <div className="plan-options">
              {WEEKDAYS.map((day) => (
                <label key={day} className="checkbox-line">
                  <input
                    type="checkbox"
                    name="weekdays"
                    value={day}
                    checked={draft.weekdays.includes(day)}
                    aria-invalid={errors.weekdays ? true : undefined}
                    onChange={(event) =>
                      set({
                        weekdays: event.target.checked
                          ? [...draft.weekdays, day]
                          : draft.weekdays.filter((chosen) => chosen !== day),
                      })
                    }
                  />
                  {t(`plans.weekday.${day}`)}
                </label>
              ))}
            </div>
            {errors.weekdays && (
              <p id={errorId('weekdays')} className="field-error">
                {errors.weekdays}
              </p>
            )}
          </fieldset>
          <div className="field-row field-wide">
            {firstAfterDays}
            {taskType}
          </div>
        </>
      )}

      {draft.cadence === 'SEQUENCE' && (
        <fieldset className="plan-steps field-wide" aria-describedby={errors.steps ? errorId('steps') : undefined}>
          <legend>{t('plans.form.steps')}</legend>
          {startHint && <p className="field-hint">{startHint}</p>}
          <ol className="plain-list plan-step-list">
            {draft.steps.map((step, index) => (
              <StepRow
                key={step.key}
                step={step}
                index={index}
                errors={errors}
                canRemove={draft.steps.length > 1}
                onChange={(patch) =>
                  set({ steps: draft.steps.map((other) => (other.key === step.key ? { ...other, ...patch } : other)) })
                }
                onRemove={() => {
                  onStepsMoved?.();
                  set({ steps: draft.steps.filter((other) => other.key !== step.key) });
                }}
              />
            ))}
          </ol>
          {errors.steps && (
            <p id={errorId('steps')} className="field-error">
              {errors.steps}
            </p>
          )}
          {draft.steps.length < 50 && (
            <button
              type="button"
              onClick={() => {
                onStepsMoved?.();
                set({ steps: [...draft.steps, newStep(draft.steps[draft.steps.length - 1])] });
              }}
            >
              {t('plans.step.add')}
            </button>
          )}
        </fieldset>
      )}

      <div className="field-row field-wide">
        <TextField
          label={t('plans.form.note')}
          name="note"
          maxLength={500}
          value={draft.note}
          onChange={(event) => set({ note: event.target.value })}
          hint={t('plans.form.noteHint')}
          error={errors.note}
        />
        <TextField
          label={t('plans.form.maxCount')}
          name="maxCount"
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          step={1}
          value={draft.maxCount}
          onChange={(event) => set({ maxCount: event.target.value })}
          hint={t('plans.form.maxCountHint')}
          error={errors.maxCount}
        />
      </div>
      {complete && <p className="plan-summary field-wide">{t('plans.form.summary', { text: describeCadence(complete, t) })}</p>}
    </>
  );
}
