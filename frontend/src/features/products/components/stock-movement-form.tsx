import { useId, useRef, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { useFocusOnError, useFormErrors } from '@/components/form/use-form-errors';
import { useFormatters, useT } from '@/lib/i18n';
import { shortagesOf } from '@/lib/problem';
import type { Product } from '../api/list-products';
import { useRecordStockMovement } from '../api/record-stock-movement';

const FIELDS = ['quantity', 'note'] as const;
const MAX_QUANTITY = 1_000_000_000;

export type StockMovementFormKind = 'RECEIVED' | 'ADJUSTED';

/** The quantity typed, or null when it is not one this kind of movement takes (a receipt adds; a correction is ±, never 0). */
function quantityOf(text: string, kind: StockMovementFormKind): number | null {
  if (!/^-?\d{1,10}$/.test(text.trim())) return null;
  const quantity = Number(text.trim());
  if (quantity === 0 || Math.abs(quantity) > MAX_QUANTITY) return null;
  if (kind === 'RECEIVED' && quantity < 0) return null;
  return quantity;
}

/**
 * "Receive stock" (goods in: a positive count) or "Correct count" (after a stock count: the signed change),
 * with what on hand becomes shown while typing.
 */
export function StockMovementForm({
  product,
  kind,
  onDone,
  onCancel,
}: {
  product: Product;
  kind: StockMovementFormKind;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const format = useFormatters();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const recordMutation = useRecordStockMovement();
  const [quantityText, setQuantityText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const shortages = shortagesOf(recordMutation.error);
  const { fieldErrors, alert } = useFormErrors(shortages.length > 0 ? null : recordMutation.error, FIELDS);
  useFocusOnError(formRef, recordMutation.error);
  const receiving = kind === 'RECEIVED';
  const quantity = quantityOf(quantityText, kind);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    setInvalid(quantity === null);
    if (quantity === null) return;
    recordMutation.mutate(
      { productId: product.id, body: { kind, quantity, ...(note ? { note } : {}) } },
      {
        onSuccess: ({ product: after }) =>
          onDone(
            t(receiving ? 'products.receive.done' : 'products.correct.done', {
              quantity: format.number(Math.abs(quantity)),
              onHand: format.number(after.stock.onHand),
            }),
          ),
      },
    );
  }

  const quantityError = invalid
    ? t(receiving ? 'products.receive.invalid' : 'products.correct.invalid')
    : fieldErrors.quantity;
  return (
    <form ref={formRef} className="form stock-form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t(receiving ? 'products.receive.title' : 'products.correct.title')}</h3>
      <p className="muted">{t(receiving ? 'products.receive.explain' : 'products.correct.explain')}</p>
      <TextField
        label={t(receiving ? 'products.receive.quantity' : 'products.correct.quantity')}
        name="quantity"
        type="number"
        step={1}
        min={receiving ? 1 : undefined}
        required
        value={quantityText}
        onChange={(event) => setQuantityText(event.target.value)}
        hint={receiving ? undefined : t('products.correct.hint')}
        error={quantityError}
      />
      {/* What the count becomes, before anything is sent. */}
      <p role="status" className="muted">
        {quantity !== null
          ? t('products.movement.preview', {
              from: format.number(product.stock.onHand),
              to: format.number(product.stock.onHand + quantity),
            })
          : ''}
      </p>
      <TextField
        label={t('products.movement.note')}
        name="note"
        maxLength={500}
        hint={receiving ? t('products.receive.noteHint') : undefined}
        error={fieldErrors.note}
      />
      {shortages.length > 0 ? (
        <div role="alert" tabIndex={-1} className="form-alert">
          <ul>
            {shortages.map((shortage) => (
              <li key={shortage.productId}>
                {t('problem.shortage', {
                  sku: shortage.sku,
                  requested: format.number(shortage.requested),
                  available: format.number(shortage.available),
                })}
              </li>
            ))}
          </ul>
          <p>{t('products.correct.reservedHint')}</p>
        </div>
      ) : (
        <FormAlert alert={alert} />
      )}
      <div className="form-actions">
        <button type="submit" disabled={recordMutation.isPending}>
          {recordMutation.isPending
            ? t('customers.profile.saving')
            : t(receiving ? 'products.receive.submit' : 'products.correct.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
