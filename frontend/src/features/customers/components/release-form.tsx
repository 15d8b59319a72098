import { useState } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useT } from '@/lib/i18n';
import { usePools } from '@/lib/pools';
import { isProblem } from '@/lib/problem';
import type { Customer } from '../api/list-customers';
import { useLostReasons } from '../api/list-lost-reasons';
import { useReleaseCustomer } from '../api/release-customer';
import { EMPTY_REASON, ReasonFields, reasonRequest, reasonSchema } from './reason-fields';

const releaseSchema = reasonSchema('release.reasonRequired');

/** Give a private customer back to the pool, with the store's reason (required) and a note. */
export function ReleaseForm({ customer }: { customer: Customer }) {
  const t = useT();
  const [open, setOpen] = useState(false);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('release.open')}
      </button>
    );
  }
  return <OpenReleaseForm customer={customer} onClose={() => setOpen(false)} />;
}

/** The form itself, mounted when opened: each opening starts empty. */
function OpenReleaseForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const t = useT();
  const reasonsQuery = useLostReasons();
  const releaseMutation = useReleaseCustomer();
  const form = useZodForm(releaseSchema, { defaultValues: EMPTY_REASON });
  const inPool = isProblem(releaseMutation.error, 'already-in-pool');
  // Where it goes: back to its own pool unless the user picks another of theirs (shown with more than one).
  const pools = usePools().data?.items ?? [];
  const [poolId, setPoolId] = useState('');
  const ownPool = pools.find((pool) => pool.id === customer.poolId);

  const handleSubmit = form.handleSubmit((values) => {
    if (releaseMutation.isPending) return;
    releaseMutation.mutate(
      { id: customer.id, body: { ...reasonRequest(values), ...(poolId ? { poolId: Number(poolId) } : {}) } },
      {
        onSuccess: onClose,
        // In the pool already is said in its own words (below), not as a failed form.
        onError: (error) => {
          if (!isProblem(error, 'already-in-pool')) applyServerErrors(form, error);
        },
      },
    );
  });

  const reasons = reasonsQuery.data ?? [];
  return (
    <form ref={form.formRef} className="card form" aria-label={t('release.title')} onSubmit={handleSubmit} noValidate>
      <h2>{t('release.title')}</h2>
      <p className="muted">{t('release.explain')}</p>
      <ReasonFields
        reasons={reasons}
        loading={reasonsQuery.isPending}
        reasonLabel={t('release.reason')}
        reason={form.field('reasonId')}
        note={form.field('note')}
      />
      {pools.length > 1 && (
        <SelectField
          label={t('release.pool')}
          name="poolId"
          value={poolId}
          onChange={(event) => setPoolId(event.target.value)}
          options={[
            { value: '', label: ownPool ? t('release.ownPool', { name: ownPool.name }) : t('release.ownPoolUnnamed') },
            ...pools.filter((pool) => pool.id !== customer.poolId).map((pool) => ({ value: String(pool.id), label: pool.name })),
          ]}
        />
      )}
      {inPool ? (
        <p role="alert" className="form-alert">
          {t('release.alreadyInPool')}
        </p>
      ) : (
        <FormAlert alert={form.alert} />
      )}
      <div className="form-actions">
        <button type="submit" className="danger" disabled={releaseMutation.isPending}>
          {releaseMutation.isPending ? t('release.pending') : t('release.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
