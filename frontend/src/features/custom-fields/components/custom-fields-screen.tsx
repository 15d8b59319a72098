import { useId, useMemo, useState } from 'react';
import type { Path, UseFormRegisterReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm, type ZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching, requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { ApiError, errorMessage } from '@/lib/problem';
import { useCreateCustomField } from '../api/create-custom-field';
import { useDeleteCustomField } from '../api/delete-custom-field';
import { FIELD_TYPES, useCustomFields, type CustomField } from '../api/list-custom-fields';
import { useUpdateCustomField } from '../api/update-custom-field';

/** Text without a NUL character, as the server's Text.NO_NUL pattern takes it. */
const NO_NUL = /^[^\0]*$/;
/** As CustomFieldDtos: at most 100 choices of at most 80 characters each. */
const MAX_OPTIONS = 100;
const MAX_OPTION_LENGTH = 80;

function hasChoices(type: string): boolean {
  return type === 'SELECT' || type === 'MULTI_SELECT';
}

function optionsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The choices, typed one per line, as the server checks them (CustomFieldService.checkedOptions): required for a
 * field that has choices, at most 100, each at most 80 characters, none twice. Only for a type with choices: the
 * others send none.
 */
function choicesCheck<T extends { options: string }>(applies: (values: T) => boolean) {
  return z.superRefine<T>(
    (values, context) => {
      if (!applies(values)) return;
      const options = optionsOf(values.options);
      const repeated = options.find((option, index) => options.indexOf(option) !== index);
      const tooLong = options.some((option) => option.length > MAX_OPTION_LENGTH);
      const params =
        options.length === 0
          ? fieldMessageParams('fieldError.REQUIRED')
          : options.length > MAX_OPTIONS
            ? fieldMessageParams('customFields.optionsTooMany', { max: MAX_OPTIONS })
            : tooLong
              ? fieldMessageParams('customFields.optionTooLong', { max: MAX_OPTION_LENGTH })
              : repeated !== undefined
                ? fieldMessageParams('customFields.optionRepeated', { option: repeated })
                : null;
      if (params) context.addIssue({ code: 'custom', path: ['options'], params, input: values.options });
    },
    // Also when another field is wrong: one submit names every mistake.
    { when: () => true },
  );
}

// The server's rules (CreateCustomFieldRequest): checked here first, so that a slip needs no round trip.
const addFieldSchema = z
  .object({
    label: requiredText(80).check(matching(NO_NUL)),
    key: z.string().check(z.trim(), z.minLength(1), z.maxLength(40), matching(/^[a-z][a-z0-9_]*$/)),
    type: z.enum(FIELD_TYPES),
    options: z.string(),
    required: z.boolean(),
  })
  .check(choicesCheck(({ type }: { type: string; options: string }) => hasChoices(type)));

type AddFieldValues = z.input<typeof addFieldSchema>;

const EMPTY: AddFieldValues = { label: '', key: '', type: 'TEXT', options: '', required: false };

/** The server's rules for a change (UpdateCustomFieldRequest); the type, and so whether it has choices, is fixed. */
function editFieldSchema(withChoices: boolean) {
  return z
    .object({
      label: requiredText(80).check(matching(NO_NUL)),
      options: z.string(),
      required: z.boolean(),
    })
    .check(choicesCheck(() => withChoices));
}

type EditFieldValues = z.input<ReturnType<typeof editFieldSchema>>;

/**
 * A failed save, each field error by its input. The server names a refused choice by its place (`options[2]`):
 * here they are all about the one list, and its limits are said as the form's own checks say them.
 */
function showServerErrors<T extends { options: string }>(form: ZodForm<T, unknown>, error: unknown) {
  applyServerErrors(form, error, { fieldPath: (field) => (field.startsWith('options.') ? 'options' : field) });
  if (!(error instanceof ApiError)) return;
  for (const item of error.problem.errors) {
    if (item.code !== 'LENGTH') continue;
    if (item.field === 'options') {
      form.setError('options' as Path<T>, serverMessage({ key: 'customFields.optionsTooMany', params: { max: item.max ?? MAX_OPTIONS } }));
    } else if (item.field.startsWith('options[')) {
      form.setError('options' as Path<T>, serverMessage({ key: 'customFields.optionTooLong', params: { max: item.max ?? MAX_OPTION_LENGTH } }));
    }
  }
}

function OptionsInput({ error, ...textareaProps }: UseFormRegisterReturn & { error?: string }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('customFields.options')}</label>
      <textarea
        id={id}
        rows={3}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        {...textareaProps}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('customFields.optionsHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The row's own update, kept by the row: a save still ends (and says so) when the form is cancelled meanwhile. */
type UpdateFieldMutation = ReturnType<typeof useUpdateCustomField>;

function EditFieldForm({ field, updateMutation, onDone }: { field: CustomField; updateMutation: UpdateFieldMutation; onDone: () => void }) {
  const t = useT();
  const notify = useNotify();
  const withChoices = hasChoices(field.type);
  const schema = useMemo(() => editFieldSchema(withChoices), [withChoices]);
  const form = useZodForm(schema, {
    defaultValues: { label: field.label, options: field.options.join('\n'), required: field.required } satisfies EditFieldValues,
  });
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;

  const handleSave = form.handleSubmit((values) => {
    updateMutation.mutate(
      {
        field,
        changes: {
          label: values.label,
          required: values.required,
          ...(withChoices ? { options: optionsOf(values.options) } : {}),
        },
      },
      {
        onSuccess: (updated) => {
          onDone();
          notify({ message: t('customFields.saved', { label: updated.label }), tone: 'success' });
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
      onSubmit={handleSave}
      noValidate
      aria-label={t('customFields.editField', { label: field.label })}
    >
      <TextField label={t('customFields.label')} maxLength={80} {...form.field('label')} />
      {withChoices && <OptionsInput {...form.field('options')} />}
      <label className="checkbox">
        <input type="checkbox" {...form.register('required')} /> {t('customFields.required')}
      </label>
      <FormAlert alert={form.alert} />
      {stale && (
        <p role="alert" tabIndex={-1} className="form-alert">
          {t('customFields.stale')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={updateMutation.isPending}>
          {t('customFields.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function FieldRow({ field }: { field: CustomField }) {
  const t = useT();
  const notify = useNotify();
  const updateMutation = useUpdateCustomField();
  const deleteMutation = useDeleteCustomField();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');

  if (mode === 'edit') {
    return (
      <tr>
        <td colSpan={5}>
          <EditFieldForm field={field} updateMutation={updateMutation} onDone={() => setMode('view')} />
        </td>
      </tr>
    );
  }

  const failure = deleteMutation.error ? errorMessage(deleteMutation.error) : null;
  return (
    <tr>
      <th scope="row">{field.label}</th>
      <td>
        <code>{field.key}</code>
      </td>
      <td>
        {t(`customFields.type.${field.type}`)}
        {field.options.length > 0 && <div className="muted small">{field.options.join(', ')}</div>}
      </td>
      <td>{field.required ? t('customFields.yes') : t('customFields.no')}</td>
      <td>
        {mode === 'delete' ? (
          <Confirm
            title={t('customFields.confirmDelete', { label: field.label })}
            description={t('customFields.confirmDeleteText')}
            confirmLabel={t('customFields.delete')}
            cancelLabel={t('common.cancel')}
            danger
            pending={deleteMutation.isPending}
            onConfirm={() =>
              deleteMutation.mutate(field.id, {
                onSuccess: () => notify({ message: t('customFields.deleted', { label: field.label }), tone: 'success' }),
                onSettled: () => setMode('view'),
              })
            }
            onCancel={() => setMode('view')}
          />
        ) : (
          <span className="row-actions">
            <button type="button" aria-label={t('customFields.editField', { label: field.label })} onClick={() => setMode('edit')}>
              {t('customFields.edit')}
            </button>
            <button type="button" aria-label={t('customFields.deleteField', { label: field.label })} onClick={() => setMode('delete')}>
              {t('customFields.delete')}
            </button>
          </span>
        )}
        {failure && (
          <p role="alert" className="field-error">
            {t(failure.key, failure.params)}
          </p>
        )}
      </td>
    </tr>
  );
}

function AddFieldForm() {
  const t = useT();
  const notify = useNotify();
  const createMutation = useCreateCustomField();
  const form = useZodForm(addFieldSchema, { defaultValues: EMPTY });
  const withChoices = hasChoices(form.watch('type'));

  const handleSubmit = form.handleSubmit((values) => {
    createMutation.mutate(
      {
        key: values.key,
        label: values.label,
        type: values.type,
        required: values.required,
        ...(hasChoices(values.type) ? { options: optionsOf(values.options) } : {}),
      },
      {
        onSuccess: (field) => {
          form.reset();
          notify({ message: t('customFields.added', { label: field.label }), tone: 'success' });
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  return (
    <section aria-labelledby="add-field-title" className="card">
      <h2 id="add-field-title">{t('customFields.addTitle')}</h2>
      <form ref={form.formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={createMutation.isPending}>
        <TextField label={t('customFields.label')} required maxLength={80} {...form.field('label')} />
        <TextField label={t('customFields.key')} required maxLength={40} hint={t('customFields.keyHint')} {...form.field('key')} />
        <SelectField
          label={t('customFields.typeLabel')}
          options={FIELD_TYPES.map((option) => ({ value: option, label: t(`customFields.type.${option}`) }))}
          // Once checked, the choices are checked again as the type changes.
          {...form.field('type', { deps: 'options' })}
        />
        {withChoices && <OptionsInput {...form.field('options')} />}
        <label className="checkbox">
          <input type="checkbox" {...form.register('required')} /> {t('customFields.required')}
        </label>
        <FormAlert alert={form.alert} />
        <div className="form-actions">
          <button type="submit" disabled={createMutation.isPending}>
            {t('customFields.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Settings → Custom fields: the store's own customer attributes, for administrators. */
export function CustomFieldsScreen() {
  const t = useT();
  const fieldsQuery = useCustomFields();

  let list;
  if (fieldsQuery.isPending) list = <p role="status">{t('app.loading')}</p>;
  else if (fieldsQuery.isError) {
    const { key, params } = errorMessage(fieldsQuery.error);
    list = (
      <div role="alert" className="form-alert">
        <p>{t(key, params)}</p>
        <button type="button" onClick={() => void fieldsQuery.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (fieldsQuery.data.items.length === 0) list = <p>{t('customFields.empty')}</p>;
  else
    list = (
      <div className="table-scroll">
        <table aria-labelledby="fields-list-title">
          <thead>
            <tr>
              <th scope="col">{t('customFields.label')}</th>
              <th scope="col">{t('customFields.key')}</th>
              <th scope="col">{t('customFields.typeLabel')}</th>
              <th scope="col">{t('customFields.required')}</th>
              <th scope="col">{t('customFields.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {fieldsQuery.data.items.map((field) => (
              <FieldRow key={field.id} field={field} />
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="stack">
      <div>
        <h1>{t('customFields.title')}</h1>
        <p className="muted">{t('customFields.intro')}</p>
      </div>
      <AddFieldForm />
      <section aria-labelledby="fields-list-title" className="card">
        <h2 id="fields-list-title">{t('customFields.listTitle')}</h2>
        {list}
      </section>
    </div>
  );
}
