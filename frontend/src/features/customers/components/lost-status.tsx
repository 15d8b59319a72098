import { useState } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useT } from '@/lib/i18n';
import { errorMessage, isProblem } from '@/lib/problem';
import type { Customer } from '../api/list-customers';
import { useLostReasons } from '../api/list-lost-reasons';
import { useMarkLost } from '../api/mark-lost';
import { useReactivateCustomer } from '../api/reactivate-customer';
import { EMPTY_REASON, ReasonFields, reasonRequest, reasonSchema } from './reason-fields';

const markLostSchema = reasonSchema('lost.reasonRequired');

function MarkLostForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const t = useT();
  const reasonsQuery = useLostReasons();
  const lostMutation = useMarkLost();
  const form = useZodForm(markLostSchema, { defaultValues: EMPTY_REASON });
  const alreadyLost = isProblem(lostMutation.error, 'already-lost');

  const handleSubmit = form.handleSubmit((values) => {
    if (lostMutation.isPending) return;
    lostMutation.mutate(
      { id: customer.id, body: reasonRequest(values) },
      {
        onSuccess: onClose,
        // Lost already is said in its own words (below), not as a failed form.
        onError: (error) => {
          if (!isProblem(error, 'already-lost')) applyServerErrors(form, error);
        },
      },
    );
  });

  const reasons = reasonsQuery.data ?? [];
  return (
    <form ref={form.formRef} className="form" aria-label={t('lost.title')} onSubmit={handleSubmit} noValidate>
      <p className="muted">{t('lost.explain')}</p>
      <ReasonFields
        reasons={reasons}
        loading={reasonsQuery.isPending}
        reasonLabel={t('lost.reason')}
        reason={form.field('reasonId')}
        note={form.field('note')}
      />
      {alreadyLost ? (
        <p role="alert" className="form-alert">
          {t('lost.alreadyLost')}
        </p>
      ) : (
        <FormAlert alert={form.alert} />
      )}
      <div className="form-actions">
        <button type="submit" className="danger" disabled={lostMutation.isPending}>
          {lostMutation.isPending ? t('lost.pending') : t('lost.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * Whether the customer is still being worked on: mark it lost with one of the store's reasons, or bring it back.
 * Reps act on their own customers only (a pool customer must be claimed first), so the caller decides `canChange`.
 */
export function LostStatus({ customer, canChange }: { customer: Customer; canChange: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const reactivateMutation = useReactivateCustomer();
  const lost = customer.status === 'LOST';
  const notLost = isProblem(reactivateMutation.error, 'not-lost');
  const failure = reactivateMutation.error && !notLost ? errorMessage(reactivateMutation.error) : null;

  return (
    <section className="card" aria-labelledby={`status-${customer.id}`}>
      <h2 id={`status-${customer.id}`}>{t('lost.sectionTitle')}</h2>
      <p>
        <span className={lost ? 'status-badge status-lost' : 'status-badge'}>{t(`status.${customer.status}`)}</span>{' '}
        <span className="muted">
          {t(lost ? 'lost.isLost' : customer.ownerId === null || customer.ownerId === undefined ? 'lost.inPool' : 'lost.isActive')}
        </span>
      </p>
      {canChange && !lost && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          {t('lost.open')}
        </button>
      )}
      {canChange && !lost && open && <MarkLostForm customer={customer} onClose={() => setOpen(false)} />}
      {canChange && lost && (
        <button
          type="button"
          className="button-primary"
          aria-disabled={reactivateMutation.isPending || undefined}
          onClick={() => {
            if (!reactivateMutation.isPending) reactivateMutation.mutate(customer.id);
          }}
        >
          {reactivateMutation.isPending ? t('lost.reactivating') : t('lost.reactivate')}
        </button>
      )}
      {notLost && (
        <p role="alert" className="form-alert">
          {t('lost.notLost')}
        </p>
      )}
      {failure && (
        <p role="alert" className="form-alert">
          {t(failure.key, failure.params)}
        </p>
      )}
    </section>
  );
}
