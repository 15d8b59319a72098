import { useEffect, useId } from 'react';
import { useFieldArray, useWatch, type Path } from 'react-hook-form';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, PLAN_CADENCES, PLAN_UNITS, WEEKDAYS } from '../api/types';
import { cadenceFromDraft, MAX_STEPS, newStep, type PlanDraft, type PlanForm } from '../lib/cadence-draft';
import { describeCadence } from '../lib/describe-cadence';

export interface CadenceFieldsProps {
  /** The plan's or template's form; the cadence is its `cadence`. */
  form: PlanForm;
  /** What the days count from (a plan's start day, the day a customer enters a stage). */
  startHint?: string;
}

function StepRow({ form, index, canRemove, onRemove }: { form: PlanForm; index: number; canRemove: boolean; onRemove: () => void }) {
  const t = useT();
  const n = index + 1;
  return (
    <li className="plan-step-row">
      <TextField
        label={t('plans.step.day', { n })}
        type="number"
        inputMode="numeric"
        min={0}
        max={366}
        step={1}
        {...form.field(`cadence.steps.${index}.day`)}
      />
      <SelectField
        label={t('plans.step.type', { n })}
        options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
        {...form.field(`cadence.steps.${index}.type`)}
      />
      <TextField label={t('plans.step.note', { n })} maxLength={500} {...form.field(`cadence.steps.${index}.note`)} />
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
export function CadenceFields({ form, startHint }: CadenceFieldsProps) {
  const t = useT();
  const id = useId();
  const draft = useWatch({ control: form.control, name: 'cadence' });
  const { fields: stepRows, append, remove } = useFieldArray({ control: form.control, name: 'cadence.steps' });
  const errorId = (field: string) => `${id}-${field}-error`;
  const complete = cadenceFromDraft(draft);
  const kindError = form.fieldError('cadence.cadence');
  const weekdaysError = form.fieldError('cadence.weekdays');
  const stepsError = form.fieldError('cadence.steps');

  // Once a submit has shown the checks, a change that decides another field's check says that one again too: the
  // kind decides what is checked, a step's day the order of the steps after it.
  const { watch, trigger, getValues } = form;
  const { isSubmitted } = form.formState;
  useEffect(() => {
    if (!isSubmitted) return;
    const subscription = watch((_values, { name }) => {
      if (name === 'cadence.cadence') void trigger('cadence');
      else if (name && /^cadence\.steps\.\d+\.day$/.test(name)) {
        const days = getValues('cadence.steps').map((_, index) => `cadence.steps.${index}.day` as Path<PlanDraft>);
        void trigger(days);
      }
    });
    return () => subscription.unsubscribe();
  }, [watch, trigger, getValues, isSubmitted]);

  function moveSteps(move: () => void) {
    // Errors name steps by position: once steps move, theirs no longer fit.
    form.clearErrors('cadence.steps');
    move();
  }

  const taskType = (
    <SelectField
      label={t('plans.form.taskType')}
      options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
      {...form.field('cadence.taskType')}
    />
  );
  const firstAfterDays = (
    <TextField
      label={t('plans.form.firstAfterDays')}
      type="number"
      inputMode="numeric"
      min={0}
      max={366}
      step={1}
      hint={startHint ? `${t('plans.form.firstAfterDaysHint')} ${startHint}` : t('plans.form.firstAfterDaysHint')}
      {...form.field('cadence.firstAfterDays')}
    />
  );

  return (
    <>
      <fieldset className="plan-kind field-wide" aria-describedby={kindError ? errorId('cadence') : undefined}>
        <legend>{t('plans.form.kind')}</legend>
        <div className="plan-options">
          {PLAN_CADENCES.map((kind) => (
            <label key={kind} className="checkbox-line">
              <input type="radio" value={kind} aria-invalid={kindError ? true : undefined} {...form.register('cadence.cadence')} />
              {t(`plans.kind.${kind}`)}
            </label>
          ))}
        </div>
        {kindError && (
          <p id={errorId('cadence')} className="field-error">
            {kindError}
          </p>
        )}
      </fieldset>

      {draft.cadence === 'INTERVAL' && (
        <div className="field-row field-wide">
          <TextField
            label={t('plans.form.every')}
            type="number"
            inputMode="numeric"
            min={1}
            max={366}
            step={1}
            {...form.field('cadence.every')}
          />
          <SelectField
            label={t('plans.form.unit')}
            options={PLAN_UNITS.map((unit) => ({ value: unit, label: t(`plans.unit.${unit}`) }))}
            {...form.field('cadence.unit')}
          />
          {firstAfterDays}
          {taskType}
        </div>
      )}

      {draft.cadence === 'WEEKDAYS' && (
        <>
          <fieldset className="field-wide" aria-describedby={weekdaysError ? errorId('weekdays') : undefined}>
            <legend>{t('plans.form.weekdays')}</legend>
            <div className="plan-options">
              {WEEKDAYS.map((day) => (
                <label key={day} className="checkbox-line">
                  <input
                    type="checkbox"
                    value={day}
                    aria-invalid={weekdaysError ? true : undefined}
                    {...form.register('cadence.weekdays')}
                  />
                  {t(`plans.weekday.${day}`)}
                </label>
              ))}
            </div>
            {weekdaysError && (
              <p id={errorId('weekdays')} className="field-error">
                {weekdaysError}
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
        <fieldset className="plan-steps field-wide" aria-describedby={stepsError ? errorId('steps') : undefined}>
          <legend>{t('plans.form.steps')}</legend>
          {startHint && <p className="field-hint">{startHint}</p>}
          <ol className="plain-list plan-step-list">
            {stepRows.map((row, index) => (
              <StepRow
                key={row.id}
                form={form}
                index={index}
                canRemove={stepRows.length > 1}
                onRemove={() => moveSteps(() => remove(index))}
              />
            ))}
          </ol>
          {stepsError && (
            <p id={errorId('steps')} className="field-error">
              {stepsError}
            </p>
          )}
          {stepRows.length < MAX_STEPS && (
            <button
              type="button"
              onClick={() => {
                const steps = getValues('cadence.steps');
                moveSteps(() => append(newStep(steps[steps.length - 1]), { shouldFocus: false }));
              }}
            >
              {t('plans.step.add')}
            </button>
          )}
        </fieldset>
      )}

      <div className="field-row field-wide">
        <TextField label={t('plans.form.note')} maxLength={500} hint={t('plans.form.noteHint')} {...form.field('cadence.note')} />
        <TextField
          label={t('plans.form.maxCount')}
          type="number"
          inputMode="numeric"
          min={1}
          max={1000}
          step={1}
          hint={t('plans.form.maxCountHint')}
          {...form.field('cadence.maxCount')}
        />
      </div>
      {complete && <p className="plan-summary field-wide">{t('plans.form.summary', { text: describeCadence(complete, t) })}</p>}
    </>
  );
}
