import { useId, useState } from 'react';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useLocale, useT } from '@/lib/i18n';
import { IM_CHANNELS, type CustomerFields, type ImAccount, type ImChannel } from '../api/create-customer';
import type { CustomField } from '../api/list-custom-fields';
import { SOURCES, STAGES, STARS, type Customer } from '../api/list-customers';
import { countryOptions } from '@/lib/countries';

/** The plain text members of a customer file, in form order. */
export const TEXT_FIELDS = [
  'name',
  'companyName',
  'position',
  'email',
  'phone',
  'mobile',
  'fax',
  'website',
  'country',
  'city',
  'address',
  'mainProducts',
  'notes',
] as const;

export const FORM_FIELDS = [...TEXT_FIELDS, 'source', 'stage', 'stars', 'imAccounts'] as const;

type FieldErrors = Partial<Record<string, string>>;

function TextArea({
  label,
  name,
  defaultValue,
  error,
}: {
  label: string;
  name: string;
  defaultValue?: string;
  error?: string;
}) {
  const id = useId();
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function ImAccounts({ initial, error }: { initial: ImAccount[]; error?: string }) {
  const t = useT();
  const [rows, setRows] = useState(() => initial.map((account, index) => ({ ...account, key: index })));
  const [nextKey, setNextKey] = useState(initial.length);
  return (
    <fieldset className="field-wide im-accounts">
      <legend>{t('customers.field.imAccounts')}</legend>
      {rows.map((row, index) => (
        <div key={row.key} className="im-row">
          <select
            name="imChannel"
            aria-label={t('customers.field.imChannel', { n: index + 1 })}
            defaultValue={row.channel}
          >
            {IM_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`im.${channel}`)}
              </option>
            ))}
          </select>
          <input name="imHandle" aria-label={t('customers.field.imHandle', { n: index + 1 })} defaultValue={row.handle} />
          <button
            type="button"
            aria-label={t('customers.field.imRemove', { n: index + 1 })}
            onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => {
          setRows([...rows, { channel: 'WHATSAPP', handle: '', key: nextKey }]);
          setNextKey(nextKey + 1);
        }}
      >
        {t('customers.field.imAdd')}
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

function CustomFieldInput({ field, value, error }: { field: CustomField; value: unknown; error?: string }) {
  const t = useT();
  const name = `cf.${field.key}`;
  const label = field.required ? `${field.label} *` : field.label;
  if (field.type === 'SELECT') {
    return (
      <SelectField
        label={label}
        name={name}
        defaultValue={typeof value === 'string' ? value : ''}
        options={[{ value: '', label: t('customers.field.none') }, ...field.options.map((option) => ({ value: option, label: option }))]}
        error={error}
      />
    );
  }
  if (field.type === 'MULTI_SELECT') {
    const chosen = Array.isArray(value) ? value.map(String) : [];
    return (
      <fieldset className="checkbox-group">
        <legend>{label}</legend>
        {field.options.map((option) => (
          <label key={option}>
            <input type="checkbox" name={name} value={option} defaultChecked={chosen.includes(option)} /> {option}
          </label>
        ))}
        {error && <p className="field-error">{error}</p>}
      </fieldset>
    );
  }
  return (
    <TextField
      label={label}
      name={name}
      type={field.type === 'NUMBER' ? 'number' : field.type === 'DATE' ? 'date' : 'text'}
      step={field.type === 'NUMBER' ? 'any' : undefined}
      defaultValue={value === undefined || value === null ? '' : String(value)}
      error={error}
    />
  );
}

/** The inputs of a customer file; read them back with readCustomerForm. */
export function CustomerFieldsInputs({
  customer,
  customFields,
  fieldErrors,
}: {
  customer?: Customer;
  customFields: CustomField[];
  fieldErrors: FieldErrors;
}) {
  const t = useT();
  const locale = useLocale();
  const text = (name: (typeof TEXT_FIELDS)[number]) => (customer?.[name] as string | undefined) ?? '';
  return (
    <>
      <TextField label={t('customers.field.name')} name="name" required defaultValue={text('name')} error={fieldErrors.name} />
      <TextField label={t('customers.field.companyName')} name="companyName" defaultValue={text('companyName')} error={fieldErrors.companyName} />
      <TextField label={t('customers.field.position')} name="position" defaultValue={text('position')} error={fieldErrors.position} />
      <TextField label={t('customers.field.email')} name="email" type="email" defaultValue={text('email')} error={fieldErrors.email} />
      <TextField label={t('customers.field.phone')} name="phone" type="tel" defaultValue={text('phone')} error={fieldErrors.phone} />
      <TextField label={t('customers.field.mobile')} name="mobile" type="tel" defaultValue={text('mobile')} error={fieldErrors.mobile} />
      <TextField label={t('customers.field.fax')} name="fax" type="tel" defaultValue={text('fax')} error={fieldErrors.fax} />
      <TextField label={t('customers.field.website')} name="website" defaultValue={text('website')} error={fieldErrors.website} />
      <SelectField
        label={t('customers.field.country')}
        name="country"
        defaultValue={text('country')}
        options={[{ value: '', label: t('customers.field.none') }, ...countryOptions(locale)]}
        error={fieldErrors.country}
      />
      <TextField label={t('customers.field.city')} name="city" defaultValue={text('city')} error={fieldErrors.city} />
      <TextField label={t('customers.field.address')} name="address" defaultValue={text('address')} error={fieldErrors.address} />
      <SelectField
        label={t('customers.field.source')}
        name="source"
        defaultValue={customer?.source ?? 'MANUAL'}
        options={SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))}
        error={fieldErrors.source}
      />
      <SelectField
        label={t('customers.field.stage')}
        name="stage"
        defaultValue={customer?.stage ?? 'UNMARKED'}
        options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
        error={fieldErrors.stage}
      />
      <SelectField
        label={t('customers.field.stars')}
        name="stars"
        defaultValue={String(customer?.stars ?? 0)}
        options={STARS.map((stars) => ({ value: String(stars), label: t(`stars.${stars}`) }))}
        error={fieldErrors.stars}
      />
      <ImAccounts initial={customer?.imAccounts ?? []} error={fieldErrors.imAccounts} />
      <TextArea label={t('customers.field.mainProducts')} name="mainProducts" defaultValue={text('mainProducts')} error={fieldErrors.mainProducts} />
      <TextArea label={t('customers.field.notes')} name="notes" defaultValue={text('notes')} error={fieldErrors.notes} />
      {customFields.map((field) => (
        <CustomFieldInput
          key={field.key}
          field={field}
          value={customer?.customFields[field.key]}
          error={fieldErrors[`customFields.${field.key}`]}
        />
      ))}
    </>
  );
}

