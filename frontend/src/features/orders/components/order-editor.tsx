import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { StockBadge } from '@/components/stock-badge';
import { useFormatters, useLocale, useT, type Translate } from '@/lib/i18n';
import { currencyOptions, useMoney } from '@/lib/money';
import type { Incoterm, Order, OrderInput, OrderKind, OrderLineInput } from '../api/list-orders';
import { INCOTERMS } from '../api/list-orders';
import { useProductStock, type Product } from '../api/search-products';
import { parseDiscount, parseQuantity, parseUnitPrice, previewTotals } from '../lib/totals';
import { ProductPicker } from './product-picker';

/** A line as it is being written: every figure the text of its input. */
export interface LineDraft {
  /** Stable across edits and removals, for React. */
  key: number;
  productId: number | null;
  sku: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

// The fields the form shows; an error on any other (kind, which cannot change) goes to the alert, named.
const HEADER_FIELDS = ['currency', 'incoterm', 'expectedShipDate', 'notes', 'lines'] as const;
const LINE_FIELDS = ['productId', 'description', 'quantity', 'unitPrice', 'discountPercent'] as const;
type LineField = (typeof LINE_FIELDS)[number];

/** How the server names a line's field in its errors: `lines[2].unitPrice`. */
function lineField(index: number, field: LineField) {
  return `lines[${index}].${field}`;
}

let nextKey = 1;

function emptyLine(): LineDraft {
  return { key: nextKey++, productId: null, sku: null, description: '', quantity: '', unitPrice: '', discountPercent: '' };
}

function linesOf(order: Order | undefined): LineDraft[] {
  if (!order || order.lines.length === 0) return [emptyLine()];
  return order.lines.map((line) => ({
    key: nextKey++,
    productId: line.productId ?? null,
    sku: line.sku ?? null,
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: line.unitPrice,
    discountPercent: Number(line.discountPercent) === 0 ? '' : line.discountPercent,
  }));
}

/** What the server would refuse in any case, said before sending: a request that breaks the contract is never sent. */
function validateLines(lines: LineDraft[], t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  lines.forEach((line, index) => {
    if (parseQuantity(line.quantity) === null) errors[lineField(index, 'quantity')] = t('orders.error.quantity');
    if (line.unitPrice.trim() === '') {
      // A product line may leave the price to the server (its list price); a free-text line may not.
      if (line.productId === null) errors[lineField(index, 'unitPrice')] = t('fieldError.REQUIRED');
    } else if (parseUnitPrice(line.unitPrice) === null) errors[lineField(index, 'unitPrice')] = t('orders.error.price');
    if (parseDiscount(line.discountPercent) === null) errors[lineField(index, 'discountPercent')] = t('orders.error.discount');
    if (line.productId === null && line.description.trim() === '') {
      errors[lineField(index, 'description')] = t('orders.error.description');
    }
  });
  return errors;
}

/** The order as the API takes it; PUT replaces every member, so cleared terms are sent as null. */
export function orderBody(kind: OrderKind, terms: Terms, lines: LineDraft[]): OrderInput {
  return {
    kind,
    currency: terms.currency,
    incoterm: terms.incoterm === '' ? null : terms.incoterm,
    expectedShipDate: terms.expectedShipDate === '' ? null : terms.expectedShipDate,
    notes: terms.notes.trim() === '' ? null : terms.notes.trim(),
    lines: lines.map((line) => {
      const input: OrderLineInput = { quantity: Number(line.quantity.trim()) };
      if (line.productId !== null) input.productId = line.productId;
      if (line.description.trim()) input.description = line.description.trim();
      if (line.unitPrice.trim()) input.unitPrice = line.unitPrice.trim();
      if (line.discountPercent.trim()) input.discountPercent = line.discountPercent.trim();
      return input;
    }),
  };
}

interface Terms {
  currency: string;
  incoterm: Incoterm | '';
  expectedShipDate: string;
  notes: string;
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
  line,
  index,
  currency,
  lineTotal,
  errors,
  canRemove,
  onChange,
  onPick,
  onRemove,
}: {
  line: LineDraft;
  index: number;
  currency: string;
  lineTotal: string | null;
  errors: Record<string, string>;
  canRemove: boolean;
  onChange: (patch: Partial<LineDraft>) => void;
  onPick: (product: Product) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const money = useMoney();
  const legendId = useId();
  const number = String(index + 1);
  const error = (field: LineField) => errors[lineField(index, field)];
  return (
    <fieldset className="order-line" aria-labelledby={legendId}>
      <legend id={legendId}>{t('orders.line.title', { n: number })}</legend>
      {line.productId !== null ? (
        <PickedProduct
          productId={line.productId}
          sku={line.sku}
          quantity={line.quantity}
          onChange={() => onChange({ productId: null, sku: null })}
        />
      ) : (
        <ProductPicker label={t('orders.line.product', { n: number })} onPick={onPick} />
      )}
      {error('productId') && <p className="field-error">{error('productId')}</p>}
      <div className="order-line-fields">
        <TextField
          label={t('orders.line.descriptionOf', { n: number })}
          name={lineField(index, 'description')}
          maxLength={500}
          value={line.description}
          onChange={(event) => onChange({ description: event.target.value })}
          hint={line.productId === null ? t('orders.line.freeTextHint') : undefined}
          error={error('description')}
        />
        <TextField
          label={t('orders.line.quantityOf', { n: number })}
          name={lineField(index, 'quantity')}
          type="number"
          min={1}
          step={1}
          value={line.quantity}
          onChange={(event) => onChange({ quantity: event.target.value })}
          error={error('quantity')}
        />
        <TextField
          label={t('orders.line.unitPriceOf', { n: number, currency })}
          name={lineField(index, 'unitPrice')}
          inputMode="decimal"
          maxLength={19}
          value={line.unitPrice}
          onChange={(event) => onChange({ unitPrice: event.target.value })}
          error={error('unitPrice')}
        />
        <TextField
          label={t('orders.line.discountOf', { n: number })}
          name={lineField(index, 'discountPercent')}
          inputMode="decimal"
          maxLength={6}
          value={line.discountPercent}
          placeholder="0"
          onChange={(event) => onChange({ discountPercent: event.target.value })}
          error={error('discountPercent')}
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
  const formRef = useRef<HTMLFormElement>(null);
  const notesId = useId();
  const [terms, setTerms] = useState<Terms>({
    currency: order?.currency ?? 'USD',
    incoterm: order?.incoterm ?? '',
    expectedShipDate: order?.expectedShipDate ?? '',
    notes: order?.notes ?? '',
  });
  // A new order takes the first product's currency, unless the person chose one first.
  const [currencyChosen, setCurrencyChosen] = useState(order !== undefined);
  const [lines, setLines] = useState<LineDraft[]>(() => linesOf(order));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});

