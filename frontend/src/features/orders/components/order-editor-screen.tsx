import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '@/lib/domain';
import { useT } from '@/lib/i18n';
import { ApiError, errorMessage } from '@/lib/problem';
import { PageLoadError } from '@/components/query-error';
import { useCreateOrder } from '../api/create-order';
import { useOrderCustomer } from '../api/get-customer';
import { useOrder } from '../api/get-order';
import type { Order, OrderKind } from '../api/list-orders';
import { useReplaceOrder } from '../api/replace-order';
import { OrderEditor } from './order-editor';
import { orderTitle } from './order-labels';

/** A new quotation, sample order or order for a customer; it starts as a draft. */
export function NewOrderScreen({ customerId, kind, role, meId }: { customerId: number; kind: OrderKind; role: Role; meId: number }) {
  const t = useT();
  const navigate = useNavigate();
  const customerQuery = useOrderCustomer(customerId);
  const createMutation = useCreateOrder();
  const customer = customerQuery.data;

  if (customerQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (customerQuery.isError) {
    const { key, params } = errorMessage(customerQuery.error);
    return (
      <div className="stack">
        <h1>{t(`orders.new.${kind}`)}</h1>
        <p role="alert" className="form-alert">
          {t(key, params)}
        </p>
      </div>
    );
  }

  const heading = t(`orders.editor.new.${kind}`, { name: customerQuery.data.name });
  // A rep writes orders for their own customers only; a pool customer is claimed first.
  if (role === 'REP' && customer?.ownerId !== meId) {
    return (
      <div className="stack">
        <h1>{heading}</h1>
        <div role="alert" className="form-alert">
          <p>{t('orders.readOnlyPool')}</p>
          <Link to={`/customers/${customerId}`}>{t('orders.backToCustomer', { name: customerQuery.data.name })}</Link>
        </div>
      </div>
    );
  }

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{heading}</h1>
        <Link to={`/customers/${customerId}`}>{t('orders.backToCustomer', { name: customerQuery.data.name })}</Link>
      </div>
      <section className="card" aria-label={heading}>
        <OrderEditor
          kind={kind}
          error={createMutation.error}
          pending={createMutation.isPending}
          submitLabel={t('orders.editor.create')}
          onSubmit={(body) =>
            createMutation.mutate({ customerId, body }, { onSuccess: (order) => void navigate(`/orders/${order.id}`) })
          }
          onCancel={() => void navigate(`/customers/${customerId}`)}
        />
      </section>
    </div>
  );
}

/** A draft rewritten: every line and term, against the version the edit began from (If-Match). */
function DraftEditor({ order, reload }: { order: Order; reload: () => Promise<Order | undefined> }) {
  const t = useT();
  const navigate = useNavigate();
  const replaceMutation = useReplaceOrder();
  // The version the edit started from; replaced only when the person asks for someone else's newer one.
  const [base, setBase] = useState(order);
  const stale = replaceMutation.error instanceof ApiError && replaceMutation.error.status === 412;

  async function reloadTheirs() {
    replaceMutation.reset();
    const latest = await reload();
    if (latest) setBase(latest);
  }

  if (base.status !== 'DRAFT') {
    return (
      <div role="alert" className="form-alert">
        <p>{t('problem.orderNotEditable')}</p>
        <Link to={`/orders/${base.id}`}>{t('orders.open', { order: orderTitle(t, base) })}</Link>
      </div>
    );
  }

  return (
    <OrderEditor
      key={base.version}
      kind={base.kind}
      order={base}
      error={replaceMutation.error}
      pending={replaceMutation.isPending}
      submitLabel={t('customers.profile.save')}
      alert={
        stale ? (
          <div role="alert" className="form-alert">
            <p>{t('orders.problem.staleDraft')}</p>
            <div className="confirm-actions">
              <button type="button" onClick={() => void reloadTheirs()}>
                {t('customers.stale.reload')}
              </button>
            </div>
          </div>
        ) : undefined
      }
      onSubmit={(body) =>
        replaceMutation.mutate({ order: base, body }, { onSuccess: (updated) => void navigate(`/orders/${updated.id}`) })
      }
      onCancel={() => void navigate(`/orders/${base.id}`)}
    />
  );
}

/** Editing a draft; anything past draft is history and says so. */
export function EditOrderScreen({ orderId }: { orderId: number }) {
  const t = useT();
  const orderQuery = useOrder(orderId);

  if (orderQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (orderQuery.isError) {
    return <PageLoadError title={t('orders.title')} error={orderQuery.error} backTo="/orders" backLabel={t('orders.backToList')} />;
  }

  const order = orderQuery.data;
  const heading = t('orders.editor.edit', { order: orderTitle(t, order) });
  return (
    <div className="stack">
      <div className="page-title">
        <h1>{heading}</h1>
        <Link to={`/orders/${order.id}`}>{t('orders.open', { order: orderTitle(t, order) })}</Link>
      </div>
      <section className="card" aria-label={heading}>
        <DraftEditor order={order} reload={async () => (await orderQuery.refetch()).data} />
      </section>
    </div>
  );
}
