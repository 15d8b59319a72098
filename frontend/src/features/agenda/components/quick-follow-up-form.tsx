import { useEffect, useId, type KeyboardEvent } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, useCreateFollowUp } from '../api/create-follow-up';

// The server's rules (CreateFollowUpRequest), in the same words; the time is now, so no time rules apply.
const quickFollowUpSchema = z.object({
  type: z.enum(FOLLOW_UP_TYPES),
  content: requiredText(10_000),
});

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
  const createMutation = useCreateFollowUp();
  const form = useZodForm(quickFollowUpSchema, { defaultValues: { type: 'CALL', content: '' } });
  const { formRef } = form;
  const contentError = form.fieldError('content');

  useEffect(() => {
    formRef.current?.querySelector('select')?.focus();
  }, [formRef]);

  const handleSubmit = form.handleSubmit((values) => {
    if (createMutation.isPending) return;
    createMutation.mutate(
      { customerId, body: values },
      { onSuccess: onRecorded, onError: (error) => applyServerErrors(form, error) },
    );
  });

  // Ctrl+Enter (Cmd+Enter on a Mac) records, as in the customer's follow-up form; Escape closes.
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    } else if (event.key === 'Escape') {
      onCancel();
    }
  }

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
        options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
        {...form.field('type')}
      />
      <div className="field field-wide">
        <label htmlFor={contentId}>{t('followUp.content')}</label>
        <textarea
          id={contentId}
          rows={2}
          required
          aria-invalid={contentError ? true : undefined}
          aria-describedby={contentError ? `${contentId}-error` : undefined}
          {...form.register('content')}
        />
        {contentError && (
          <p id={`${contentId}-error`} className="field-error">
            {contentError}
          </p>
        )}
      </div>
      <FormAlert alert={form.alert} />
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
