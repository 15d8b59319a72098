import { useId } from 'react';
import { useController, useFieldArray } from 'react-hook-form';
import * as z from 'zod/mini';
import { CountryCombobox } from '@/components/country-combobox';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import type { ZodForm } from '@/components/form/use-zod-form';
import { CUSTOMER_EMAIL_PATTERN, matching, optionalText, PHONE_PATTERN, requiredText } from '@/lib/form-schemas';
import { useT } from '@/lib/i18n';
import { IM_CHANNELS, type CustomerFields, type ImAccount, type ImChannel } from '../api/create-customer';
import type { CustomField } from '../api/list-custom-fields';
import { SOURCES, STAGES, STARS, type Customer } from '../api/list-customers';

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

type TextFieldName = (typeof TEXT_FIELDS)[number];

/** The contract's limits on purchase categories. */
const MAX_CATEGORIES = 50;
const MAX_CATEGORY_LENGTH = 100;
/** The contract's limit on a custom TEXT value. */
const MAX_CUSTOM_TEXT = 1000;

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

/** The customer form's values, as its inputs hold them (text mostly). */
export type CustomerFormValues = Record<TextFieldName, string> & {
  source: string;
  stage: string;
  stars: string;
  imAccounts: ImAccount[];
  purchaseCategories: string[];
  /** A category typed but not added yet: it is saved too. */
  purchaseCategoryDraft: string;
  /** By custom field key: text (select, number and date ones too), or the options ticked. */
  customFields: Record<string, string | string[]>;
};

export type CustomerForm = ZodForm<CustomerFormValues, CustomerFormValues>;

/** The maximum length the contract sets on each text member. */
const TEXT_LIMITS: Record<TextFieldName, number> = {
  name: 200,
  companyName: 200,
  position: 120,
  email: 254,
  phone: 40,
  mobile: 40,
  fax: 40,
  website: 500,
  country: 2,
  region: 120,
  city: 120,
  address: 500,
  postcode: 20,
  businessType: 120,
  companySize: 60,
  annualPurchaseAmount: 60,
  mainProducts: 1000,
  notes: 10000,
};

function customFieldSchema(field: CustomField) {
  if (field.type === 'MULTI_SELECT') {
    const chosen = z.array(z.string());
    return field.required ? chosen.check(z.minLength(1)) : chosen;
  }
  const text =
    field.type === 'TEXT'
      ? z.string().check(z.trim(), z.maxLength(MAX_CUSTOM_TEXT))
      : field.type === 'NUMBER'
        ? z.string().check(z.trim(), z.refine((value) => value === '' || Number.isFinite(Number(value)), { params: { key: 'fieldError.FORMAT' } }))
        : field.type === 'DATE'
          ? z.string().check(z.trim(), matching(/^\d{4}-\d{2}-\d{2}$/))
          : // A SELECT offers only its options.
            z.string();
  return field.required ? text.check(z.minLength(1)) : text;
}

/**
 * The checks of the customer form: the contract's (CustomerFields), and the store's custom fields. Every field is
 * checked at once, so that one submit names all that needs fixing.
 */
export function customerFormSchema(customFields: readonly CustomField[]) {
  const text = Object.fromEntries(
    TEXT_FIELDS.map((name) => {
      const max = TEXT_LIMITS[name];
      if (name === 'name') return [name, requiredText(max)];
      if (name === 'email') return [name, z.string().check(z.trim(), z.maxLength(max), matching(CUSTOMER_EMAIL_PATTERN, 'fieldError.EMAIL'))];
      if (name === 'phone' || name === 'mobile' || name === 'fax') {
        return [name, z.string().check(z.trim(), z.maxLength(max), matching(PHONE_PATTERN))];
      }
      return [name, optionalText(max)];
    }),
  ) as unknown as Record<TextFieldName, z.ZodMiniType<string, string>>;
  return z.object({
    ...text,
    source: z.string(),
    stage: z.string(),
    stars: z.string(),
    imAccounts: z.array(z.object({ channel: z.enum(IM_CHANNELS), handle: optionalText(200) })),
    purchaseCategories: z.array(z.string()),
    purchaseCategoryDraft: z.string(),
    customFields: z.object(Object.fromEntries(customFields.map((field) => [field.key, customFieldSchema(field)]))),
  }) as unknown as z.ZodMiniType<CustomerFormValues, CustomerFormValues>;
}