/** The form's values as customer fields; empty inputs are left out. */
export function readCustomerForm(form: HTMLFormElement, customFields: CustomField[]): CustomerFields {
  const data = new FormData(form);
  const fields: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) {
    const value = String(data.get(name) ?? '').trim();
    if (value !== '') fields[name] = value;
  }
  fields.source = data.get('source') ?? 'MANUAL';
  fields.stage = data.get('stage') ?? 'UNMARKED';
  fields.stars = Number(data.get('stars') ?? 0);
  const channels = data.getAll('imChannel').map(String);
  const handles = data.getAll('imHandle').map((handle) => String(handle).trim());
  fields.imAccounts = handles.flatMap((handle, index) =>
    handle ? [{ channel: (channels[index] ?? 'OTHER') as ImChannel, handle }] : [],
  );
  const custom: Record<string, unknown> = {};
  for (const field of customFields) {
    const name = `cf.${field.key}`;
    if (field.type === 'MULTI_SELECT') {
      const chosen = data.getAll(name).map(String);
      if (chosen.length > 0) custom[field.key] = chosen;
      continue;
    }
    const value = String(data.get(name) ?? '').trim();
    if (value === '') continue;
    custom[field.key] = field.type === 'NUMBER' ? Number(value) : value;
  }
  fields.customFields = custom;
  return fields as CustomerFields;
}

/** A JSON merge patch from the customer as loaded to the form's values: changed members only, `null` clears. */
export function customerPatch(
  customer: Customer,
  values: CustomerFields,
  customFields: CustomField[],
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const before = customer as unknown as Record<string, unknown>;
  const after = values as unknown as Record<string, unknown>;
  for (const name of [...TEXT_FIELDS, 'source', 'stage', 'stars', 'imAccounts'] as const) {
    const old = before[name] ?? (name === 'imAccounts' ? [] : undefined);
    const now = after[name];
    if (JSON.stringify(old) !== JSON.stringify(now)) patch[name] = now ?? null;
  }
  const oldCustom = customer.customFields;
  const newCustom = values.customFields ?? {};
  const customPatch: Record<string, unknown> = {};
  // Only the fields the form shows: values of deleted definitions are not the form's business.
  for (const { key } of customFields) {
    if (JSON.stringify(oldCustom[key]) !== JSON.stringify(newCustom[key])) customPatch[key] = newCustom[key] ?? null;
  }
  if (Object.keys(customPatch).length > 0) patch.customFields = customPatch;
  return patch;
}
