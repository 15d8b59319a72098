import { useRef, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFormErrors } from '@/components/form/use-form-errors';
import { useFormatters, useT } from '@/lib/i18n';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { useCreateTag } from '../api/create-tag';
import { useDeleteTag } from '../api/delete-tag';
import { useTags, type Tag } from '../api/list-tags';
import { useUpdateTag } from '../api/update-tag';

const FIELDS = ['name', 'color', 'group'] as const;

function readTag(form: HTMLFormElement) {
  const data = new FormData(form);
  const group = String(data.get('group') ?? '').trim();
  return { name: String(data.get('name') ?? '').trim(), color: String(data.get('color') ?? '#1E88E5'), group };
}

function TagFields({ tag, error }: { tag?: Tag; error: unknown }) {
  const t = useT();
  const nameTaken = isProblem(error, 'tag-name-taken');
  const { fieldErrors, alert } = useFormErrors(nameTaken ? null : error, FIELDS);
  return (
    <>
      <TextField
        label={t('tags.name')}
        name="name"
        required
        maxLength={60}
        defaultValue={tag?.name}
        error={nameTaken ? t('tags.nameTaken') : fieldErrors.name}
      />
      <TextField label={t('tags.color')} name="color" type="color" defaultValue={tag?.color ?? '#1E88E5'} error={fieldErrors.color} />
      <TextField label={t('tags.group')} name="group" maxLength={60} defaultValue={tag?.group ?? ''} hint={t('tags.groupHint')} error={fieldErrors.group} />
      <FormAlert alert={alert} />
    </>
  );
}

function TagRow({ tag }: { tag: Tag }) {
  const t = useT();
  const notify = useNotify();
  const format = useFormatters();
  const updateMutation = useUpdateTag();
  const deleteMutation = useDeleteTag();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { name, color, group } = readTag(event.currentTarget);
    updateMutation.mutate(
      { tag, changes: { name, color, group: group || null } },
      {
        onSuccess: (updated) => {
          setMode('view');
          notify({ message: t('tags.saved', { name: updated.name }), tone: 'success' });
        },
      },
    );
  }

  if (mode === 'edit') {
    const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
    return (
      <li className="settings-item">
        <form className="form form-columns" onSubmit={handleSave} noValidate aria-label={t('tags.editTag', { name: tag.name })}>
          <TagFields tag={tag} error={stale ? null : updateMutation.error} />
          {stale && (
            <p role="alert" className="form-alert">
              {t('tags.stale')}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" disabled={updateMutation.isPending}>
              {t('tags.save')}
            </button>
            <button type="button" onClick={() => setMode('view')}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }

  const failure = deleteMutation.error ? errorMessage(deleteMutation.error) : null;
  return (
    <li className="settings-item">
      <span className="tag-chip" style={{ borderColor: tag.color }}>
        <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
        {tag.name}
      </span>
      <span className="muted">{tag.group ?? ''}</span>
      <span className="muted">{t('tags.count', { count: format.number(tag.customerCount) })}</span>
      {mode === 'delete' ? (
        <Confirm
          title={t('tags.confirmDelete', { name: tag.name })}
          description={t('tags.confirmDeleteText', { count: format.number(tag.customerCount) })}
          confirmLabel={t('tags.delete')}
          cancelLabel={t('common.cancel')}
          danger
          pending={deleteMutation.isPending}
          onConfirm={() =>
            deleteMutation.mutate(tag.id, {
              onSuccess: () => notify({ message: t('tags.deleted', { name: tag.name }), tone: 'success' }),
              onSettled: () => setMode('view'),
            })
          }
          onCancel={() => setMode('view')}
        />
      ) : (
        <span className="row-actions">
          <button type="button" aria-label={t('tags.editTag', { name: tag.name })} onClick={() => setMode('edit')}>
            {t('tags.edit')}
          </button>
          <button type="button" aria-label={t('tags.deleteTag', { name: tag.name })} onClick={() => setMode('delete')}>
            {t('tags.delete')}
          </button>
        </span>
      )}
      {failure && (
        <p role="alert" className="field-error">
          {t(failure.key, failure.params)}
        </p>
      )}
    </li>
  );
}

/** Settings → Tags: the store's labels, for managers and administrators. */
export function TagsScreen() {
  const t = useT();
  const tagsQuery = useTags();
  const createMutation = useCreateTag();
  const formRef = useRef<HTMLFormElement>(null);
  const notify = useNotify();

  function handleCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const { name, color, group } = readTag(form);
    createMutation.mutate(
      { name, color, ...(group ? { group } : {}) },
      {
        onSuccess: (tag) => {
          form.reset();
          notify({ message: t('tags.added', { name: tag.name }), tone: 'success' });
          form.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
        },
      },
    );
  }

  let list;
  if (tagsQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (tagsQuery.isError) {
    const { key, params } = errorMessage(tagsQuery.error);
    list = (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void tagsQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (tagsQuery.data.items.length === 0) list = <p>{t('tags.empty')}</p>;
  else
    list = (
      <ul className="settings-list" aria-labelledby="tags-list-title">
        {tagsQuery.data.items.map((tag) => (
          <TagRow key={tag.id} tag={tag} />
        ))}
      </ul>
    );

  return (
    <div className="stack">
      <div>
        <h1>{t('tags.title')}</h1>
        <p className="muted">{t('tags.intro')}</p>
      </div>
      <section aria-labelledby="add-tag-title" className="card">
        <h2 id="add-tag-title">{t('tags.addTitle')}</h2>
        <form ref={formRef} className="form form-columns" onSubmit={handleCreate} noValidate aria-busy={createMutation.isPending}>
          <TagFields error={createMutation.error} />
          <div className="form-actions">
            <button type="submit" disabled={createMutation.isPending}>
              {t('tags.add')}
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="tags-list-title" className="card">
        <h2 id="tags-list-title">{t('tags.listTitle')}</h2>
        {list}
      </section>
    </div>
  );
}