/** The form's starting values: the customer's, or a new one's. */
export function customerFormValues(customer: Customer | undefined, customFields: readonly CustomField[]): CustomerFormValues {
  const text = Object.fromEntries(
    TEXT_FIELDS.map((name) => [name, (customer?.[name] as string | null | undefined) ?? '']),
  ) as Record<TextFieldName, string>;
  return {
    ...text,
    source: customer?.source ?? 'MANUAL',
    stage: customer?.stage ?? 'UNMARKED',
    stars: String(customer?.stars ?? 0),
    imAccounts: (customer?.imAccounts ?? []).map(({ channel, handle }) => ({ channel, handle })),
    purchaseCategories: customer?.purchaseCategories ?? [],
    purchaseCategoryDraft: '',
    customFields: Object.fromEntries(
      customFields.map((field) => {
        const value = customer?.customFields[field.key];
        if (field.type === 'MULTI_SELECT') return [field.key, Array.isArray(value) ? value.map(String) : []];
        return [field.key, value === undefined || value === null ? '' : String(value)];
      }),
    ),
  };
}

/** The IM accounts that are sent: the rows with a handle. */
function sentImAccounts(values: CustomerFormValues): { account: ImAccount; row: number }[] {
  return values.imAccounts.flatMap((account, row) => {
    const handle = account.handle.trim();
    return handle ? [{ account: { channel: (account.channel ?? 'OTHER') as ImChannel, handle }, row }] : [];
  });
}

/** The form's (checked) values as customer fields; empty inputs are left out. */
export function toCustomerFields(values: CustomerFormValues, customFields: readonly CustomField[]): CustomerFields {
  const fields: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) {
    const value = values[name].trim();
    if (value !== '') fields[name] = value;
  }
  fields.source = values.source || 'MANUAL';
  fields.stage = values.stage || 'UNMARKED';
  fields.stars = Number(values.stars || 0);
  fields.imAccounts = sentImAccounts(values).map(({ account }) => account);
  // The chips, and what was typed without pressing Enter.
  const categories = cleanCategories([...values.purchaseCategories, ...values.purchaseCategoryDraft.split(',')]);
  if (categories.length > 0) fields.purchaseCategories = categories;
  const custom: Record<string, unknown> = {};
  for (const field of customFields) {
    const value = values.customFields[field.key];
    if (Array.isArray(value)) {
      if (value.length > 0) custom[field.key] = value;
      continue;
    }
    const text = String(value ?? '').trim();
    if (text === '') continue;
    custom[field.key] = field.type === 'NUMBER' ? Number(text) : text;
  }
  fields.customFields = custom;
  return fields as CustomerFields;
}

/**
 * Where the form shows a field the server named, for applyServerErrors: `imAccounts.1.handle` is the second IM
 * account sent, which is not the second row when a row without a handle was left out; a purchase category's
 * error goes to the categories.
 */
export function customerFieldPath(values: CustomerFormValues): (field: string) => string {
  const rows = sentImAccounts(values).map(({ row }) => row);
  return (field) => {
    const im = /^imAccounts\.(\d+)(\..*)?$/.exec(field);
    if (im) {
      const row = rows[Number(im[1])];
      return row === undefined ? 'imAccounts' : `imAccounts.${row}${im[2] ?? ''}`;
    }
    if (/^purchaseCategories\.\d+$/.test(field)) return 'purchaseCategories';
    return field;
  };
}

