import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Field } from '@/components/form/filter-controls';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { isOrderKind, isOrderStatus, ORDER_KINDS, ORDER_STATUSES, useOrders, type OrderFilters } from '../api/list-orders';
import { OrdersTable } from './orders-table';

function filtersOf(search: URLSearchParams): OrderFilters {
  const filters: OrderFilters = {};
  const status = search.get('status');
  const kind = search.get('kind');
  if (isOrderStatus(status)) filters.status = status;
  if (isOrderKind(kind)) filters.kind = kind;
  return filters;
}

/** Orders: the store's quotations and orders, newest first (a rep's: those of their own customers), by status and kind. */
export function OrdersScreen({ role }: { role: Role }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const searchKey = search.toString();
  const filters = useMemo(() => filtersOf(new URLSearchParams(searchKey)), [searchKey]);
  const ordersQuery = useOrders(filters);
  const orders = ordersQuery.data?.pages.flatMap((page) => page.items) ?? [];
  const busy = ordersQuery.isFetching && !ordersQuery.isFetchingNextPage && !ordersQuery.isPending;
  const filtered = Object.keys(filters).length > 0;

  function setFilter(key: keyof OrderFilters, value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next);
  }

  let body;
  if (ordersQuery.isPending) {
    body = (
      <p role="status" className="table-placeholder">
        {t('app.loading')}
      </p>
    );
  } else if (ordersQuery.isLoadingError || (ordersQuery.isRefetchError && orders.length === 0)) {
    body = <QueryError error={ordersQuery.error} onRetry={() => void ordersQuery.refetch()} />;
  } else if (orders.length === 0) {
    body = <p className="empty table-placeholder">{filtered ? t('orders.emptyFiltered') : t('orders.empty')}</p>;
  } else {
    body = <OrdersTable orders={orders} labelledBy="orders-title" showCustomer />;
  }

  return (
    <div className="stack">
      <div>
        <h1 id="orders-title">{t('orders.title')}</h1>
        <p className="muted">{role === 'REP' ? t('orders.introRep') : t('orders.intro')}</p>
      </div>
      <div role="search" aria-label={t('orders.filter.title')} className="card filter-search">
        <Field label={t('orders.column.status')}>
          {(id) => (
            <select id={id} value={filters.status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
              <option value="">{t('orders.filter.any')}</option>
              {ORDER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`orderStatus.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('orders.filter.kind')}>
          {(id) => (
            <select id={id} value={filters.kind ?? ''} onChange={(event) => setFilter('kind', event.target.value)}>
              <option value="">{t('orders.filter.any')}</option>
              {ORDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`orderKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <section aria-labelledby="orders-title" className="card">
        <span role="status" className="list-status">
          {busy ? t('customers.updating') : ''}
        </span>
        {body}
        <LoadMore query={ordersQuery} />
      </section>
    </div>
  );
}
