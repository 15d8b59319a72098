import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, useCreateFollowUp, type CreateFollowUpRequest, type FollowUpType } from '../api/create-follow-up';

const FIELDS = ['type', 'content', 'occurredAt', 'nextFollowUpAt'] as const;

/** A reminder day means 9:00 that day, in the rep's time zone. */
export function dayToReminder(day: string): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date, 9).toISOString();
}

export function FollowUpForm({ customerId }: { customerId: number }) {
  const t = useT();
  const contentId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const createMutation = useCreateFollowUp();
  const { fieldErrors, alert } = useFormErrors(createMutation.error, FIELDS);
  const [done, setDone] = useState(false);
  useFocusOnError(formRef, createMutation.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createMutation.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const body: CreateFollowUpRequest = {
      type: String(data.get('type')) as FollowUpType,
      content: String(data.get('content') ?? '').trim(),
    };
    const occurredAt = String(data.get('occurredAt') ?? '');
    if (occurredAt) body.occurredAt = new Date(occurredAt).toISOString();
    const next = String(data.get('nextFollowUpAt') ?? '');
    if (next) body.nextFollowUpAt = dayToReminder(next);
    setDone(false);
    createMutation.mutate(
      { customerId, body },
      {
        onSuccess: () => {
          form.reset();
          setDone(true);
          form.querySelector<HTMLTextAreaElement>('textarea')?.focus();
        },
      },
    );
  }

  // Ctrl+Enter (Cmd+Enter on a Mac) records from anywhere in the form.
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const pending = createMutation.isPending;
  return (
    <section aria-labelledby="follow-up-title" className="card">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      <form
        ref={formRef}
        onSubmit={handleSubmit}
        onKeyDown={handleKeyDown}
        noValidate
        aria-busy={pending}
        className="form form-columns"
      >
        <SelectField
          label={t('followUp.type')}
          name="type"
          defaultValue="CALL"
          options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
          error={fieldErrors.type}
        />
        <TextField
          label={t('followUp.occurredAt')}
          name="occurredAt"
          type="datetime-local"
          hint={t('followUp.occurredAtHint')}
          error={fieldErrors.occurredAt}
        />
        <TextField label={t('followUp.next')} name="nextFollowUpAt" type="date" error={fieldErrors.nextFollowUpAt} />
        <div className="field field-wide">
          <label htmlFor={contentId}>{t('followUp.content')}</label>
          <textarea
            id={contentId}
            name="content"
            rows={3}
            required
            aria-invalid={fieldErrors.content ? true : undefined}
            aria-describedby={`${contentId}-hint${fieldErrors.content ? ` ${contentId}-error` : ''}`}
          />
          <p id={`${contentId}-hint`} className="field-hint">
            {t('followUp.shortcut')}
          </p>
          {fieldErrors.content && (
            <p id={`${contentId}-error`} className="field-error">
              {fieldErrors.content}
            </p>
          )}
        </div>
        <FormAlert alert={alert} />
        <div className="form-actions">
          <button type="submit" disabled={pending}>
            {pending ? t('followUp.pending') : t('followUp.submit')}
          </button>
          <span role="status" className="muted">
            {done ? t('followUp.done') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
