import { useId, type KeyboardEvent } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useNotify } from '@/components/toast';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useT } from '@/lib/i18n';
import { FOLLOW_UP_TYPES, useCreateFollowUp, type CreateFollowUpRequest } from '../api/create-follow-up';
import { dayToReminder, followUpSchema as followUpSchemaOf } from '../lib/follow-up-schema';

const followUpSchema = followUpSchemaOf({ occurredAtRequired: false });

type FollowUpValues = z.input<typeof followUpSchema>;

const EMPTY: FollowUpValues = { type: 'CALL', content: '', occurredAt: '', nextFollowUpAt: '' };

export function FollowUpForm({ customerId }: { customerId: number }) {
  const t = useT();
  const contentId = useId();
  const createMutation = useCreateFollowUp();
  const form = useZodForm(followUpSchema, { defaultValues: EMPTY });
  const notify = useNotify();
  const contentError = form.fieldError('content');

  const handleSubmit = form.handleSubmit((values) => {
    if (createMutation.isPending) return;
    const body: CreateFollowUpRequest = { type: values.type, content: values.content };
    if (values.occurredAt) body.occurredAt = new Date(values.occurredAt).toISOString();
    if (values.nextFollowUpAt) body.nextFollowUpAt = dayToReminder(values.nextFollowUpAt);
    createMutation.mutate(
      { customerId, body },
      {
        onSuccess: () => {
          form.reset();
          notify({ message: t('followUp.done'), tone: 'success' });
          // Ready for the next note (react-hook-form's setFocus has no field to focus until the reset has rendered).
          document.getElementById(contentId)?.focus();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  });

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
        ref={form.formRef}
        onSubmit={handleSubmit}
        onKeyDown={handleKeyDown}
        noValidate
        aria-busy={pending}
        className="form form-columns"
      >
        <SelectField
          label={t('followUp.type')}
          options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
          {...form.field('type')}
        />
        <TextField
          label={t('followUp.occurredAt')}
          type="datetime-local"
          hint={t('followUp.occurredAtHint')}
          {...form.field('occurredAt')}
        />
        <TextField label={t('followUp.next')} type="date" {...form.field('nextFollowUpAt')} />
        <div className="field field-wide">
          <label htmlFor={contentId}>{t('followUp.content')}</label>
          <textarea
            id={contentId}
            rows={3}
            required
            aria-invalid={contentError ? true : undefined}
            aria-describedby={`${contentId}-hint${contentError ? ` ${contentId}-error` : ''}`}
            {...form.register('content')}
          />
          <p id={`${contentId}-hint`} className="field-hint">
            {t('followUp.shortcut')}
          </p>
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
        </div>
      </form>
    </section>
  );
}
