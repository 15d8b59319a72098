import { Link } from 'react-router';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { useT } from '@/lib/i18n';
import { useCustomerOrders } from '../api/list-customer-orders';
import { ORDER_KINDS } from '../api/list-orders';
import { OrdersTable } from './orders-table';

/**
 * "Quotations & orders" on a customer's page, newest first, with a way to write a new one. Read-only when the
 * person may not change the customer (a rep's view of a pool customer).
 */
export function CustomerOrders({ customerId, readOnly }: { customerId: number; readOnly: boolean }) {
  const t = useT();
  const ordersQuery = useCustomerOrders(customerId);
  const titleId = `customer-orders-${customerId}`;

  let body;
  if (ordersQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (ordersQuery.isLoadingError) body = <QueryError error={ordersQuery.error} onRetry={() => void ordersQuery.refetch()} />;
  else {
    const orders = ordersQuery.data.pages.flatMap((page) => page.items);
    body =
      orders.length === 0 ? (
        <p className="muted">{t('orders.customerEmpty')}</p>
      ) : (
        <OrdersTable orders={orders} labelledBy={titleId} showCustomer={false} />
      );
  }

  return (
    <section aria-labelledby={titleId} className="card">
      <div className="page-title">
        <h2 id={titleId}>{t('orders.customerTitle')}</h2>
        {!readOnly && (
          <div className="row-actions wrap">
            {ORDER_KINDS.map((kind) => (
              <Link key={kind} to={`/customers/${customerId}/orders/new?kind=${kind}`} className="button-link">
                {t(`orders.new.${kind}`)}
              </Link>
            ))}
          </div>
        )}
      </div>
      {readOnly && <p className="muted">{t('orders.readOnlyPool')}</p>}
      {body}
      <LoadMore query={ordersQuery} />
    </section>
  );
}
