import { useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFormErrors } from '@/components/form/use-form-errors';
import { QueryError } from '@/components/query-error';
import { useT } from '@/lib/i18n';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { useCreateLostReason } from '../api/create-lost-reason';
import { useDeleteLostReason } from '../api/delete-lost-reason';
import { useLostReasons, type LostReason } from '../api/list-lost-reasons';
import { useUpdateLostReason } from '../api/update-lost-reason';

const FIELDS = ['name'] as const;

function readName(form: HTMLFormElement): string {
  return String(new FormData(form).get('name') ?? '').trim();
}

/** The name input, with "taken" and the API's field errors next to it. */
function NameField({ reason, error }: { reason?: LostReason; error: unknown }) {
  const t = useT();
  const nameTaken = isProblem(error, 'reason-name-taken');
  const { fieldErrors, alert } = useFormErrors(nameTaken ? null : error, FIELDS);
  return (
    <>
      <TextField
        label={t('lostReasons.name')}
        name="name"
        required
        maxLength={60}
        defaultValue={reason?.name}
        error={nameTaken ? t('lostReasons.nameTaken') : fieldErrors.name}
      />
      <FormAlert alert={alert} />
    </>
  );
}

function ReasonRow({ reason }: { reason: LostReason }) {
  const t = useT();
  const notify = useNotify();
  const updateMutation = useUpdateLostReason();
  const deleteMutation = useDeleteLostReason();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');

  function handleRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    updateMutation.mutate(
      { reason, changes: { name: readName(event.currentTarget) } },
      {
        onSuccess: (renamed) => {
          setMode('view');
          notify({ message: t('lostReasons.renamed', { name: renamed.name }), tone: 'success' });
        },
      },
    );
  }

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
        <form className="form form-columns" onSubmit={handleRename} noValidate aria-label={t('lostReasons.renameReason', { name: reason.name })}>
          <NameField reason={reason} error={stale ? null : updateMutation.error} />
          {stale && (
            <p role="alert" className="form-alert">
              {t('lostReasons.stale')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" disabled={updateMutation.isPending}>
              {t('lostReasons.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
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
  const notify = useNotify();

  function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    createMutation.mutate(
      { name: readName(form) },
      {
        onSuccess: (reason) => {
          form.reset();
          notify({ message: t('lostReasons.added', { name: reason.name }), tone: 'success' });
          form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
        },
      },
    );
  }

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
        <form className="form form-columns" onSubmit={handleCreate} noValidate aria-busy={createMutation.isPending}>
          <NameField error={createMutation.error} />
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
