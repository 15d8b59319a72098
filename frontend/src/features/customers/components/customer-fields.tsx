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
  'region',
  'city',
  'address',
  'postcode',
  'businessType',
  'companySize',
  'annualPurchaseAmount',
  'mainProducts',
  'notes',
] as const;

export const FORM_FIELDS = [...TEXT_FIELDS, 'source', 'stage', 'stars', 'imAccounts', 'purchaseCategories'] as const;

/** The contract's limits on purchase categories. */
const MAX_CATEGORIES = 50;
const MAX_CATEGORY_LENGTH = 100;

/** Trimmed, without empty ones and repeats (in any case: the first spelling stays). */
function cleanCategories(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values
    .map((value) => value.trim())
    .filter((value) => {
      const key = value.toLocaleLowerCase();
      if (value === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

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

/** Purchase categories as chips: typed one by one (Enter or a comma adds), each removable. */
function PurchaseCategories({ initial, error }: { initial: string[]; error?: string }) {
  const t = useT();
  const id = useId();
  const [items, setItems] = useState(initial);
  const [draft, setDraft] = useState('');
  const full = items.length >= MAX_CATEGORIES;

  function add() {
    setItems(cleanCategories([...items, ...draft.split(',')]).slice(0, MAX_CATEGORIES));
    setDraft('');
  }

  return (
    <fieldset className="field-wide" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('customers.field.purchaseCategories')}</legend>
      {items.length > 0 && (
        <ul className="tag-list category-list">
          {items.map((item) => (
            <li key={item}>
              <span className="tag-chip chip-wrap">{item}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={t('customers.field.purchaseCategoryRemove', { name: item })}
                onClick={() => setItems(items.filter((other) => other !== item))}
              >
                ×
              </button>
              <input type="hidden" name="purchaseCategories" value={item} />
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <input
          name="purchaseCategoryDraft"
          aria-label={t('customers.field.purchaseCategoryNew')}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          maxLength={MAX_CATEGORY_LENGTH}
          disabled={full}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              // Enter would submit the whole form.
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={full || draft.trim() === ''} onClick={add}>
          {t('customers.field.purchaseCategoryAdd')}
        </button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {full ? t('customers.field.purchaseCategoriesFull', { max: MAX_CATEGORIES }) : t('customers.field.purchaseCategoriesHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
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
      <TextField label={t('customers.field.region')} name="region" defaultValue={text('region')} error={fieldErrors.region} />
      <TextField label={t('customers.field.city')} name="city" defaultValue={text('city')} error={fieldErrors.city} />
      <TextField label={t('customers.field.address')} name="address" defaultValue={text('address')} error={fieldErrors.address} />
      <TextField label={t('customers.field.postcode')} name="postcode" defaultValue={text('postcode')} error={fieldErrors.postcode} />
      <TextField label={t('customers.field.businessType')} name="businessType" defaultValue={text('businessType')} error={fieldErrors.businessType} />
      <TextField label={t('customers.field.companySize')} name="companySize" defaultValue={text('companySize')} error={fieldErrors.companySize} />
      <TextField
        label={t('customers.field.annualPurchaseAmount')}
        name="annualPurchaseAmount"
        defaultValue={text('annualPurchaseAmount')}
        error={fieldErrors.annualPurchaseAmount}
      />
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
      <PurchaseCategories initial={customer?.purchaseCategories ?? []} error={fieldErrors.purchaseCategories} />
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
  // The chips, and what was typed without pressing Enter.
  const categories = cleanCategories([
    ...data.getAll('purchaseCategories').map(String),
    ...String(data.get('purchaseCategoryDraft') ?? '').split(','),
  ]);
  if (categories.length > 0) fields.purchaseCategories = categories;
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
  for (const name of [...TEXT_FIELDS, 'source', 'stage', 'stars', 'imAccounts', 'purchaseCategories'] as const) {
    const list = name === 'imAccounts' || name === 'purchaseCategories';
    const old = before[name] ?? (list ? [] : undefined);
    const now = after[name] ?? (name === 'purchaseCategories' ? [] : undefined);
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
