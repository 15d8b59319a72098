import { useEffect, useId, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useZodForm } from '@/components/form/use-zod-form';
import { STAGES } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { useCreatePlan } from '../api/create-plan';
import { useStageTemplates } from '../api/list-stage-templates';
import type { CustomerStage, Plan } from '../api/types';
import { draftFromCadence, newPlanDraft, planFromDraft, planSchema, type CadenceDraft, type PlanForm as PlanFormApi } from '../lib/cadence-draft';
import { applyPlanServerErrors, planFieldLabel } from '../lib/plan-errors';
import { CadenceFields } from './cadence-fields';

/** "Start from a stage template": fills the form in with a stage's default plan, to change before starting it. */
function TemplatePicker({ onPick }: { onPick: (stage: CustomerStage, draft: CadenceDraft) => void }) {
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

/**
 * The template picker and what it did: filling the cadence in starts the form afresh (no checks shown, no answer of
 * the server's), the start and last day kept.
 */
export function TemplateFill({ form }: { form: PlanFormApi }) {
  const t = useT();
  const [filledFrom, setFilledFrom] = useState<CustomerStage | null>(null);
  return (
    <>
      <TemplatePicker
        onPick={(stage, cadence) => {
          form.reset({ ...form.getValues(), cadence });
          // The last refusal was about the cadence replaced.
          form.setServerAlert(null);
          setFilledFrom(stage);
        }}
      />
      <p role="status" className="muted small field-wide plan-filled">
        {filledFrom ? t('plans.form.templateUsed', { stage: t(`stage.${filledFrom}`) }) : ''}
      </p>
    </>
  );
}

/** A plan's start day and optional last day; a change of the start says again whether the last day fits. */
export function PlanDays({ form }: { form: PlanFormApi }) {
  const t = useT();
  const startsOn = useWatch({ control: form.control, name: 'startsOn' });
  const { watch, trigger } = form;
  const { isSubmitted } = form.formState;
  useEffect(() => {
    if (!isSubmitted) return;
    const subscription = watch((_values, { name }) => {
      if (name === 'startsOn') void trigger('endsOn');
    });
    return () => subscription.unsubscribe();
  }, [watch, trigger, isSubmitted]);

  return (
    <div className="field-row field-wide">
      <TextField label={t('plans.form.startsOn')} type="date" {...form.field('startsOn')} />
      <TextField
        label={t('plans.form.endsOn')}
        type="date"
        min={startsOn || undefined}
        hint={t('plans.form.endsOnHint')}
        {...form.field('endsOn')}
      />
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
  const createMutation = useCreatePlan();
  const schema = useMemo(() => planSchema(today), [today]);
  const form = useZodForm(schema, { defaultValues: newPlanDraft(today), fieldLabel: planFieldLabel });

  const handleSubmit = form.handleSubmit((draft) => {
    const body = planFromDraft(draft, today);
    if (createMutation.isPending || !body) return;
    createMutation.mutate(
      { customerId, body },
      { onSuccess: onDone, onError: (error) => applyPlanServerErrors(form, error, { withDays: true }) },
    );
  });

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby={titleId} className="plan-form">
      <h3 id={titleId}>{t('plans.form.title')}</h3>
      <form ref={form.formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={pending}>
        <TemplateFill form={form} />
        <CadenceFields form={form} />
        <PlanDays form={form} />
        <FormAlert alert={form.alert} />
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
