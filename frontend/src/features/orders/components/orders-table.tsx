import { Link } from 'react-router';
import { useFormatters, useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import type { Order } from '../api/list-orders';
import { orderTitle, StatusChip } from './order-labels';

/** Orders as a table (cards on a phone): which, for whom, where it stands, its total and when it was written. */
export function OrdersTable({ orders, labelledBy, showCustomer }: { orders: Order[]; labelledBy: string; showCustomer: boolean }) {
  const t = useT();
  const format = useFormatters();
  const money = useMoney();
  return (
    <div className="table-scroll table-cards table-cards-plain">
      <table aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('orders.column.order')}</th>
            {showCustomer && <th scope="col">{t('orders.column.customer')}</th>}
            <th scope="col">{t('orders.column.status')}</th>
            <th scope="col" className="numeric">
              {t('orders.column.total')}
            </th>
            <th scope="col">{t('orders.column.created')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <th scope="row">
                <Link to={`/orders/${order.id}`}>{orderTitle(t, order)}</Link>
              </th>
              {showCustomer && (
                <td data-label={t('orders.column.customer')}>
                  <Link to={`/customers/${order.customerId}`}>
                    {order.customerName || t('orders.customerNumber', { id: String(order.customerId) })}
                  </Link>
                </td>
              )}
              <td data-label={t('orders.column.status')}>
                <StatusChip status={order.status} />
              </td>
              <td className="number" data-label={t('orders.column.total')}>
                {money(order.total, order.currency)}
              </td>
              <td data-label={t('orders.column.created')}>{format.date(order.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