function TextArea({ form, label, name }: { form: CustomerForm; label: string; name: TextFieldName }) {
  const id = useId();
  const error = form.fieldError(name);
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register(name)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function ImAccounts({ form }: { form: CustomerForm }) {
  const t = useT();
  const id = useId();
  const { fields: rows, append, remove } = useFieldArray({ control: form.control, name: 'imAccounts' });
  const error = form.fieldError('imAccounts');
  return (
    <fieldset className="field-wide im-accounts" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('customers.field.imAccounts')}</legend>
      {rows.map((row, index) => {
        const handleError = form.fieldError(`imAccounts.${index}.handle`);
        return (
          // The error under the row, not squeezed into it.
          <div key={row.id}>
            <div className="im-row">
              <select aria-label={t('customers.field.imChannel', { n: index + 1 })} {...form.register(`imAccounts.${index}.channel`)}>
                {IM_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`im.${channel}`)}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('customers.field.imHandle', { n: index + 1 })}
                aria-invalid={handleError ? true : undefined}
                aria-describedby={handleError ? `${id}-${row.id}-error` : undefined}
                {...form.register(`imAccounts.${index}.handle`)}
              />
              <button type="button" aria-label={t('customers.field.imRemove', { n: index + 1 })} onClick={() => remove(index)}>
                ×
              </button>
            </div>
            {handleError && (
              <p id={`${id}-${row.id}-error`} className="field-error">
                {handleError}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => append({ channel: 'WHATSAPP', handle: '' }, { shouldFocus: false })}>
        {t('customers.field.imAdd')}
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Purchase categories as chips: typed one by one (Enter or a comma adds), each removable. */
function PurchaseCategories({ form }: { form: CustomerForm }) {
  const t = useT();
  const id = useId();
  const {
    field: { value: items, onChange: setItems },
  } = useController({ control: form.control, name: 'purchaseCategories' });
  const {
    field: { value: draft, onChange: setDraft, ref, name, onBlur },
  } = useController({ control: form.control, name: 'purchaseCategoryDraft' });
  const error = form.fieldError('purchaseCategories') ?? form.fieldError('purchaseCategoryDraft');
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
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <input
          ref={ref}
          name={name}
          aria-label={t('customers.field.purchaseCategoryNew')}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          maxLength={MAX_CATEGORY_LENGTH}
          disabled={full}
          value={draft}
          onBlur={onBlur}
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

/** The country, searchable by name or ISO code; optional. Its error and focus-on-error reach the trigger. */
function CountryField({ form }: { form: CustomerForm }) {
  const t = useT();
  const {
    field: { value, onChange, onBlur, ref, name },
  } = useController({ control: form.control, name: 'country' });
  return (
    <CountryCombobox
      label={t('customers.field.country')}
      placeholder={t('customers.field.none')}
      noneLabel={t('customers.field.none')}
      name={name}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      ref={ref}
      error={form.fieldError('country')}
    />
  );
}

function CustomFieldInput({ form, field }: { form: CustomerForm; field: CustomField }) {
  const t = useT();
  const id = useId();
  const name = `customFields.${field.key}` as const;
  const label = field.required ? `${field.label} *` : field.label;
  if (field.type === 'SELECT') {
    return (
      <SelectField
        label={label}
        options={[{ value: '', label: t('customers.field.none') }, ...field.options.map((option) => ({ value: option, label: option }))]}
        {...form.field(name)}
      />
    );
  }
  if (field.type === 'MULTI_SELECT') {
    const error = form.fieldError(name);
    return (
      <fieldset className="checkbox-group" aria-describedby={error ? `${id}-error` : undefined}>
        <legend>{label}</legend>
        {field.options.map((option) => (
          <label key={option}>
            <input type="checkbox" value={option} aria-invalid={error ? true : undefined} {...form.register(name)} /> {option}
          </label>
        ))}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </fieldset>
    );
  }
  return (
    <TextField
      label={label}
      type={field.type === 'NUMBER' ? 'number' : field.type === 'DATE' ? 'date' : 'text'}
      step={field.type === 'NUMBER' ? 'any' : undefined}
      {...form.field(name)}
    />
  );
}

/** The inputs of a customer file, bound to a form made with customerFormSchema and customerFormValues. */
export function CustomerFieldsInputs({ form, customFields }: { form: CustomerForm; customFields: CustomField[] }) {
  const t = useT();
  return (
    <>
      <TextField label={t('customers.field.name')} required {...form.field('name')} />
      <TextField label={t('customers.field.companyName')} {...form.field('companyName')} />
      <TextField label={t('customers.field.position')} {...form.field('position')} />
      <TextField label={t('customers.field.email')} type="email" {...form.field('email')} />
      <TextField label={t('customers.field.phone')} type="tel" {...form.field('phone')} />
      <TextField label={t('customers.field.mobile')} type="tel" {...form.field('mobile')} />
      <TextField label={t('customers.field.fax')} type="tel" {...form.field('fax')} />
      <TextField label={t('customers.field.website')} {...form.field('website')} />
      <CountryField form={form} />
      <TextField label={t('customers.field.region')} {...form.field('region')} />
      <TextField label={t('customers.field.city')} {...form.field('city')} />
      <TextField label={t('customers.field.address')} {...form.field('address')} />
      <TextField label={t('customers.field.postcode')} {...form.field('postcode')} />
      <TextField label={t('customers.field.businessType')} {...form.field('businessType')} />
      <TextField label={t('customers.field.companySize')} {...form.field('companySize')} />
      <TextField label={t('customers.field.annualPurchaseAmount')} {...form.field('annualPurchaseAmount')} />
      <SelectField
        label={t('customers.field.source')}
        options={SOURCES.map((source) => ({ value: source, label: t(`source.${source}`) }))}
        {...form.field('source')}
      />
      <SelectField
        label={t('customers.field.stage')}
        options={STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
        {...form.field('stage')}
      />
      <SelectField
        label={t('customers.field.stars')}
        options={STARS.map((stars) => ({ value: String(stars), label: t(`stars.${stars}`) }))}
        {...form.field('stars')}
      />
      <ImAccounts form={form} />
      <PurchaseCategories form={form} />
      <TextArea form={form} label={t('customers.field.mainProducts')} name="mainProducts" />
      <TextArea form={form} label={t('customers.field.notes')} name="notes" />
      {customFields.map((field) => (
        <CustomFieldInput key={field.key} form={form} field={field} />
      ))}
    </>
  );
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
