import { useEffect, useId, useState, type ReactNode } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm, type ZodForm } from '@/components/form/use-zod-form';
import { StockBadge } from '@/components/stock-badge';
import { fieldMessageParams } from '@/lib/form-messages';
import { matching, optionalText } from '@/lib/form-schemas';
import { useFormatters, useLocale, useT } from '@/lib/i18n';
import { CURRENCY_PATTERN, currencyOptions, useMoney } from '@/lib/money';
import type { Order, OrderInput, OrderKind, OrderLineInput } from '../api/list-orders';
import { INCOTERMS } from '../api/list-orders';
import { useProductStock, type Product } from '../api/search-products';
import { parseDiscount, parseQuantity, parseUnitPrice, previewTotals } from '../lib/totals';
import { ProductPicker } from './product-picker';

/** The contract's limit on an order's lines (OrderInput.lines). */
const MAX_LINES = 200;

/**
 * A line's checks, the server's (OrderLineInput, OrderService.price): a whole quantity, prices and discounts in the
 * contract's decimal form, and a free-text line (no product) needs its own description and price.
 */
const lineSchema = z
  .object({
    productId: z.nullable(z.number()),
    sku: z.nullable(z.string()),
    description: optionalText(500),
    quantity: z
      .string()
      .check(z.refine((value) => parseQuantity(value) !== null, { params: fieldMessageParams('orders.error.quantity') })),
    unitPrice: z
      .string()
      .check(
        z.trim(),
        z.refine((value) => value === '' || parseUnitPrice(value) !== null, { params: fieldMessageParams('orders.error.price') }),
      ),
    discountPercent: z
      .string()
      .check(z.trim(), z.refine((value) => parseDiscount(value) !== null, { params: fieldMessageParams('orders.error.discount') })),
  })
  .check(
    // A product line may leave the price to the server (its list price); a free-text line may not.
    z.refine(({ productId, unitPrice }) => productId !== null || unitPrice.trim() !== '', {
      path: ['unitPrice'],
      params: fieldMessageParams('fieldError.REQUIRED'),
      // Also when another field is wrong: one submit names every mistake.
      when: () => true,
    }),
    z.refine(({ productId, description }) => productId !== null || description.trim() !== '', {
      path: ['description'],
      params: fieldMessageParams('orders.error.description'),
      when: () => true,
    }),
  );

/** The order's checks (OrderInput); each line's as above. */
const orderSchema = z.object({
  currency: z.string().check(z.minLength(1), matching(CURRENCY_PATTERN)),
  incoterm: z.union([z.literal(''), z.enum(INCOTERMS)]),
  expectedShipDate: z.string().check(matching(/^\d{4}-\d{2}-\d{2}$/)),
  notes: optionalText(5000),
  lines: z
    .array(lineSchema)
    .check(
      z.minLength(1),
      z.refine((lines) => lines.length <= MAX_LINES, {
        params: fieldMessageParams('orders.error.tooManyLines', { max: MAX_LINES }),
        when: () => true,
      }),
    ),
});

/** The editor as typed: every figure the text of its input. */
type OrderFormValues = z.input<typeof orderSchema>;
/** A line as it is being written. */
type LineValues = OrderFormValues['lines'][number];
type OrderForm = ZodForm<OrderFormValues, z.output<typeof orderSchema>>;

function emptyLine(): LineValues {
  return { productId: null, sku: null, description: '', quantity: '', unitPrice: '', discountPercent: '' };
}

function linesOf(order: Order | undefined): LineValues[] {
  if (!order || order.lines.length === 0) return [emptyLine()];
  return order.lines.map((line) => ({
    productId: line.productId ?? null,
    sku: line.sku ?? null,
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: line.unitPrice,
    discountPercent: Number(line.discountPercent) === 0 ? '' : line.discountPercent,
  }));
}

/** The order as the API takes it, from the checked (trimmed) values; PUT replaces every member, so cleared terms are sent as null. */
function orderBody(kind: OrderKind, values: z.output<typeof orderSchema>): OrderInput {
  return {
    kind,
    currency: values.currency,
    incoterm: values.incoterm === '' ? null : values.incoterm,
    expectedShipDate: values.expectedShipDate === '' ? null : values.expectedShipDate,
    notes: values.notes === '' ? null : values.notes,
    lines: values.lines.map((line) => {
      const input: OrderLineInput = { quantity: Number(line.quantity.trim()) };
      if (line.productId !== null) input.productId = line.productId;
      if (line.description) input.description = line.description;
      if (line.unitPrice) input.unitPrice = line.unitPrice;
      if (line.discountPercent) input.discountPercent = line.discountPercent;
      return input;
    }),
  };
}

