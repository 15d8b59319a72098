import { useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { isProblem } from '@/lib/problem';
import type { Customer } from '../api/list-customers';
import { useLostReasons } from '../api/list-lost-reasons';
import { useReleaseCustomer } from '../api/release-customer';
import { ReasonFields, readReasonForm } from './reason-fields';

const FIELDS = ['reasonId', 'note'] as const;

/** Give a private customer back to the pool, with the store's reason (required) and a note. */
export function ReleaseForm({ customer }: { customer: Customer }) {
  const t = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const reasonsQuery = useLostReasons(open);
  const releaseMutation = useReleaseCustomer();
  const inPool = isProblem(releaseMutation.error, 'already-in-pool');
  const { fieldErrors, alert } = useFormErrors(inPool ? null : releaseMutation.error, FIELDS);
  useFocusOnError(formRef, releaseMutation.error);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('release.open')}
      </button>
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = readReasonForm(event.currentTarget);
    setMissingReason(!body.reasonId);
    if (!body.reasonId) return;
    releaseMutation.mutate(
      { id: customer.id, body },
      { onSuccess: () => setOpen(false) },
    );
  }

  const reasons = reasonsQuery.data ?? [];
  return (
    <form ref={formRef} className="card form" aria-label={t('release.title')} onSubmit={handleSubmit} noValidate>
      <h2>{t('release.title')}</h2>
      <p className="muted">{t('release.explain')}</p>
      <ReasonFields
        reasons={reasons}
        loading={reasonsQuery.isPending}
        reasonLabel={t('release.reason')}
        reasonError={fieldErrors.reasonId ?? (missingReason ? t('release.reasonRequired') : undefined)}
        noteId={`release-note-${customer.id}`}
        noteError={fieldErrors.note}
      />
      {inPool ? (
        <p role="alert" className="form-alert">
          {t('release.alreadyInPool')}
        </p>
      ) : (
        <FormAlert alert={alert} />
      )}
      <div className="form-actions">
        <button type="submit" className="danger" disabled={releaseMutation.isPending}>
          {releaseMutation.isPending ? t('release.pending') : t('release.submit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
