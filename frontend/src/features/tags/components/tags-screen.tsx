import { useState } from 'react';
import * as z from 'zod/mini';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm, type ZodForm } from '@/components/form/use-zod-form';
import { matching, optionalText, requiredText } from '@/lib/form-schemas';
import { useFormatters, useT } from '@/lib/i18n';
import { ApiError, errorMessage, isProblem } from '@/lib/problem';
import { useCreateTag } from '../api/create-tag';
import { useDeleteTag } from '../api/delete-tag';
import { useTags, type Tag } from '../api/list-tags';
import { useUpdateTag } from '../api/update-tag';

/** Text without a NUL character, as the server's Text.NO_NUL pattern takes it. */
const NO_NUL = /^[^\0]*$/;
const DEFAULT_COLOR = '#1e88e5';

// The server's rules (CreateTagRequest, UpdateTagRequest): checked here first, so that a slip needs no round trip.
const tagSchema = z.object({
  name: requiredText(60).check(matching(NO_NUL)),
  color: z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/)),
  group: optionalText(60).check(matching(NO_NUL)),
});

type TagValues = z.input<typeof tagSchema>;
type TagForm = ZodForm<TagValues, z.output<typeof tagSchema>>;

/** A tag as the form edits it; a colour input writes lower case, so the form starts as the input shows it. */
function tagValues(tag?: Tag): TagValues {
  return { name: tag?.name ?? '', color: (tag?.color ?? DEFAULT_COLOR).toLowerCase(), group: tag?.group ?? '' };
}

/** A failed save: a taken name next to the name, the rest as the server said it. */
function showServerErrors(form: TagForm, error: unknown) {
  if (isProblem(error, 'tag-name-taken')) {
    form.setError('name', serverMessage({ key: 'tags.nameTaken' }));
    form.focusFirstError();
  } else {
    applyServerErrors(form, error);
  }
}

function TagFields({ form }: { form: TagForm }) {
  const t = useT();
  return (
    <>
      <TextField label={t('tags.name')} required maxLength={60} {...form.field('name')} />
      <TextField label={t('tags.color')} type="color" {...form.field('color')} />
      <TextField label={t('tags.group')} maxLength={60} hint={t('tags.groupHint')} {...form.field('group')} />
      <FormAlert alert={form.alert} />
    </>
  );
}

/** The row's own update, kept by the row: a save still ends (and says so) when the form is cancelled meanwhile. */
type UpdateTagMutation = ReturnType<typeof useUpdateTag>;

function TagEditForm({ tag, updateMutation, onDone }: { tag: Tag; updateMutation: UpdateTagMutation; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const form = useZodForm(tagSchema, { defaultValues: tagValues(tag) });
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;

  const handleSave = form.handleSubmit(({ name, color, group }) => {
    updateMutation.mutate(
      { tag, changes: { name, color, group: group || null } },
      {
        onSuccess: (updated) => {
          onDone();
          notify({ message: t('tags.saved', { name: updated.name }), tone: 'success' });
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
    <form ref={form.formRef} className="form form-columns" onSubmit={handleSave} noValidate aria-label={t('tags.editTag', { name: tag.name })}>
      <TagFields form={form} />
      {stale && (
        <p role="alert" tabIndex={-1} className="form-alert">
          {t('tags.stale')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={updateMutation.isPending}>
          {t('tags.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function TagRow({ tag }: { tag: Tag }) {
  const t = useT();
  const notify = useNotify();
  const format = useFormatters();
  const updateMutation = useUpdateTag();
  const deleteMutation = useDeleteTag();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');

  if (mode === 'edit') {
    return (
      <li className="settings-item">
        <TagEditForm tag={tag} updateMutation={updateMutation} onDone={() => setMode('view')} />
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
  const form = useZodForm(tagSchema, { defaultValues: tagValues() });
  const notify = useNotify();

  const handleCreate = form.handleSubmit(({ name, color, group }) => {
    createMutation.mutate(
      { name, color, ...(group ? { group } : {}) },
      {
        onSuccess: (tag) => {
          form.reset();
          notify({ message: t('tags.added', { name: tag.name }), tone: 'success' });
          // The DOM's input: reset forgets the form's references until it renders again.
          form.formRef.current?.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

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
        <form ref={form.formRef} className="form form-columns" onSubmit={handleCreate} noValidate aria-busy={createMutation.isPending}>
          <TagFields form={form} />
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
