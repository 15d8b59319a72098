import { useEffect, useId, type ReactNode } from 'react';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, serverMessage, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching, optionalText, requiredText } from '@/lib/form-schemas';
import { useLocale, useT, type Message } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';
import { AMOUNT_PATTERN, CURRENCY_PATTERN, currencyOptions } from '@/lib/money';
import type { Product, ProductInput } from '../api/list-products';
import type { ProductPatch } from '../api/update-product';

const IMAGE_URL_PATTERN = /^https?:\/\/[^\s/]+\S*$/;
/** The contract's limits (ProductInput). */
const MAX_MOQ = 1_000_000_000;
const MAX_ATTRIBUTES = 50;

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

/**
 * The server's rules (ProductInput, ProductService.checkRules), checked before sending and in the same words: a
 * request that breaks the contract is never sent (the server's own field errors still show for the rest, such as
 * a SKU in use). Text comes out trimmed; the attributes as typed, for parseAttributes.
 */
const productSchema = z.object({
  sku: requiredText(64),
  name: requiredText(200),
  category: optionalText(100),
  unit: optionalText(20),
  listPrice: z.string().check(z.trim(), z.maxLength(19), matching(AMOUNT_PATTERN, 'products.error.amount')),
  currency: z.string().check(z.trim(), z.minLength(1), matching(CURRENCY_PATTERN)),
  moq: z.string().check(
    z.trim(),
    z.refine((value) => value === '' || (/^\d{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_MOQ), {
      params: fieldMessageParams('fieldError.RANGE.between', { min: 1, max: MAX_MOQ }),
    }),
  ),
  imageUrl: z.string().check(z.trim(), z.maxLength(2000), matching(IMAGE_URL_PATTERN, 'products.error.url')),
  description: optionalText(5000),
  attributes: z.string().check(
    z.refine((value) => parseAttributes(value) !== null, { params: fieldMessageParams('products.error.attributes') }),
    z.refine((value) => Object.keys(parseAttributes(value) ?? {}).length <= MAX_ATTRIBUTES, {
      params: fieldMessageParams('products.error.attributesCount', { max: MAX_ATTRIBUTES }),
    }),
  ),
  active: z.boolean(),
});

/** The form as checked: every text member trimmed (the attributes as typed), `active` a tick. */
export type ProductFormValues = z.output<typeof productSchema>;

/** The form's starting values: the product's, or a new one's. */
function productFormValues(product: Product | undefined): z.input<typeof productSchema> {
  return {
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    category: product?.category ?? '',
    unit: product?.unit ?? '',
    listPrice: product?.listPrice ?? '',
    currency: product?.currency ?? 'USD',
    moq: product?.moq == null ? '' : String(product.moq),
    imageUrl: product?.imageUrl ?? '',
    description: product?.description ?? '',
    attributes: product ? attributesText(product.attributes) : '',
    active: product?.active ?? true,
  };
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

/** The server's codes for the rules the form says in its own words (by `field:code`), in those words. */
const SERVER_WORDS: Record<string, Message> = {
  'listPrice:FORMAT': { key: 'products.error.amount' },
  'imageUrl:FORMAT': { key: 'products.error.url' },
  'attributes:LENGTH': { key: 'products.error.attributesCount', params: { max: MAX_ATTRIBUTES } },
};

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
  const descriptionId = useId();
  const attributesId = useId();
  const form = useZodForm(productSchema, { defaultValues: productFormValues(product) });
  const descriptionError = form.fieldError('description');
  const attributesError = form.fieldError('attributes');

  // The parent's save failed: its field errors go on the inputs, the rest in the alert; a problem the parent
  // words itself (a stale version) has its own alert instead.
  useEffect(() => {
    if (!error) return;
    if (alert) {
      form.focusFirstError();
      return;
    }
    applyServerErrors(form, error);
    // A rule the form words itself (an address the server cannot read, say), in the words the form's check uses.
    for (const { field, code } of error instanceof ApiError ? error.problem.errors : []) {
      const words = SERVER_WORDS[`${field}:${code}`];
      if (words) form.setError(field as keyof ProductFormValues, serverMessage(words));
    }
    // Once per failure (`form` and `alert` are new objects on each render, so not dependencies).
  }, [error]);

  const handleSubmit = form.handleSubmit((values) => onSubmit(values));

  const currency = product?.currency ?? 'USD';
  return (
    <form ref={form.formRef} className="form form-columns" onSubmit={handleSubmit} noValidate aria-busy={pending}>
      <TextField label={t('products.field.sku')} required maxLength={64} {...form.field('sku')} />
      <TextField label={t('products.field.name')} required maxLength={200} {...form.field('name')} />
      <TextField label={t('products.field.category')} maxLength={100} {...form.field('category')} />
      <TextField
        label={t('products.field.unit')}
        maxLength={20}
        placeholder="pcs"
        hint={t('products.field.unitHint')}
        {...form.field('unit')}
      />
      <TextField
        label={t('products.field.listPrice')}
        inputMode="decimal"
        maxLength={19}
        placeholder="12.50"
        {...form.field('listPrice')}
      />
      <SelectField
        label={t('products.field.currency')}
        options={currencyOptions(locale, [currency])}
        {...form.field('currency')}
      />
      <TextField
        label={t('products.field.moq')}
        type="number"
        min={1}
        step={1}
        hint={t('products.field.moqHint')}
        {...form.field('moq')}
      />
      <TextField
        label={t('products.field.imageUrl')}
        type="url"
        maxLength={2000}
        placeholder="https://"
        {...form.field('imageUrl')}
      />
      <div className="field field-wide">
        <label htmlFor={descriptionId}>{t('products.field.description')}</label>
        <textarea
          id={descriptionId}
          rows={3}
          maxLength={5000}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? `${descriptionId}-error` : undefined}
          {...form.register('description')}
        />
        {descriptionError && (
          <p id={`${descriptionId}-error`} className="field-error">
            {descriptionError}
          </p>
        )}
      </div>
      <div className="field field-wide">
        <label htmlFor={attributesId}>{t('products.field.attributes')}</label>
        <textarea
          id={attributesId}
          rows={3}
          placeholder={'color: white\nwattage: 40'}
          aria-invalid={attributesError ? true : undefined}
          aria-describedby={`${attributesId}-hint${attributesError ? ` ${attributesId}-error` : ''}`}
          {...form.register('attributes')}
        />
        <p id={`${attributesId}-hint`} className="field-hint">
          {t('products.field.attributesHint')}
        </p>
        {attributesError && (
          <p id={`${attributesId}-error`} className="field-error">
            {attributesError}
          </p>
        )}
      </div>
      <label className="field-wide checkbox-line">
        <input type="checkbox" {...form.register('active')} /> {t('products.field.activeHint')}
      </label>
      {alert ?? <FormAlert alert={form.alert} />}
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
