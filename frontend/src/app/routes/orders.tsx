import { useParams, useSearchParams } from 'react-router';
import { EditOrderScreen, NewOrderScreen } from '@/features/orders/components/order-editor-screen';
import { OrderScreen } from '@/features/orders/components/order-screen';
import { OrdersScreen } from '@/features/orders/components/orders-screen';
import { isOrderKind } from '@/features/orders/api/list-orders';
import { idOf, UnknownAddress } from '../components/address-id';
import { WithMe } from '../components/with-me';

export function OrdersRoute() {
  return <WithMe>{(me) => <OrdersScreen role={me.user.role} />}</WithMe>;
}

export function OrderRoute() {
  const orderId = idOf(useParams().id);
  if (orderId === null) return <UnknownAddress />;
  return (
    <WithMe>
      {(me) => <OrderScreen key={orderId} orderId={orderId} role={me.user.role} meId={me.user.id} storeName={me.store.name} />}
    </WithMe>
  );
}

export function EditOrderRoute() {
  const orderId = idOf(useParams().id);
  if (orderId === null) return <UnknownAddress />;
  return <EditOrderScreen key={orderId} orderId={orderId} />;
}

/** /customers/:id/orders/new?kind=QUOTATION (or SAMPLE_ORDER, ORDER; a quotation when none is given). */
export function NewOrderRoute() {
  const customerId = idOf(useParams().id);
  const [search] = useSearchParams();
  const kindParam = search.get('kind');
  if (customerId === null) return <UnknownAddress />;
  const kind = isOrderKind(kindParam) ? kindParam : 'QUOTATION';
  return (
    <WithMe>
      {(me) => <NewOrderScreen key={`${customerId}-${kind}`} customerId={customerId} kind={kind} role={me.user.role} meId={me.user.id} />}
    </WithMe>
  );
}