/** The picked product of a line, with the stock free now (asked again every 15 seconds while the editor is open). */
function PickedProduct({ productId, sku, quantity, onChange }: { productId: number; sku: string | null; quantity: string; onChange: () => void }) {
  const t = useT();
  const format = useFormatters();
  const stockQuery = useProductStock(productId);
  const product = stockQuery.data;
  const wanted = parseQuantity(quantity);
  const short = product !== undefined && wanted !== null && wanted > BigInt(product.stock.available);
  return (
    <div className="picked-product">
      <span>
        <span className="sku">{product?.sku ?? sku ?? ''}</span> {product?.name ?? ''}
      </span>
      {product && <StockBadge stock={product.stock} moq={product.moq} compact />}
      {short && product && (
        <span className="field-error">{t('orders.line.moreThanAvailable', { available: format.number(product.stock.available) })}</span>
      )}
      <button type="button" className="link-button" onClick={onChange}>
        {t('orders.line.changeProduct')}
      </button>
    </div>
  );
}

function LineEditor({
  form,
  index,
  currency,
  lineTotal,
  canRemove,
  onPick,
  onUnpick,
  onRemove,
}: {
  form: OrderForm;
  index: number;
  currency: string;
  lineTotal: string | null;
  canRemove: boolean;
  onPick: (product: Product) => void;
  onUnpick: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  const money = useMoney();
  const legendId = useId();
  const productErrorId = useId();
  const line = useWatch({ control: form.control, name: `lines.${index}` });
  const number = String(index + 1);
  // The server's word on the product (inactive, not in the catalogue), which has no input of its own.
  const productError = form.fieldError(`lines.${index}.productId`);
  return (
    <fieldset className="order-line" aria-labelledby={legendId} aria-describedby={productError ? productErrorId : undefined}>
      <legend id={legendId}>{t('orders.line.title', { n: number })}</legend>
      {line.productId !== null ? (
        <PickedProduct productId={line.productId} sku={line.sku} quantity={line.quantity} onChange={onUnpick} />
      ) : (
        <ProductPicker label={t('orders.line.product', { n: number })} onPick={onPick} />
      )}
      {productError && (
        <p id={productErrorId} className="field-error">
          {productError}
        </p>
      )}
      <div className="order-line-fields">
        <TextField
          label={t('orders.line.descriptionOf', { n: number })}
          maxLength={500}
          hint={line.productId === null ? t('orders.line.freeTextHint') : undefined}
          {...form.field(`lines.${index}.description`)}
        />
        <TextField
          label={t('orders.line.quantityOf', { n: number })}
          type="number"
          min={1}
          step={1}
          {...form.field(`lines.${index}.quantity`)}
        />
        <TextField
          label={t('orders.line.unitPriceOf', { n: number, currency })}
          inputMode="decimal"
          maxLength={19}
          {...form.field(`lines.${index}.unitPrice`)}
        />
        <TextField
          label={t('orders.line.discountOf', { n: number })}
          inputMode="decimal"
          maxLength={6}
          placeholder="0"
          {...form.field(`lines.${index}.discountPercent`)}
        />
      </div>
      <div className="order-line-footer">
        <span>
          {t('orders.line.totalPreview')}{' '}
          <strong>{lineTotal !== null ? money(lineTotal, currency) : '—'}</strong>
        </span>
        {canRemove && (
          <button type="button" className="link-button" onClick={onRemove}>
            {t('orders.line.remove', { n: number })}
          </button>
        )}
      </div>
    </fieldset>
  );
}

export interface OrderEditorProps {
  kind: OrderKind;
  /** The draft being rewritten; none for a new one. */
  order?: Order;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /** Words for a refusal the screen knows better than the generic message (a stale version). */
  alert?: ReactNode;
  onSubmit: (body: OrderInput) => void;
  onCancel: () => void;
}

/**
 * Currency, terms and lines of a quotation, sample order or order, with a live preview of its totals (computed
 * the server's way, but only a preview: the saved order's totals are the server's).
 */
export function OrderEditor({ kind, order, error, pending, submitLabel, alert, onSubmit, onCancel }: OrderEditorProps) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const notesId = useId();
  const form: OrderForm = useZodForm<OrderFormValues, z.output<typeof orderSchema>>(orderSchema, {
    defaultValues: {
      currency: order?.currency ?? 'USD',
      incoterm: order?.incoterm ?? '',
      expectedShipDate: order?.expectedShipDate ?? '',
      notes: order?.notes ?? '',
      lines: linesOf(order),
    },
  });
  const { fields: lineRows, append, remove } = useFieldArray({ control: form.control, name: 'lines' });
  // A new order takes the first product's currency, unless the person chose one first.
  const [currencyChosen, setCurrencyChosen] = useState(order !== undefined);
  const [currency, lines] = useWatch({ control: form.control, name: ['currency', 'lines'] });
  const preview = previewTotals(lines, currency);
  const notesError = form.fieldError('notes');
  const linesError = form.fieldError('lines');

  // The screen's save failed: its field errors go on the inputs (`lines[2].quantity` on line 3's), the rest in the
  // alert; a problem the screen words itself (a stale version) has its own alert instead.
  useEffect(() => {
    if (!error) return;
    if (alert) form.focusFirstError();
    else applyServerErrors(form, error);
    // Once per failure (`form` and `alert` are new objects on each render, so not dependencies).
  }, [error]);

  /** After a line changed by a pick, its checks again, once a submit has shown them. */
  function recheckLine(index: number) {
    if (form.formState.isSubmitted) void form.trigger(`lines.${index}`);
  }

  function pickProduct(index: number, product: Product) {
    const values = form.getValues();
    const firstProduct = !currencyChosen && !values.lines.some((line) => line.productId !== null);
    const orderCurrency = firstProduct ? product.currency : values.currency;
    if (firstProduct) form.setValue('currency', orderCurrency);
    const line = values.lines[index] ?? emptyLine();
    form.setValue(`lines.${index}`, {
      ...line,
      productId: product.id,
      sku: product.sku,
      // The product's name unless the person wrote their own words.
      description: line.description.trim() === '' ? product.name : line.description,
      // The list price when it is in the order's currency; otherwise the person prices it.
      unitPrice: product.listPrice != null && product.currency === orderCurrency ? product.listPrice : line.unitPrice,
    });
    recheckLine(index);
  }

  function unpickProduct(index: number) {
    form.setValue(`lines.${index}.productId`, null);
    form.setValue(`lines.${index}.sku`, null);
    recheckLine(index);
  }

  const handleSubmit = form.handleSubmit((values) => onSubmit(orderBody(kind, values)));

  return (
    <form ref={form.formRef} className="form order-editor" onSubmit={handleSubmit} noValidate aria-busy={pending}>
      <fieldset className="order-terms-fields">
        <legend>{t('orders.terms')}</legend>
        <div className="field-row">
          <SelectField
            label={t('orders.field.currency')}
            options={currencyOptions(locale, [currency])}
            {...form.field('currency', { onChange: () => setCurrencyChosen(true) })}
          />
          <SelectField
            label={t('orders.field.incoterm')}
            options={[{ value: '', label: t('orders.field.noIncoterm') }, ...INCOTERMS.map((code) => ({ value: code, label: code }))]}
            {...form.field('incoterm')}
          />
          <TextField label={t('orders.field.expectedShipDate')} type="date" {...form.field('expectedShipDate')} />
        </div>
        <div className="field">
          <label htmlFor={notesId}>{t('orders.field.notes')}</label>
          <textarea
            id={notesId}
            rows={3}
            maxLength={5000}
            aria-invalid={notesError ? true : undefined}
            aria-describedby={notesError ? `${notesId}-error` : undefined}
            {...form.register('notes')}
          />
          {notesError && (
            <p id={`${notesId}-error`} className="field-error">
              {notesError}
            </p>
          )}
        </div>
      </fieldset>

      <h2>{t('orders.lines')}</h2>
      {linesError && <p className="field-error">{linesError}</p>}
      {lineRows.map((row, index) => (
        <LineEditor
          key={row.id}
          form={form}
          index={index}
          currency={currency}
          lineTotal={preview.lineTotals[index] ?? null}
          canRemove={lineRows.length > 1}
          onPick={(product) => pickProduct(index, product)}
          onUnpick={() => unpickProduct(index)}
          onRemove={() => {
            // Errors name lines by position: once lines move, theirs no longer fit.
            form.clearErrors('lines');
            remove(index);
          }}
        />
      ))}
      <div>
        <button type="button" onClick={() => append(emptyLine(), { shouldFocus: false })}>
          {t('orders.line.add')}
        </button>
      </div>

      <section className="totals-preview" aria-labelledby="totals-preview-title">
        <h2 id="totals-preview-title">{t('orders.preview.title')}</h2>
        <dl className="order-totals" aria-label={t('orders.preview.title')}>
          <div>
            <dt>{t('orders.subtotal')}</dt>
            <dd>{money(preview.subtotal, currency)}</dd>
          </div>
          <div>
            <dt>{t('orders.discountTotal')}</dt>
            <dd>{money(preview.discountTotal, currency)}</dd>
          </div>
          <div className="order-total">
            <dt>{t('orders.total')}</dt>
            <dd>{money(preview.total, currency)}</dd>
          </div>
        </dl>
        <p className="muted small">
          {preview.complete ? t('orders.preview.note') : t('orders.preview.incomplete')}
        </p>
      </section>

      {alert ?? <FormAlert alert={form.alert} />}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? t('customers.profile.saving') : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
