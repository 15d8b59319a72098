import { useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import * as z from 'zod/mini';
import { FormAlert } from '@/components/form/form-alert';
import { TextField } from '@/components/form/text-field';
import { applyServerErrors, useZodForm } from '@/components/form/use-zod-form';
import { fieldMessageParams } from '@/lib/form-messages';
import { optionalText } from '@/lib/form-schemas';
import { useFormatters, useT } from '@/lib/i18n';
import { shortagesOf } from '@/lib/problem';
import type { Product } from '../api/list-products';
import { useRecordStockMovement } from '../api/record-stock-movement';

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

/** The server's rules (StockMovementInput, ProductService.recordMovement) for this kind of movement. */
function stockMovementSchema(kind: StockMovementFormKind) {
  return z.object({
    quantity: z.string().check(
      z.refine((value) => quantityOf(value, kind) !== null, {
        params: fieldMessageParams(kind === 'RECEIVED' ? 'products.receive.invalid' : 'products.correct.invalid'),
      }),
    ),
    note: optionalText(500),
  });
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
  const recordMutation = useRecordStockMovement();
  const schema = useMemo(() => stockMovementSchema(kind), [kind]);
  const form = useZodForm(schema, { defaultValues: { quantity: '', note: '' } });
  const shortages = shortagesOf(recordMutation.error);
  const receiving = kind === 'RECEIVED';
  const quantityText = useWatch({ control: form.control, name: 'quantity' });
  const quantity = quantityOf(quantityText, kind);

  const handleSubmit = form.handleSubmit((values) => {
    if (recordMutation.isPending) return;
    const moved = Number(values.quantity.trim());
    recordMutation.mutate(
      { productId: product.id, body: { kind, quantity: moved, ...(values.note ? { note: values.note } : {}) } },
      {
        onSuccess: ({ product: after }) =>
          onDone(
            t(receiving ? 'products.receive.done' : 'products.correct.done', {
              quantity: format.number(Math.abs(moved)),
              onHand: format.number(after.stock.onHand),
            }),
          ),
        // Too little stock for a correction is said in its own alert (below), with the figures.
        onError: (error) => (shortagesOf(error).length > 0 ? form.focusFirstError() : applyServerErrors(form, error)),
      },
    );
  });

  return (
    <form ref={form.formRef} className="form stock-form" aria-labelledby={titleId} onSubmit={handleSubmit} noValidate>
      <h3 id={titleId}>{t(receiving ? 'products.receive.title' : 'products.correct.title')}</h3>
      <p className="muted">{t(receiving ? 'products.receive.explain' : 'products.correct.explain')}</p>
      <TextField
        label={t(receiving ? 'products.receive.quantity' : 'products.correct.quantity')}
        type="number"
        step={1}
        min={receiving ? 1 : undefined}
        required
        hint={receiving ? undefined : t('products.correct.hint')}
        {...form.field('quantity')}
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
        maxLength={500}
        hint={receiving ? t('products.receive.noteHint') : undefined}
        {...form.field('note')}
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
        <FormAlert alert={form.alert} />
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