  const fieldNames = useMemo(
    () => [...HEADER_FIELDS, ...lines.flatMap((_, index) => LINE_FIELDS.map((field) => lineField(index, field)))],
    [lines],
  );
  const { fieldErrors: serverErrors, alert: serverAlert } = useFormErrors(alert ? null : error, fieldNames);
  const fieldErrors: Record<string, string> = { ...(serverErrors as Record<string, string>), ...clientErrors };
  useFocusOnError(formRef, error);
  const preview = previewTotals(lines, terms.currency);

  function changeLine(key: number, patch: Partial<LineDraft>) {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  }

  function pickProduct(key: number, product: Product) {
    const firstProduct = !currencyChosen && !lines.some((line) => line.productId !== null);
    const currency = firstProduct ? product.currency : terms.currency;
    if (firstProduct) setTerms((current) => ({ ...current, currency }));
    setLines((current) =>
      current.map((line) =>
        line.key === key
          ? {
              ...line,
              productId: product.id,
              sku: product.sku,
              // The product's name unless the person wrote their own words.
              description: line.description.trim() === '' ? product.name : line.description,
              // The list price when it is in the order's currency; otherwise the person prices it.
              unitPrice: product.listPrice != null && product.currency === currency ? product.listPrice : line.unitPrice,
            }
          : line,
      ),
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validateLines(lines, t);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(orderBody(kind, terms, lines));
  }

  return (
    <form ref={formRef} className="form order-editor" onSubmit={handleSubmit} noValidate aria-busy={pending}>
      <fieldset className="order-terms-fields">
        <legend>{t('orders.terms')}</legend>
        <div className="field-row">
          <SelectField
            label={t('orders.field.currency')}
            name="currency"
            value={terms.currency}
            options={currencyOptions(locale, [terms.currency])}
            onChange={(event) => {
              setCurrencyChosen(true);
              setTerms({ ...terms, currency: event.target.value });
            }}
            error={fieldErrors.currency}
          />
          <SelectField
            label={t('orders.field.incoterm')}
            name="incoterm"
            value={terms.incoterm}
            options={[{ value: '', label: t('orders.field.noIncoterm') }, ...INCOTERMS.map((code) => ({ value: code, label: code }))]}
            onChange={(event) => setTerms({ ...terms, incoterm: event.target.value as Incoterm | '' })}
            error={fieldErrors.incoterm}
          />
          <TextField
            label={t('orders.field.expectedShipDate')}
            name="expectedShipDate"
            type="date"
            value={terms.expectedShipDate}
            onChange={(event) => setTerms({ ...terms, expectedShipDate: event.target.value })}
            error={fieldErrors.expectedShipDate}
          />
        </div>
        <div className="field">
          <label htmlFor={notesId}>{t('orders.field.notes')}</label>
          <textarea
            id={notesId}
            name="notes"
            rows={3}
            maxLength={5000}
            value={terms.notes}
            onChange={(event) => setTerms({ ...terms, notes: event.target.value })}
            aria-invalid={fieldErrors.notes ? true : undefined}
          />
          {fieldErrors.notes && <p className="field-error">{fieldErrors.notes}</p>}
        </div>
      </fieldset>

      <h2>{t('orders.lines')}</h2>
      {fieldErrors.lines && <p className="field-error">{fieldErrors.lines}</p>}
      {lines.map((line, index) => (
        <LineEditor
          key={line.key}
          line={line}
          index={index}
          currency={terms.currency}
          lineTotal={preview.lineTotals[index] ?? null}
          errors={fieldErrors}
          canRemove={lines.length > 1}
          onChange={(patch) => changeLine(line.key, patch)}
          onPick={(product) => pickProduct(line.key, product)}
          onRemove={() => {
            // Server errors name lines by position: once lines move, theirs no longer fit.
            setClientErrors({});
            setLines((current) => current.filter((other) => other.key !== line.key));
          }}
        />
      ))}
      <div>
        <button type="button" onClick={() => setLines((current) => [...current, emptyLine()])}>
          {t('orders.line.add')}
        </button>
      </div>

      <section className="totals-preview" aria-labelledby="totals-preview-title">
        <h2 id="totals-preview-title">{t('orders.preview.title')}</h2>
        <dl className="order-totals" aria-label={t('orders.preview.title')}>
          <div>
            <dt>{t('orders.subtotal')}</dt>
            <dd>{money(preview.subtotal, terms.currency)}</dd>
          </div>
          <div>
            <dt>{t('orders.discountTotal')}</dt>
            <dd>{money(preview.discountTotal, terms.currency)}</dd>
          </div>
          <div className="order-total">
            <dt>{t('orders.total')}</dt>
            <dd>{money(preview.total, terms.currency)}</dd>
          </div>
        </dl>
        <p className="muted small">
          {preview.complete ? t('orders.preview.note') : t('orders.preview.incomplete')}
        </p>
      </section>

      {alert ?? <FormAlert alert={serverAlert} />}
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
