import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useLocale, useT, type Translate } from '@/lib/i18n';
import { AMOUNT_PATTERN, currencyOptions } from '@/lib/money';
import type { Product, ProductInput } from '../api/list-products';
import type { ProductPatch } from '../api/update-product';

export const PRODUCT_FIELDS = [
  'sku',
  'name',
  'category',
  'unit',
  'listPrice',
  'currency',
  'moq',
  'imageUrl',
  'description',
  'attributes',
  'active',
] as const;
type ProductField = (typeof PRODUCT_FIELDS)[number];

/** The form as typed: every member a trimmed string, `active` a tick. */
export interface ProductFormValues {
  sku: string;
  name: string;
  category: string;
  unit: string;
  listPrice: string;
  currency: string;
  moq: string;
  imageUrl: string;
  description: string;
  attributes: string;
  active: boolean;
}

const IMAGE_URL_PATTERN = /^https?:\/\/[^\s/]+\S*$/;

/** Attributes as one "name: value" per line; values that are not text (a number, a list) as JSON. */
export function attributesText(attributes: Record<string, unknown>): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('\n');
}

/** "name: value" lines as attributes (values as text); null when a line has no name or no colon. */
export function parseAttributes(text: string): Record<string, string> | null {
  const attributes: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!key) return null;
    attributes[key] = line.slice(colon + 1).trim();
  }
  return attributes;
}

export function readProductForm(form: HTMLFormElement): ProductFormValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  return {
    sku: text('sku'),
    name: text('name'),
    category: text('category'),
    unit: text('unit'),
    listPrice: text('listPrice'),
    currency: text('currency'),
    moq: text('moq'),
    imageUrl: text('imageUrl'),
    description: text('description'),
    attributes: String(data.get('attributes') ?? ''),
    active: data.get('active') === 'on',
  };
}

/**
 * What the server would refuse anyway, said before sending: a request that breaks the contract's formats is never
 * sent (the server's own field errors still show for everything else).
 */
export function validateProduct(values: ProductFormValues, t: Translate): Partial<Record<ProductField, string>> {
  const errors: Partial<Record<ProductField, string>> = {};
  if (!values.sku) errors.sku = t('fieldError.REQUIRED');
  if (!values.name) errors.name = t('fieldError.REQUIRED');
  if (values.listPrice && !AMOUNT_PATTERN.test(values.listPrice)) errors.listPrice = t('products.error.amount');
  if (values.moq && (!/^\d{1,10}$/.test(values.moq) || Number(values.moq) < 1 || Number(values.moq) > 1_000_000_000)) {
    errors.moq = t('fieldError.RANGE.between', { min: 1, max: 1_000_000_000 });
  }
  if (values.imageUrl && !IMAGE_URL_PATTERN.test(values.imageUrl)) errors.imageUrl = t('products.error.url');
  if (parseAttributes(values.attributes) === null) errors.attributes = t('products.error.attributes');
  return errors;
}

/** A new product: the optional members only when filled in. */
export function productInput(values: ProductFormValues): ProductInput {
  const input: ProductInput = { sku: values.sku, name: values.name, currency: values.currency, active: values.active };
  if (values.category) input.category = values.category;
  if (values.unit) input.unit = values.unit;
  if (values.listPrice) input.listPrice = values.listPrice;
  if (values.moq) input.moq = Number(values.moq);
  if (values.imageUrl) input.imageUrl = values.imageUrl;
  if (values.description) input.description = values.description;
  const attributes = parseAttributes(values.attributes) ?? {};
  if (Object.keys(attributes).length > 0) input.attributes = attributes;
  return input;
}

/** The members that changed, as a merge patch: an emptied optional member is null (cleared). */
export function productPatch(product: Product, values: ProductFormValues): ProductPatch {
  const patch: Record<string, unknown> = {};
  const text = (field: 'sku' | 'name' | 'currency' | 'unit', value: string) => {
    if (value !== product[field]) patch[field] = value;
  };
  const optional = (field: 'category' | 'listPrice' | 'imageUrl' | 'description', value: string) => {
    if (value !== (product[field] ?? '')) patch[field] = value === '' ? null : value;
  };
  text('sku', values.sku);
  text('name', values.name);
  text('currency', values.currency);
  // The unit cannot be emptied (the server defaults it to pcs): an empty field leaves it as it is.
  if (values.unit) text('unit', values.unit);
  optional('category', values.category);
  optional('listPrice', values.listPrice);
  optional('imageUrl', values.imageUrl);
  optional('description', values.description);
  if (values.moq !== (product.moq == null ? '' : String(product.moq))) patch.moq = values.moq === '' ? null : Number(values.moq);
  if (values.attributes.trim() !== attributesText(product.attributes).trim()) {
    const attributes = parseAttributes(values.attributes) ?? {};
    patch.attributes = Object.keys(attributes).length > 0 ? attributes : null;
  }
  if (values.active !== product.active) patch.active = values.active;
  return patch as ProductPatch;
}

