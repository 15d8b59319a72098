import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError } from '@/components/form/use-form-errors';
import { STAGES } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { useCreatePlan } from '../api/create-plan';
import { useStageTemplates } from '../api/list-stage-templates';
import type { CreatePlanRequest, CustomerStage, Plan } from '../api/types';
import { cadenceFromDraft, draftFromCadence, emptyDraft, type CadenceDraft } from '../lib/cadence-draft';
import { CadenceFields, cadenceFieldNames } from './cadence-fields';
import { usePlanFormErrors } from './use-plan-form-errors';

/** The server names the cadence's fields under `cadence.` in a plan's errors. */
const PREFIX = 'cadence.';

/** "Start from a stage template": fills the form in with a stage's default plan, to change before starting it. */
export function TemplatePicker({ onPick }: { onPick: (stage: CustomerStage, draft: CadenceDraft) => void }) {
  const t = useT();
  const id = useId();
  const templates = useStageTemplates().data?.items ?? [];
  const [stage, setStage] = useState<CustomerStage | ''>('');
  // In the stages' order, whatever order the server lists them in.
  const offered = STAGES.filter((option) => templates.some((template) => template.stage === option));
  if (offered.length === 0) return null;
  const chosen = templates.find((template) => template.stage === stage);
  return (
    <div className="plan-template-picker field-wide">
      <div className="field">
        <label htmlFor={id}>{t('plans.form.template')}</label>
        <select id={id} value={stage} onChange={(event) => setStage(event.target.value as CustomerStage | '')}>
          <option value="">{t('plans.form.templateChoose')}</option>
          {offered.map((option) => (
            <option key={option} value={option}>
              {t(`stage.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" disabled={!chosen} onClick={() => chosen && onPick(chosen.stage, draftFromCadence(chosen.cadence))}>
        {t('plans.form.templateUse')}
      </button>
    </div>
  );
}

export interface PlanFormProps {
  customerId: number;
  /** The store's today: the default start day. */
  today: string;
  onDone: (plan: Plan) => void;
  onCancel: () => void;
}

/** A new follow-up plan for the customer: its cadence, start day, and optionally its last day or number of tasks. */
export function PlanForm({ customerId, today, onDone, onCancel }: PlanFormProps) {
  const t = useT();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreatePlan();
  const [draft, setDraft] = useState<CadenceDraft>(emptyDraft);
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [filledFrom, setFilledFrom] = useState<CustomerStage | null>(null);

  const shown = useMemo(() => [...cadenceFieldNames(draft), 'startsOn', 'endsOn'], [draft]);
  const { fieldErrors: serverErrors, alert } = usePlanFormErrors(createMutation.error, PREFIX, shown);
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
    const body: CreatePlanRequest = { cadence, startsOn: startsOn || today };
    if (endsOn) body.endsOn = endsOn;
    createMutation.mutate({ customerId, body }, { onSuccess: onDone });
  }

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby={titleId} className="plan-form">
      <h3 id={titleId}>{t('plans.form.title')}</h3>
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
            {pending ? t('plans.form.saving') : t('plans.form.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
