import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { QueryError } from '@/components/query-error';
import { SelectField } from '@/components/form/select-field';
import { useT } from '@/lib/i18n';
import type { Customer } from '../api/list-column';
import { useLostReasons } from '../api/list-lost-reasons';
import type { MarkLostRequest } from '../api/move-customer';

export interface LostDialogProps {
  customer: Customer;
  onConfirm: (request: MarkLostRequest) => void;
  onCancel: () => void;
}

/** Asks why the dropped customer is lost (a reason is required, a note is not); cancelling puts the card back. */
export function LostDialog({ customer, onConfirm, onCancel }: LostDialogProps) {
  const t = useT();
  const titleId = useId();
  const noteId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [missingReason, setMissingReason] = useState(false);
  const reasonsQuery = useLostReasons();
  const reasons = reasonsQuery.data ?? [];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Modal where the browser can (the page behind is inert); an open dialog otherwise.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    dialog.querySelector<HTMLSelectElement>('select')?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const reasonId = Number(data.get('reasonId'));
    const note = String(data.get('note') ?? '').trim();
    setMissingReason(!reasonId);
    if (!reasonId) {
      event.currentTarget.querySelector<HTMLSelectElement>('select')?.focus();
      return;
    }
    onConfirm({ reasonId, ...(note ? { note } : {}) });
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="pipeline-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <form className="form" onSubmit={handleSubmit} noValidate>
        <h2 id={titleId}>{t('pipeline.lost.dialogTitle', { name: customer.name })}</h2>
        <p className="muted">{t('pipeline.lost.explain')}</p>
        {reasonsQuery.isError ? (
          <QueryError error={reasonsQuery.error} onRetry={() => void reasonsQuery.refetch()} />
        ) : (
          <SelectField
            label={t('pipeline.lost.reason')}
            name="reasonId"
            required
            defaultValue=""
            options={[
              { value: '', label: reasonsQuery.isPending ? t('app.loading') : t('pipeline.lost.chooseReason') },
              ...reasons.map((reason) => ({ value: String(reason.id), label: reason.name })),
            ]}
            error={missingReason ? t('pipeline.lost.reasonRequired') : undefined}
          />
        )}
        {reasonsQuery.isSuccess && reasons.length === 0 && <p className="muted small">{t('pipeline.lost.noReasons')}</p>}
        <div className="field">
          <label htmlFor={noteId}>{t('pipeline.lost.note')}</label>
          <textarea id={noteId} name="note" maxLength={500} rows={2} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-danger">
            {t('pipeline.lost.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
