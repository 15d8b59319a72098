import { useId, useState, type FormEvent } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFormErrors } from '@/components/form/use-form-errors';
import { useT } from '@/lib/i18n';
import { ApiError, errorMessage } from '@/lib/problem';
import { useCreateCustomField } from '../api/create-custom-field';
import { useDeleteCustomField } from '../api/delete-custom-field';
import { FIELD_TYPES, useCustomFields, type CustomField, type CustomFieldType } from '../api/list-custom-fields';
import { useUpdateCustomField } from '../api/update-custom-field';

const FIELDS = ['key', 'label', 'type', 'options', 'required'] as const;

function optionsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function OptionsInput({ defaultValue, error }: { defaultValue?: string[]; error?: string }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('customFields.options')}</label>
      <textarea
        id={id}
        name="options"
        rows={3}
        defaultValue={defaultValue?.join('\n')}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('customFields.optionsHint')}
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

function FieldRow({ field }: { field: CustomField }) {
  const t = useT();
  const notify = useNotify();
  const updateMutation = useUpdateCustomField();
  const deleteMutation = useDeleteCustomField();
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const stale = updateMutation.error instanceof ApiError && updateMutation.error.status === 412;
  const { fieldErrors, alert } = useFormErrors(stale ? null : updateMutation.error, FIELDS);
  const hasOptions = field.type === 'SELECT' || field.type === 'MULTI_SELECT';

  function handleSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    updateMutation.mutate(
      {
        field,
        changes: {
          label: String(data.get('label') ?? '').trim(),
          required: data.get('required') === 'on',
          ...(hasOptions ? { options: optionsOf(String(data.get('options') ?? '')) } : {}),
        },
      },
      {
        onSuccess: (updated) => {
          setMode('view');
          notify({ message: t('customFields.saved', { label: updated.label }), tone: 'success' });
        },
      },
    );
  }

  if (mode === 'edit') {
    return (
      <tr>
        <td colSpan={5}>
          <form className="form form-columns" onSubmit={handleSave} noValidate aria-label={t('customFields.editField', { label: field.label })}>
            <TextField label={t('customFields.label')} name="label" defaultValue={field.label} error={fieldErrors.label} />
            {hasOptions && <OptionsInput defaultValue={field.options} error={fieldErrors.options} />}
            <label className="checkbox">
              <input type="checkbox" name="required" defaultChecked={field.required} /> {t('customFields.required')}
            </label>
            <FormAlert alert={alert} />
            {stale && (
              <p role="alert" className="form-alert">
                {t('customFields.stale')}
              </p>
            )}
            <div className="form-actions">
              <button type="submit" disabled={updateMutation.isPending}>
                {t('customFields.save')}
              </button>
              <button type="button" onClick={() => setMode('view')}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
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
  const [type, setType] = useState<CustomFieldType>('TEXT');
  const { fieldErrors, alert } = useFormErrors(createMutation.error, FIELDS);
  const hasOptions = type === 'SELECT' || type === 'MULTI_SELECT';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    createMutation.mutate(
      {
        key: String(data.get('key') ?? '').trim(),
        label: String(data.get('label') ?? '').trim(),
        type,
        required: data.get('required') === 'on',
        ...(hasOptions ? { options: optionsOf(String(data.get('options') ?? '')) } : {}),
      },
      {
        onSuccess: (field) => {
          form.reset();
          setType('TEXT');
          notify({ message: t('customFields.added', { label: field.label }), tone: 'success' });
        },
      },
    );
  }

  return (
    <section aria-labelledby="add-field-title" className="card">
      <h2 id="add-field-title">{t('customFields.addTitle')}</h2>
      <form className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={createMutation.isPending}>
        <TextField label={t('customFields.label')} name="label" required maxLength={80} error={fieldErrors.label} />
        <TextField
          label={t('customFields.key')}
          name="key"
          required
          maxLength={40}
          hint={t('customFields.keyHint')}
          error={fieldErrors.key}
        />
        <SelectField
          label={t('customFields.typeLabel')}
          name="type"
          value={type}
          onChange={(event) => setType(event.target.value as CustomFieldType)}
          options={FIELD_TYPES.map((option) => ({ value: option, label: t(`customFields.type.${option}`) }))}
          error={fieldErrors.type}
        />
        {hasOptions && <OptionsInput error={fieldErrors.options} />}
        <label className="checkbox">
          <input type="checkbox" name="required" /> {t('customFields.required')}
        </label>
        <FormAlert alert={alert} />
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
