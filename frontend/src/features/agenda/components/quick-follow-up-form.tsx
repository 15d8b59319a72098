import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, useCreateFollowUp, type FollowUpType } from '../api/create-follow-up';

const FIELDS = ['type', 'content'] as const;

export interface QuickFollowUpFormProps {
  id: string;
  customerId: number;
  onRecorded: () => void;
  onCancel: () => void;
}

/** Logs a follow-up right from the agenda: it keeps a customer from the pool, or answers a repeat inquiry. */
export function QuickFollowUpForm({ id, customerId, onRecorded, onCancel }: QuickFollowUpFormProps) {
  const t = useT();
  const contentId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreateFollowUp();
  const { fieldErrors, alert } = useFormErrors(createMutation.error, FIELDS);
  const [missing, setMissing] = useState(false);
  useFocusOnError(formRef, createMutation.error);

  useEffect(() => {
    formRef.current?.querySelector('select')?.focus();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMutation.isPending) return;
    const data = new FormData(event.currentTarget);
    const content = String(data.get('content') ?? '').trim();
    if (!content) {
      setMissing(true);
      event.currentTarget.querySelector('textarea')?.focus();
      return;
    }
    setMissing(false);
    createMutation.mutate(
      { customerId, body: { type: String(data.get('type')) as FollowUpType, content } },
      { onSuccess: onRecorded },
    );
  }

  // Ctrl+Enter (Cmd+Enter on a Mac) records, as in the customer's follow-up form; Escape closes.
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    } else if (event.key === 'Escape') {
      onCancel();
    }
  }

  const contentError = missing ? t('fieldError.REQUIRED') : fieldErrors.content;
  const pending = createMutation.isPending;
  return (
    <form
      ref={formRef}
      id={id}
      className="form form-columns agenda-item-form"
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
      noValidate
      aria-busy={pending}
    >
      <SelectField
        label={t('followUp.type')}
        name="type"
        defaultValue="CALL"
        options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
        error={fieldErrors.type}
      />
      <div className="field field-wide">
        <label htmlFor={contentId}>{t('followUp.content')}</label>
        <textarea
          id={contentId}
          name="content"
          rows={2}
          required
          aria-invalid={contentError ? true : undefined}
          aria-describedby={contentError ? `${contentId}-error` : undefined}
        />
        {contentError && (
          <p id={`${contentId}-error`} className="field-error">
            {contentError}
          </p>
        )}
      </div>
      <FormAlert alert={alert} />
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('followUp.pending') : t('followUp.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('agenda.cancel')}
        </button>
      </div>
    </form>
  );
}
