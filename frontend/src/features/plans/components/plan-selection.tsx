import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError } from '@/components/form/use-form-errors';
import { useT, type Translate } from '@/lib/i18n';
import { useCreatePlans } from '../api/create-plans';
import type { BatchPlanResult, BatchSelection, CreatePlanRequest, CustomerStage } from '../api/types';
import { cadenceFromDraft, emptyDraft, type CadenceDraft } from '../lib/cadence-draft';
import { storeToday } from '../lib/days';
import { CadenceFields, cadenceFieldNames } from './cadence-fields';
import { TemplatePicker } from './plan-form';
import { usePlanFormErrors } from './use-plan-form-errors';

/**
 * How the server names a batch plan's fields: under `plan.` when the request's shape is refused (`plan.cadence.every`,
 * `plan.startsOn`), without it when the plan's rules are (`cadence.every`, `endsOn`); the selection's as `selection…`.
 */
const PREFIXES = ['plan.cadence.', 'cadence.', 'plan.'] as const;

/** What a batch of plans did, in words: how many customers got the plan, and how many were skipped. */
export function planSelectionResultText(t: Translate, result: BatchPlanResult): string {
  // Skipped has one reason here: a customer the person may not change, or none by that id (NOT_FOUND).
  return t('plans.batch.result', { created: result.created, skipped: result.skipped.length });
}

export interface PlanSelectionProps {
  /** The customers: the ticked ids, or every customer a screening filter matches. */
  selection: BatchSelection;
  /** How many customers the selection covers, for the wording. */
  count: number;
  /** The store's time zone: the default start day is its today. */
  timeZone: string;
  /** The plans were created: what happened, and the same in the reader's words (skipped customers included), to say. */
  onDone: (result: BatchPlanResult, said: (t: Translate) => string) => void;
  /** Closes the form without planning anything; no Cancel button without it. */
  onCancel?: () => void;
}

/**
 * One follow-up plan for every customer of a selection: the same cadence form as a customer's plans panel (from
 * scratch or from a stage template), its start and last day; customers the person may not change are skipped.
 */
export function PlanSelection({ selection, count, timeZone, onDone, onCancel }: PlanSelectionProps) {
  const t = useT();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreatePlans();
  const today = storeToday(timeZone);
  const [draft, setDraft] = useState<CadenceDraft>(emptyDraft);
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [filledFrom, setFilledFrom] = useState<CustomerStage | null>(null);

  const shown = useMemo(() => [...cadenceFieldNames(draft), 'startsOn', 'endsOn'], [draft]);
  const { fieldErrors: serverErrors, alert } = usePlanFormErrors(createMutation.error, PREFIXES, shown);
  const errors = { ...serverErrors, ...clientErrors };
  useFocusOnError(formRef, createMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMutation.isPending) return;
    const { cadence, errors: found } = cadenceFromDraft(draft, t);
    setClientErrors(found);
    if (!cadence) {
      createMutation.reset();
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const plan: CreatePlanRequest = { cadence, startsOn: startsOn || today };
    if (endsOn) plan.endsOn = endsOn;
    createMutation.mutate(
      { selection, plan },
      {
        onSuccess: (done) => onDone(done, (translate) => planSelectionResultText(translate, done)),
      },
    );
  }

  const pending = createMutation.isPending;
  const byFilter = selection.filter != null;
  return (
    <section aria-labelledby={titleId} className="plan-form plan-selection">
      <h2 id={titleId}>{t('plans.batch.title', { count })}</h2>
      <p className="muted small">
        {byFilter ? t('plans.batch.scopeFilter', { count }) : t('plans.batch.scopeIds', { count })}
      </p>
      <form ref={formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={pending}>
        <TemplatePicker
          onPick={(stage, filled) => {
            setDraft(filled);
            setClientErrors({});
            createMutation.reset();
            setFilledFrom(stage);
          }}
        />
        <p role="status" className="muted small field-wide plan-filled">
          {filledFrom ? t('plans.form.templateUsed', { stage: t(`stage.${filledFrom}`) }) : ''}
        </p>
        <CadenceFields
          draft={draft}
          onChange={setDraft}
          errors={errors}
          onStepsMoved={() => {
            // Errors name steps by position: once steps move, theirs no longer fit.
            setClientErrors({});
            createMutation.reset();
          }}
        />
        <div className="field-row field-wide">
          <TextField
            label={t('plans.form.startsOn')}
            name="startsOn"
            type="date"
            value={startsOn}
            onChange={(event) => setStartsOn(event.target.value)}
            error={errors.startsOn}
          />
          <TextField
            label={t('plans.form.endsOn')}
            name="endsOn"
            type="date"
            min={startsOn || undefined}
            value={endsOn}
            onChange={(event) => setEndsOn(event.target.value)}
            hint={t('plans.form.endsOnHint')}
            error={errors.endsOn}
          />
        </div>
        <FormAlert alert={alert} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('plans.batch.saving') : t('plans.batch.submit', { count })}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
