import { useState } from 'react';
import * as z from 'zod/mini';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm, type ZodForm } from '@/components/form/use-zod-form';
import { QueryError } from '@/components/query-error';
import { matching, requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { useCreateLostReason } from '../api/create-lost-reason';
import { useDeleteLostReason } from '../api/delete-lost-reason';
import { useLostReasons, type LostReason } from '../api/list-lost-reasons';
import { useUpdateLostReason } from '../api/update-lost-reason';

/** Text without a NUL character, as the server's Text.NO_NUL pattern takes it. */
const NO_NUL = /^[^\0]*$/;

// The server's rules (CreateLostReasonRequest, UpdateLostReasonRequest): checked here first, so that a slip needs no round trip.
const nameSchema = z.object({
  name: requiredText(60).check(matching(NO_NUL)),
});

type NameValues = z.input<typeof nameSchema>;
type NameForm = ZodForm<NameValues, z.output<typeof nameSchema>>;

/** A failed save: a taken name next to the name, the rest as the server said it. */
function showServerErrors(form: NameForm, error: unknown) {
  if (isProblem(error, 'reason-name-taken')) {
    form.setError('name', serverMessage({ key: 'lostReasons.nameTaken' }));
    form.focusFirstError();
  } else {
    applyServerErrors(form, error);
  }
}

/** The name input, with "taken" and the form's and the API's field errors next to it. */
function NameField({ form }: { form: NameForm }) {
  const t = useT();
  return (
    <>
      <TextField label={t('lostReasons.name')} required maxLength={60} {...form.field('name')} />
      <FormAlert alert={form.alert} />
    </>
  );
}

/** The row's own update (it archives too), kept by the row: a rename still ends when the form is cancelled meanwhile. */
type UpdateReasonMutation = ReturnType<typeof useUpdateLostReason>;

function RenameForm({ reason, updateMutation, onDone }: { reason: LostReason; updateMutation: UpdateReasonMutation; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const form = useZodForm(nameSchema, { defaultValues: { name: reason.name } });
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;

  const handleRename = form.handleSubmit(({ name }) => {
    updateMutation.mutate(
      { reason, changes: { name } },
      {
        onSuccess: (renamed) => {
          onDone();
          notify({ message: t('lostReasons.renamed', { name: renamed.name }), tone: 'success' });
        },
        onError: (error) => {
          // Someone else saved first: said below, about no field.
          if (error instanceof ApiError && error.status === 412) form.focusFirstError();
          else showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <form
      ref={form.formRef}
      className="form form-columns"
      onSubmit={handleRename}
      noValidate
      aria-label={t('lostReasons.renameReason', { name: reason.name })}
    >
      <NameField form={form} />
      {stale && (
        <p role="alert" tabIndex={-1} className="form-alert">
          {t('lostReasons.stale')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={updateMutation.isPending}>
          {t('lostReasons.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ReasonRow({ reason }: { reason: LostReason }) {
  const t = useT();
  const notify = useNotify();
  const updateMutation = useUpdateLostReason();
  const deleteMutation = useDeleteLostReason();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');

  function toggleArchived() {
    updateMutation.mutate(
      { reason, changes: { archived: !reason.archived } },
      {
        onSuccess: (changed) =>
          notify({ message: t(changed.archived ? 'lostReasons.archived' : 'lostReasons.restored', { name: changed.name }), tone: 'success' }),
      },
    );
  }

  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  if (mode === 'rename') {
    return (
      <li className="settings-item">
        <RenameForm reason={reason} updateMutation={updateMutation} onDone={() => setMode('view')} />
      </li>
    );
  }

  const inUse = isProblem(deleteMutation.error, 'reason-in-use');
  const failed = stale ? null : (deleteMutation.error ?? updateMutation.error);
  const failure = failed && !inUse ? errorMessage(failed) : null;
  return (
    <li className="settings-item">
      <span>{reason.name}</span>
      <span className="muted">{reason.archived ? t('lostReasons.archivedBadge') : t('lostReasons.offered')}</span>
      {mode === 'delete' ? (
        <Confirm
          title={t('lostReasons.confirmDelete', { name: reason.name })}
          description={t('lostReasons.confirmDeleteText')}
          confirmLabel={t('lostReasons.delete')}
          cancelLabel={t('common.cancel')}
          danger
          pending={deleteMutation.isPending}
          onConfirm={() =>
            deleteMutation.mutate(reason.id, {
              onSuccess: () => notify({ message: t('lostReasons.deleted', { name: reason.name }), tone: 'success' }),
              onSettled: () => setMode('view'),
            })
          }
          onCancel={() => setMode('view')}
        />
      ) : (
        <span className="row-actions">
          <button type="button" aria-label={t('lostReasons.renameReason', { name: reason.name })} onClick={() => setMode('rename')}>
            {t('lostReasons.rename')}
          </button>
          <button
            type="button"
            aria-label={t(reason.archived ? 'lostReasons.restoreReason' : 'lostReasons.archiveReason', { name: reason.name })}
            aria-disabled={updateMutation.isPending || undefined}
            onClick={updateMutation.isPending ? undefined : toggleArchived}
          >
            {t(reason.archived ? 'lostReasons.restore' : 'lostReasons.archive')}
          </button>
          <button type="button" aria-label={t('lostReasons.deleteReason', { name: reason.name })} onClick={() => setMode('delete')}>
            {t('lostReasons.delete')}
          </button>
        </span>
      )}
      {inUse && (
        <p role="alert" className="field-error">
          {t('lostReasons.inUse', { name: reason.name })}
        </p>
      )}
      {stale && (
        <p role="alert" className="field-error">
          {t('lostReasons.stale')}
        </p>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </li>
  );
}

/** Settings → Lost reasons: why customers are lost or given back, for administrators. */
export function LostReasonsScreen() {
  const t = useT();
  const reasonsQuery = useLostReasons();
  const createMutation = useCreateLostReason();
  const form = useZodForm(nameSchema, { defaultValues: { name: '' } });
  const notify = useNotify();

  const handleCreate = form.handleSubmit(({ name }) => {
    createMutation.mutate(
      { name },
      {
        onSuccess: (reason) => {
          form.reset();
          notify({ message: t('lostReasons.added', { name: reason.name }), tone: 'success' });
          // The DOM's input: reset forgets the form's references until it renders again.
          form.formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  let list;
  if (reasonsQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (reasonsQuery.isError) list = <QueryError error={reasonsQuery.error} onRetry={() => void reasonsQuery.refetch()} />;
  else if (reasonsQuery.data.items.length === 0) list = <p>{t('lostReasons.empty')}</p>;
  else
    list = (
      <ul className="settings-list" aria-labelledby="lost-reasons-list-title">
        {reasonsQuery.data.items.map((reason) => (
          <ReasonRow key={reason.id} reason={reason} />
        ))}
      </ul>
    );

  return (
    <div className="stack">
      <div>
        <h1>{t('lostReasons.title')}</h1>
        <p className="muted">{t('lostReasons.intro')}</p>
      </div>
      <section aria-labelledby="add-lost-reason-title" className="card">
        <h2 id="add-lost-reason-title">{t('lostReasons.addTitle')}</h2>
        <form ref={form.formRef} className="form form-columns" onSubmit={handleCreate} noValidate aria-busy={createMutation.isPending}>
          <NameField form={form} />
          <div className="form-actions">
            <button type="submit" disabled={createMutation.isPending}>
              {t('lostReasons.add')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="lost-reasons-list-title" className="card">
        <h2 id="lost-reasons-list-title">{t('lostReasons.listTitle')}</h2>
        {list}
      </section>
    </div>
  );
}
