import { useId, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { useT } from '@/lib/i18n';
import { errorMessage, fieldErrorsOf } from '@/lib/problem';
import { useCancelPlan } from '../api/cancel-plan';
import { useCompletePlanStep } from '../api/complete-plan-step';
import { useReschedulePlanStep } from '../api/reschedule-plan-step';
import { isPlanEndReason, type Plan } from '../api/types';
import { addDays, useDayFormat } from '../lib/days';
import { describeCadence, followUpTypeName, stageName } from '../lib/describe-cadence';

export interface PlanItemProps {
  plan: Plan;
  /** The store's today. */
  today: string;
  readOnly: boolean;
}

/** Choosing the day to move the current task to (today or later). */
function RescheduleForm({
  plan,
  today,
  onMoved,
  onCancel,
}: {
  plan: Plan;
  today: string;
  onMoved: (day: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const rescheduleMutation = useReschedulePlanStep();
  const [day, setDay] = useState(plan.dueOn && plan.dueOn > today ? plan.dueOn : addDays(today, 1));
  // The only field: before today (the store's) is the one refusal it can have.
  const dayError = fieldErrorsOf(rescheduleMutation.error, t).dueOn ? t('plans.error.dueOn') : undefined;
  const failure = rescheduleMutation.error && !dayError ? errorMessage(rescheduleMutation.error) : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rescheduleMutation.isPending || !day) return;
    rescheduleMutation.mutate({ plan, dueOn: day }, { onSuccess: () => onMoved(day) });
  }

  return (
    <form className="inline-form plan-reschedule" onSubmit={handleSubmit} noValidate aria-busy={rescheduleMutation.isPending}>
      <TextField
        label={t('plans.reschedule.day')}
        name="dueOn"
        type="date"
        min={today}
        required
        value={day}
        onChange={(event) => setDay(event.target.value)}
        hint={t('plans.reschedule.hint')}
        error={dayError}
      />
      <div className="row-actions wrap">
        <button type="submit" disabled={rescheduleMutation.isPending}>
          {t('plans.reschedule.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </form>
  );
}

/**
 * One plan: its cadence in words, its status, the current task (overdue ones marked) and the next ones; for those
 * who may change the customer, Done, Snooze to tomorrow, another day, and End plan (confirmed).
 */
export function PlanItem({ plan, today, readOnly }: PlanItemProps) {
  const t = useT();
  const notify = useNotify();
  const day = useDayFormat();
  const titleId = useId();
  const completeMutation = useCompletePlanStep();
  const snoozeMutation = useReschedulePlanStep();
  const cancelMutation = useCancelPlan();
  const [mode, setMode] = useState<'view' | 'reschedule' | 'end'>('view');

  const ended = plan.status === 'ENDED';
  const dueType = followUpTypeName(t, plan.dueType);
  const overdue = !ended && plan.dueOn != null && plan.dueOn < today;
  const due =
    ended || plan.dueOn == null
      ? null
      : plan.dueOn === today
        ? t('plans.dueToday', { type: dueType })
        : t('plans.due', { type: dueType, date: day(plan.dueOn) });
  const pending = completeMutation.isPending || snoozeMutation.isPending || cancelMutation.isPending;
  const failed = completeMutation.error ?? snoozeMutation.error ?? cancelMutation.error;
  const failure = failed ? errorMessage(failed) : null;
  const tomorrow = addDays(today, 1);

  function resetErrors() {
    completeMutation.reset();
    snoozeMutation.reset();
    cancelMutation.reset();
  }

  return (
    <li className={`plan-item${ended ? ' plan-ended' : ''}`} aria-labelledby={titleId}>
      <div className="plan-head">
        <h3 id={titleId}>{describeCadence(plan, t)}</h3>
        <span className={`status-chip plan-status-${plan.status.toLowerCase()}`}>{t(`plans.status.${plan.status}`)}</span>
      </div>
      {plan.note && <p className="plan-note">{plan.note}</p>}
      {plan.status === 'PAUSED' && <p className="plan-paused">{t('plans.paused')}</p>}
      {due && (
        <p className={overdue ? 'plan-due follow-up-overdue' : 'plan-due'}>
          <time dateTime={plan.dueOn ?? undefined}>{due}</time>
          {overdue && (
            <>
              {' '}
              <span className="overdue-label">{t('plans.overdue')}</span>
            </>
          )}
        </p>
      )}
      {!ended && plan.dueNote && plan.dueNote !== plan.note && <p className="plan-note">{plan.dueNote}</p>}
      {!ended && plan.upcoming.length > 0 && (
        <div className="plan-upcoming">
          <span className="muted" id={`${titleId}-next`}>
            {t('plans.next')}
          </span>
          <ul className="plain-list" aria-labelledby={`${titleId}-next`}>
            {plan.upcoming.map((occurrence) => (
              <li key={occurrence.step}>
                <time dateTime={occurrence.on}>
                  {t('plans.occurrence', { type: followUpTypeName(t, occurrence.type), date: day(occurrence.on) })}
                </time>
              </li>
            ))}
          </ul>
        </div>
      )}
      {ended && isPlanEndReason(plan.endReason) && <p>{t(`plans.endReason.${plan.endReason}`)}</p>}
      <p className="muted small plan-meta">
        {t('plans.progress', { count: plan.completedSteps })}
        {plan.startsOn > today && <> · {t('plans.startsOn', { date: day(plan.startsOn) })}</>}
        {plan.endsOn && <> · {t('plans.endsOn', { date: day(plan.endsOn) })}</>}
        {plan.templateStage && <> · {t('plans.fromTemplate', { stage: stageName(t, plan.templateStage) })}</>}
      </p>

      {!readOnly && !ended && mode === 'view' && (
        <div className="row-actions wrap plan-actions">
          <button
            type="button"
            className="button-primary"
            aria-disabled={pending || undefined}
            onClick={
              pending
                ? undefined
                : () => {
                    resetErrors();
                    completeMutation.mutate(plan, {
                      onSuccess: () => notify({ message: t('plans.doneMessage'), tone: 'success' }),
                    });
                  }
            }
          >
            {t('plans.done')}
          </button>
          {plan.dueOn != null && plan.dueOn <= today && (
            <button
              type="button"
              aria-disabled={pending || undefined}
              onClick={
                pending
                  ? undefined
                  : () => {
                      resetErrors();
                      snoozeMutation.mutate(
                        { plan, dueOn: tomorrow },
                        { onSuccess: () => notify({ message: t('plans.movedMessage', { date: day(tomorrow) }), tone: 'success' }) },
                      );
                    }
              }
            >
              {t('plans.snooze')}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              resetErrors();
              setMode('reschedule');
            }}
          >
            {t('plans.reschedule')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              resetErrors();
              setMode('end');
            }}
          >
            {t('plans.end')}
          </button>
        </div>
      )}
      {!readOnly && !ended && mode === 'reschedule' && (
        <RescheduleForm
          plan={plan}
          today={today}
          onMoved={(moved) => {
            setMode('view');
            notify({ message: t('plans.movedMessage', { date: day(moved) }), tone: 'success' });
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {!readOnly && !ended && mode === 'end' && (
        <Confirm
          title={t('plans.end.confirm')}
          description={t('plans.end.confirmText')}
          confirmLabel={t('plans.end')}
          cancelLabel={t('common.cancel')}
          danger
          pending={cancelMutation.isPending}
          onConfirm={() =>
            cancelMutation.mutate(plan, {
              onSuccess: () => notify({ message: t('plans.endedMessage'), tone: 'success' }),
              onSettled: () => setMode('view'),
            })
          }
          onCancel={() => setMode('view')}
        />
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </li>
  );
}
