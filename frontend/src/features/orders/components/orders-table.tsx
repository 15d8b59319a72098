import { Link } from 'react-router';
import { useFormatters, useT } from '@/lib/i18n';
import { useMoney } from '@/lib/money';
import { useOrderCustomer } from '../api/get-customer';
import type { Order } from '../api/list-orders';
import { orderTitle, StatusChip } from './order-labels';

/** The customer's name, looked up (and cached) per customer: the orders list names no customers itself. */
function CustomerName({ customerId }: { customerId: number }) {
  const t = useT();
  const customerQuery = useOrderCustomer(customerId);
  const name = customerQuery.data?.name ?? (customerQuery.isError ? t('orders.customerNumber', { id: String(customerId) }) : '…');
  return <Link to={`/customers/${customerId}`}>{name}</Link>;
}

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
                  <CustomerName customerId={order.customerId} />
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
