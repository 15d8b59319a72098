import { useId, useMemo } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { useZodForm } from '@/components/form/use-zod-form';
import { useT, type Translate } from '@/lib/i18n';
import { useCreatePlans } from '../api/create-plans';
import type { BatchPlanResult, BatchSelection } from '../api/types';
import { newPlanDraft, planFromDraft, planSchema } from '../lib/cadence-draft';
import { storeToday } from '../lib/days';
import { applyPlanServerErrors, planFieldLabel } from '../lib/plan-errors';
import { CadenceFields } from './cadence-fields';
import { PlanDays, TemplateFill } from './plan-form';

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
  const createMutation = useCreatePlans();
  const today = storeToday(timeZone);
  const schema = useMemo(() => planSchema(today), [today]);
  const form = useZodForm(schema, { defaultValues: newPlanDraft(today), fieldLabel: planFieldLabel });

  const handleSubmit = form.handleSubmit((draft) => {
    const plan = planFromDraft(draft, today);
    if (createMutation.isPending || !plan) return;
    createMutation.mutate(
      { selection, plan },
      {
        onSuccess: (done) => onDone(done, (translate) => planSelectionResultText(translate, done)),
        onError: (error) => applyPlanServerErrors(form, error, { withDays: true }),
      },
    );
  });

  const pending = createMutation.isPending;
  const byFilter = selection.filter != null;
  return (
    <section aria-labelledby={titleId} className="plan-form plan-selection">
      <h2 id={titleId}>{t('plans.batch.title', { count })}</h2>
      <p className="muted small">
        {byFilter ? t('plans.batch.scopeFilter', { count }) : t('plans.batch.scopeIds', { count })}
      </p>
      <form ref={form.formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={pending}>
        <TemplateFill form={form} />
        <CadenceFields form={form} />
        <PlanDays form={form} />
        <FormAlert alert={form.alert} />
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
