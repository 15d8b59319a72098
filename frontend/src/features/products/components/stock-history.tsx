import { useMemo } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useFormatters, useLocale, useT, type Translate } from '@/lib/i18n';
import { useStockMovements, type StockMovement } from '../api/list-stock-movements';

/**
 * The movement's quantity with the direction of the figure it changes: a receipt adds to on hand (+), a shipment
 * takes from it (−), a count correction either way; a reservation adds to what is reserved (+), a release takes
 * from it (−). The after-values beside it say the rest.
 */
export function signedQuantity(movement: Pick<StockMovement, 'kind' | 'quantity'>): number {
  switch (movement.kind) {
    case 'RELEASED':
    case 'SHIPPED':
      return -Math.abs(movement.quantity);
    case 'ADJUSTED':
      return movement.quantity;
    default:
      return Math.abs(movement.quantity);
  }
}

function actorName(t: Translate, movement: Pick<StockMovement, 'actorId' | 'actorName'>, meId: number): string {
  if (movement.actorId == null) return t('products.movement.bySystem');
  if (movement.actorId === meId) return t('products.movement.byMe');
  return movement.actorName ?? t('products.movement.byColleague');
}

/** A product's stock history, newest first: what moved, by how much, what was left, for which order, by whom. */
export function StockHistory({ productId, meId }: { productId: number; meId: number }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const movementsQuery = useStockMovements(productId);
  const signed = useMemo(() => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }), [locale]);
  const titleId = `stock-history-${productId}`;

  let body;
  if (movementsQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (movementsQuery.isLoadingError) {
    body = <QueryError error={movementsQuery.error} onRetry={() => void movementsQuery.refetch()} />;
  } else {
    const movements = movementsQuery.data.pages.flatMap((page) => page.items);
    body =
      movements.length === 0 ? (
        <p className="muted">{t('products.movement.empty')}</p>
      ) : (
        <div className="table-scroll table-cards table-cards-plain">
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('products.movement.kind')}</th>
                <th scope="col">{t('products.movement.quantity')}</th>
                <th scope="col">{t('products.movement.onHandAfter')}</th>
                <th scope="col">{t('products.movement.reservedAfter')}</th>
                <th scope="col">{t('products.movement.order')}</th>
                <th scope="col">{t('products.movement.by')}</th>
                <th scope="col">{t('products.movement.at')}</th>
                <th scope="col">{t('products.movement.note')}</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((movement) => (
                <tr key={movement.id}>
                  <th scope="row">{t(`stockKind.${movement.kind}`)}</th>
                  <td className="number" data-label={t('products.movement.quantity')}>
                    {signed.format(signedQuantity(movement))}
                  </td>
                  <td className="number" data-label={t('products.movement.onHandAfter')}>
                    {format.number(movement.onHandAfter)}
                  </td>
                  <td className="number" data-label={t('products.movement.reservedAfter')}>
                    {format.number(movement.reservedAfter)}
                  </td>
                  <td data-label={t('products.movement.order')}>
                    {movement.orderId != null ? (
                      <Link to={`/orders/${movement.orderId}`}>{t('products.movement.orderNumber', { id: String(movement.orderId) })}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('products.movement.by')}>{actorName(t, movement, meId)}</td>
                  <td data-label={t('products.movement.at')}>
                    <time dateTime={movement.createdAt}>{format.dateTime(movement.createdAt)}</time>
                  </td>
                  <td data-label={t('products.movement.note')} className="wrap-anywhere">
                    {movement.note ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{t('products.movement.title')}</h2>
      {body}
      <LoadMore query={movementsQuery} />
    </section>
  );
}
