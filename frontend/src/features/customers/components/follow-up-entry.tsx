import { useId, useRef, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useFormatters, useT } from '@/lib/i18n';
import { ApiError, errorMessage } from '@/lib/problem';
import { FOLLOW_UP_TYPES, type FollowUpType } from '../api/create-follow-up';
import { useDeleteFollowUp } from '../api/delete-follow-up';
import type { TimelineEntry } from '../api/get-timeline';
import { useFollowUp, type FollowUp } from '../api/list-follow-ups';
import { useUpdateFollowUp, type UpdateFollowUpRequest } from '../api/update-follow-up';
import { dayToReminder } from './follow-up-form';

const FIELDS = ['type', 'content', 'occurredAt', 'nextFollowUpAt'] as const;

/** An instant as a date (`2026-03-10`) or date-time (`2026-03-10T09:00`) input shows it, in local time. */
function localInput(iso: string, withTime: boolean): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return withTime ? `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

/** The members the form changed, as a merge patch; an emptied reminder day removes the reminder. */
function followUpPatch(followUp: FollowUp, data: FormData): UpdateFollowUpRequest {
  const patch: UpdateFollowUpRequest = {};
  const type = String(data.get('type')) as FollowUpType;
  if (type !== followUp.type) patch.type = type;
  const content = String(data.get('content') ?? '').trim();
  if (content !== followUp.content) patch.content = content;
  const occurredAt = String(data.get('occurredAt') ?? '');
  if (occurredAt && occurredAt !== localInput(followUp.occurredAt, true)) patch.occurredAt = new Date(occurredAt).toISOString();
  const next = String(data.get('nextFollowUpAt') ?? '');
  const nextBefore = followUp.nextFollowUpAt ? localInput(followUp.nextFollowUpAt, false) : '';
  if (next !== nextBefore) patch.nextFollowUpAt = next ? dayToReminder(next) : null;
  return patch;
}

function FollowUpEditor({ customerId, id, onClose }: { customerId: number; id: number; onClose: () => void }) {
  const t = useT();
  const contentId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const followUpQuery = useFollowUp(customerId, id);
  const updateMutation = useUpdateFollowUp();
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const { fieldErrors, alert } = useFormErrors(stale ? null : updateMutation.error, FIELDS);
  useFocusOnError(formRef, updateMutation.error);

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

  const followUp = followUpQuery.data;
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateMutation.isPending) return;
    const patch = followUpPatch(followUp, new FormData(event.currentTarget));
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    updateMutation.mutate({ followUp, patch }, { onSuccess: onClose });
  }

  const pending = updateMutation.isPending;
  return (
    <form
      // A reload after someone else's change starts the form again from their version.
      key={followUp.version}
      ref={formRef}
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
        name="type"
        defaultValue={followUp.type}
        options={FOLLOW_UP_TYPES.map((type) => ({ value: type, label: t(`followUp.type.${type}`) }))}
        error={fieldErrors.type}
      />
      <TextField
        label={t('followUp.occurredAt')}
        name="occurredAt"
        type="datetime-local"
        defaultValue={localInput(followUp.occurredAt, true)}
        error={fieldErrors.occurredAt}
      />
      <TextField
        label={t('followUp.next')}
        name="nextFollowUpAt"
        type="date"
        defaultValue={followUp.nextFollowUpAt ? localInput(followUp.nextFollowUpAt, false) : ''}
        hint={t('followUp.edit.nextHint')}
        error={fieldErrors.nextFollowUpAt}
      />
      <div className="field field-wide">
        <label htmlFor={contentId}>{t('followUp.content')}</label>
        <textarea
          id={contentId}
          name="content"
          rows={3}
          required
          defaultValue={followUp.content}
          aria-invalid={fieldErrors.content ? true : undefined}
          aria-describedby={fieldErrors.content ? `${contentId}-error` : undefined}
        />
        {fieldErrors.content && (
          <p id={`${contentId}-error`} className="field-error">
            {fieldErrors.content}
          </p>
        )}
      </div>
      {stale && (
        <p role="alert" className="form-alert">
          {t('followUp.edit.stale')}
        </p>
      )}
      <FormAlert alert={alert} />
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
