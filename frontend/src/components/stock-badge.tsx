import { useFormatters, useT } from '@/lib/i18n';

export interface StockFigures {
  onHand: number;
  reserved: number;
  available: number;
}

/** Below this many free units a product counts as running low, whatever its minimum order quantity. */
export const LOW_STOCK = 10;

export type StockLevel = 'out' | 'low' | 'ok';

/** Out of stock when nothing is free; low when less is free than one minimum order, or fewer than LOW_STOCK. */
export function stockLevel(available: number, moq?: number | null): StockLevel {
  if (available <= 0) return 'out';
  if (available < Math.max(moq ?? 0, LOW_STOCK)) return 'low';
  return 'ok';
}

/**
 * What is free to sell, marked "Out of stock" or "Low" in words and colour, with on hand and reserved beside it
 * (`compact` leaves those out, for pickers).
 */
export function StockBadge({ stock, moq, compact = false }: { stock: StockFigures; moq?: number | null; compact?: boolean }) {
  const t = useT();
  const format = useFormatters();
  const level = stockLevel(stock.available, moq);
  return (
    <span className="stock">
      <span className={`stock-badge stock-${level}`}>
        {level === 'out' && <strong>{t('stock.out')}</strong>}
        {level === 'low' && <strong>{t('stock.low')}</strong>}
        <span>{t('stock.available', { count: format.number(stock.available) })}</span>
      </span>
      {!compact && (
        <span className="muted small">
          {t('stock.onHandReserved', { onHand: format.number(stock.onHand), reserved: format.number(stock.reserved) })}
        </span>
      )}
    </span>
  );
}
