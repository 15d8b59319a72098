import { useMemo } from 'react';
import { useFormatters, useLocale, useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import type { OrderCustomer } from '../api/get-customer';
import type { Order } from '../api/list-orders';
import { orderTitle, StatusChip } from './order-labels';

/** A calendar date as written ("2026-04-01"), in the reader's words, on that day wherever the reader is. */
function useLocalDate() {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    // Without a time zone the date is read as local midnight: no day shift west of UTC.
    return (isoDate: string) => format.format(new Date(`${isoDate}T00:00:00`));
  }, [locale]);
}

/** "5 %" as the reader's language writes a percentage; nothing for no discount. */
function usePercent() {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    // Display only: the discount itself stays the server's exact decimal.
    return (percent: string) => (Number(percent) === 0 ? '' : format.format(Number(percent) / 100));
  }, [locale]);
}

/**
 * The quotation or order as a document: who it is for, its lines, totals and terms. It is the order page's body
 * on screen and all that prints (the print stylesheet hides the rest).
 */
export function OrderDocument({ order, customer, storeName }: { order: Order; customer: OrderCustomer | undefined; storeName?: string }) {
  const t = useT();
  const format = useFormatters();
  const money = useMoney();
  const localDate = useLocalDate();
  const percent = usePercent();
  const titleId = `order-title-${order.id}`;
  const linesId = `order-lines-${order.id}`;

  return (
    <article className="card order-document" aria-labelledby={titleId}>
      {storeName && <p className="print-only order-store">{storeName}</p>}
      <div className="order-head">
        <div>
          <h1 id={titleId}>{orderTitle(t, order)}</h1>
          <StatusChip status={order.status} />
        </div>
        <dl className="order-meta">
          <div>
            <dt>{t('orders.column.customer')}</dt>
            <dd>
              {customer ? (
                <>
                  {customer.name}
                  {customer.companyName && <span className="order-company">{customer.companyName}</span>}
                </>
              ) : (
                t('orders.customerNumber', { id: String(order.customerId) })
              )}
            </dd>
          </div>
          <div>
            <dt>{t('orders.field.date')}</dt>
            <dd>{format.date(order.createdAt)}</dd>
          </div>
        </dl>
      </div>

      <h2 id={linesId} className="visually-hidden">
        {t('orders.lines')}
      </h2>
      <div className="table-scroll table-cards table-cards-plain">
        <table aria-labelledby={linesId} className="order-lines">
          <thead>
            <tr>
              <th scope="col">{t('orders.line.description')}</th>
              <th scope="col">{t('orders.line.sku')}</th>
              <th scope="col" className="numeric">
                {t('orders.line.quantity')}
              </th>
              <th scope="col" className="numeric">
                {t('orders.line.unitPrice')}
              </th>
              <th scope="col" className="numeric">
                {t('orders.line.discount')}
              </th>
              <th scope="col" className="numeric">
                {t('orders.line.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.lineNo}>
                <th scope="row">{line.description}</th>
                <td data-label={t('orders.line.sku')} className="sku">
                  {line.sku ?? '—'}
                </td>
                <td className="number" data-label={t('orders.line.quantity')}>
                  {format.number(line.quantity)}
                </td>
                <td className="number" data-label={t('orders.line.unitPrice')}>
                  {money(line.unitPrice, order.currency)}
                </td>
                <td className="number" data-label={t('orders.line.discount')}>
                  {percent(line.discountPercent) || '—'}
                </td>
                <td className="number" data-label={t('orders.line.total')}>
                  {money(line.lineTotal, order.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <dl className="order-totals" aria-label={t('orders.totals')}>
        <div>
          <dt>{t('orders.subtotal')}</dt>
          <dd>{money(order.subtotal, order.currency)}</dd>
        </div>
        <div>
          <dt>{t('orders.discountTotal')}</dt>
          <dd>{money(order.discountTotal, order.currency)}</dd>
        </div>
        <div className="order-total">
          <dt>{t('orders.total')}</dt>
          <dd>{money(order.total, order.currency)}</dd>
        </div>
      </dl>

      <h2 className="order-terms-title">{t('orders.terms')}</h2>
      <dl className="order-meta order-terms">
        <div>
          <dt>{t('orders.field.currency')}</dt>
          <dd>{order.currency}</dd>
        </div>
        <div>
          <dt>{t('orders.field.incoterm')}</dt>
          <dd>{order.incoterm ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('orders.field.expectedShipDate')}</dt>
          <dd>{order.expectedShipDate ? localDate(order.expectedShipDate) : '—'}</dd>
        </div>
        {order.notes && (
          <div className="order-notes">
            <dt>{t('orders.field.notes')}</dt>
            <dd>{order.notes}</dd>
          </div>
        )}
      </dl>
    </article>
  );
}
