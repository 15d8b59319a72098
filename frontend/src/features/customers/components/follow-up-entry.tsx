import { useId, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { Confirm } from '@/components/confirm';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { useFormatters, useT } from '@/lib/i18n';
import { ApiError, errorMessage } from '@/lib/problem';
import { FOLLOW_UP_TYPES, type FollowUpType } from '../api/create-follow-up';
import { useDeleteFollowUp } from '../api/delete-follow-up';
import type { TimelineEntry } from '../api/get-timeline';
import { useFollowUp, type FollowUp } from '../api/list-follow-ups';
import { useUpdateFollowUp, type UpdateFollowUpRequest } from '../api/update-follow-up';
import { dayToReminder, followUpSchema } from '../lib/follow-up-schema';

const editSchema = followUpSchema({ occurredAtRequired: true });

type EditValues = z.input<typeof editSchema>;

/** An instant as a date (`2026-03-10`) or date-time (`2026-03-10T09:00`) input shows it, in local time. */
function localInput(iso: string, withTime: boolean): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return withTime ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

function editValues(followUp: FollowUp): EditValues {
  return {
    type: followUp.type,
    content: followUp.content,
    occurredAt: localInput(followUp.occurredAt, true),
    nextFollowUpAt: followUp.nextFollowUpAt ? localInput(followUp.nextFollowUpAt, false) : '',
  };
}

/** The members the form changed, as a merge patch; an emptied reminder day removes the reminder. */
function followUpPatch(followUp: FollowUp, values: z.output<typeof editSchema>): UpdateFollowUpRequest {
  const before = editValues(followUp);
  const patch: UpdateFollowUpRequest = {};
  if (values.type !== followUp.type) patch.type = values.type;
  if (values.content !== followUp.content) patch.content = values.content;
  if (values.occurredAt !== before.occurredAt) patch.occurredAt = new Date(values.occurredAt).toISOString();
  if (values.nextFollowUpAt !== before.nextFollowUpAt) {
    patch.nextFollowUpAt = values.nextFollowUpAt ? dayToReminder(values.nextFollowUpAt) : null;
  }
  return patch;
}

function FollowUpEditor({ customerId, id, onClose }: { customerId: number; id: number; onClose: () => void }) {
  const t = useT();
  const followUpQuery = useFollowUp(customerId, id);
  const updateMutation = useUpdateFollowUp();

  if (followUpQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (followUpQuery.isError) {
    const { key, params } = errorMessage(followUpQuery.error);
    return (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  return (
    <FollowUpEditForm
      // A reload after someone else's change starts the form again from their version.
      key={followUpQuery.data.version}
      followUp={followUpQuery.data}
      updateMutation={updateMutation}
      onClose={onClose}
    />
  );
}

function FollowUpEditForm({
  followUp,
  updateMutation,
  onClose,
}: {
  followUp: FollowUp;
  /** Kept by the editor, so that a 412 is still said once the form shows their version. */
  updateMutation: ReturnType<typeof useUpdateFollowUp>;
  onClose: () => void;
}) {
  const t = useT();
  const contentId = useId();
  const form = useZodForm(editSchema, { defaultValues: editValues(followUp) });
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const contentError = form.fieldError('content');

  const handleSubmit = form.handleSubmit((values) => {
    if (updateMutation.isPending) return;
    const patch = followUpPatch(followUp, values);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    updateMutation.mutate(
      { followUp, patch },
      {
        onSuccess: onClose,
        // A 412 is said below; the form comes back with their version.
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 412)) applyServerErrors(form, error);
        },
      },
    );
  });

  const pending = updateMutation.isPending;
  return (
    <form
      ref={form.formRef}
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      noValidate
      aria-busy={pending}
      aria-label={t('followUp.edit.title')}
      className="form form-columns"
    >
      <SelectField
        label={t('followUp.type')}
        options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
        {...form.field('type')}
      />
      <TextField label={t('followUp.occurredAt')} type="datetime-local" required {...form.field('occurredAt')} />
      <TextField
        label={t('followUp.next')}
        type="date"
        hint={t('followUp.edit.nextHint')}
        {...form.field('nextFollowUpAt')}
      />
      <div className="field field-wide">
        <label htmlFor={contentId}>{t('followUp.content')}</label>
        <textarea
          id={contentId}
          rows={3}
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
      {stale && (
        <p role="alert" className="form-alert">
          {t('followUp.edit.stale')}
        </p>
      )}
      <FormAlert alert={form.alert} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? t('followUp.edit.saving') : t('followUp.edit.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A follow-up on the timeline; `canChange` (its author, or a manager/admin, on a customer they may work on)
 * adds editing it in place and deleting it after a confirmation.
 */
export function FollowUpEntry({
  customerId,
  entry,
  canChange,
}: {
  customerId: number;
  entry: TimelineEntry;
  canChange: boolean;
}) {
  const t = useT();
  const format = useFormatters();
  const editRef = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const deleteMutation = useDeleteFollowUp();
  const date = format.dateTime(entry.at);
  const typeName = (FOLLOW_UP_TYPES as readonly string[]).includes(entry.type)
    ? t(`followUp.type.${entry.type as FollowUpType}`)
    : entry.type;

  if (canChange && mode === 'edit') {
    return (
      <FollowUpEditor
        customerId={customerId}
        id={entry.id}
        onClose={() => {
          setMode('view');
          // Back where the edit started, for the keyboard.
          setTimeout(() => editRef.current?.focus());
        }}
      />
    );
  }
  if (deleteMutation.isSuccess) {
    return (
      <p role="status" className="muted">
        {t('followUp.delete.done')}
      </p>
    );
  }

  const deleteFailure = deleteMutation.error ? errorMessage(deleteMutation.error) : null;
  return (
    <div>
      <strong>{typeName}</strong>
      <p className="timeline-content">{entry.content}</p>
      {entry.nextFollowUpAt && <p className="muted small">{t('timeline.next', { date: format.dateTime(entry.nextFollowUpAt) })}</p>}
      {canChange &&
        (mode === 'delete' ? (
          <Confirm
            title={t('followUp.delete.confirm')}
            description={t('followUp.delete.confirmText')}
            confirmLabel={t('followUp.delete.button')}
            cancelLabel={t('common.cancel')}
            danger
            pending={deleteMutation.isPending}
            onConfirm={() =>
              deleteMutation.mutate({ customerId, id: entry.id }, { onError: () => setMode('view') })
            }
            onCancel={() => setMode('view')}
          />
        ) : (
          <div className="row-actions wrap">
            <button
              type="button"
              ref={editRef}
              className="link-button"
              aria-label={t('followUp.edit.label', { type: typeName, date })}
              onClick={() => {
                deleteMutation.reset();
                setMode('edit');
              }}
            >
              {t('followUp.edit')}
            </button>
            <button
              type="button"
              className="link-button"
              aria-label={t('followUp.delete.label', { type: typeName, date })}
              onClick={() => {
                deleteMutation.reset();
                setMode('delete');
              }}
            >
              {t('followUp.delete')}
            </button>
          </div>
        ))}
      {deleteFailure && (
        <p role="alert" className="field-error">
          {t(deleteFailure.key, deleteFailure.params)}
        </p>
      )}
    </div>
  );
}