export interface ProductFormProps {
  /** The product being edited; none for a new one. */
  product?: Product;
  /** The failed save, its field errors shown next to the fields. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** Words for a refusal the form knows better than the generic message (a stale version). */
  alert?: ReactNode;
  onSubmit: (values: ProductFormValues) => void;
  onCancel?: () => void;
}

/** A product's fields, checked before sending and with the server's field errors beside each. */
export function ProductForm({ product, error, pending, submitLabel, pendingLabel, alert, onSubmit, onCancel }: ProductFormProps) {
  const t = useT();
  const locale = useLocale();
  const formRef = useRef<HTMLFormElement>(null);
  const descriptionId = useId();
  const attributesId = useId();
  const [clientErrors, setClientErrors] = useState<Partial<Record<ProductField, string>>>({});
  // A problem the parent words itself replaces the generic alert.
  const { fieldErrors: serverErrors, alert: serverAlert } = useFormErrors(alert ? null : error, PRODUCT_FIELDS);
  const fieldErrors = { ...serverErrors, ...clientErrors };
  useFocusOnError(formRef, error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = readProductForm(event.currentTarget);
    const errors = validateProduct(values, t);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      // The first field to fix gets the focus, once React has marked it.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(values);
  }

  const currency = product?.currency ?? 'USD';
  return (
    <form ref={formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={pending}>
      <TextField label={t('products.field.sku')} name="sku" required maxLength={64} defaultValue={product?.sku} error={fieldErrors.sku} />
      <TextField label={t('products.field.name')} name="name" required maxLength={200} defaultValue={product?.name} error={fieldErrors.name} />
      <TextField label={t('products.field.category')} name="category" maxLength={100} defaultValue={product?.category ?? ''} error={fieldErrors.category} />
      <TextField
        label={t('products.field.unit')}
        name="unit"
        maxLength={20}
        defaultValue={product?.unit ?? ''}
        placeholder="pcs"
        hint={t('products.field.unitHint')}
        error={fieldErrors.unit}
      />
      <TextField
        label={t('products.field.listPrice')}
        name="listPrice"
        inputMode="decimal"
        maxLength={19}
        defaultValue={product?.listPrice ?? ''}
        placeholder="12.50"
        error={fieldErrors.listPrice}
      />
      <SelectField
        label={t('products.field.currency')}
        name="currency"
        defaultValue={currency}
        options={currencyOptions(locale, [currency])}
        error={fieldErrors.currency}
      />
      <TextField
        label={t('products.field.moq')}
        name="moq"
        type="number"
        min={1}
        step={1}
        defaultValue={product?.moq ?? ''}
        hint={t('products.field.moqHint')}
        error={fieldErrors.moq}
      />
      <TextField
        label={t('products.field.imageUrl')}
        name="imageUrl"
        type="url"
        maxLength={2000}
        defaultValue={product?.imageUrl ?? ''}
        placeholder="https://"
        error={fieldErrors.imageUrl}
      />
      <div className="field field-wide">
        <label htmlFor={descriptionId}>{t('products.field.description')}</label>
        <textarea
          id={descriptionId}
          name="description"
          rows={3}
          maxLength={5000}
          defaultValue={product?.description ?? ''}
          aria-invalid={fieldErrors.description ? true : undefined}
          aria-describedby={fieldErrors.description ? `${descriptionId}-error` : undefined}
        />
        {fieldErrors.description && (
          <p id={`${descriptionId}-error`} className="field-error">
            {fieldErrors.description}
          </p>
        )}
      </div>
      <div className="field field-wide">
        <label htmlFor={attributesId}>{t('products.field.attributes')}</label>
        <textarea
          id={attributesId}
          name="attributes"
          rows={3}
          defaultValue={product ? attributesText(product.attributes) : ''}
          placeholder={'color: white\nwattage: 40'}
          aria-invalid={fieldErrors.attributes ? true : undefined}
          aria-describedby={`${attributesId}-hint${fieldErrors.attributes ? ` ${attributesId}-error` : ''}`}
        />
        <p id={`${attributesId}-hint`} className="field-hint">
          {t('products.field.attributesHint')}
        </p>
        {fieldErrors.attributes && (
          <p id={`${attributesId}-error`} className="field-error">
            {fieldErrors.attributes}
          </p>
        )}
      </div>
      <label className="field-wide checkbox-line">
        <input type="checkbox" name="active" defaultChecked={product?.active ?? true} /> {t('products.field.activeHint')}
      </label>
      {alert ?? <FormAlert alert={serverAlert} />}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
