import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import type { Role } from '@/lib/domain';
import { useFormatters, useT, type Translate } from '@/lib/i18n';
import { allowedStepsOf, ApiError, errorMessage, isProblem, shortagesOf } from '@/lib/problem';
import { PageLoadError } from '@/components/query-error';
import { useChangeOrderStatus } from '../api/change-order-status';
import { useConvertQuotation } from '../api/convert-quotation';
import { useDeleteOrder } from '../api/delete-order';
import { useOrderCustomer } from '../api/get-customer';
import { useOrder } from '../api/get-order';
import type { Order, OrderStatus } from '../api/list-orders';
import { OrderDocument } from './order-document';
import { orderTitle } from './order-labels';

/** Steps that end the order for good: confirmed with a red button first. */
const FINAL_STEPS: readonly OrderStatus[] = ['DECLINED', 'CANCELLED'];

/** What went wrong with a step, in words: stock shortages named product by product, never the server's text. */
function StepFailure({ error }: { error: unknown }) {
  const t = useT();
  const format = useFormatters();
  const shortages = shortagesOf(error);
  if (shortages.length > 0) {
    return (
      <div role="alert" className="form-alert">
        <p>{t('orders.problem.shortages')}</p>
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
      </div>
    );
  }
  return (
    <p role="alert" className="form-alert">
      {stepFailureText(t, error)}
    </p>
  );
}

function stepFailureText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.status === 412) return t('orders.problem.stale');
  if (isProblem(error, 'order-transition-not-allowed')) {
    const allowed = allowedStepsOf(error);
    return allowed.length === 0
      ? t('orders.problem.final')
      : t('orders.problem.transition', { steps: allowed.map((step) => t(`orderStatus.${step as OrderStatus}`)).join(', ') });
  }
  const { key, params } = errorMessage(error);
  return t(key, params);
}

type Pending = { kind: 'step'; status: OrderStatus } | { kind: 'delete' } | null;

/** The steps the order can take now (its nextStatuses), converting a quotation, editing or deleting a draft, printing. */
function OrderActions({ order, readOnly, explainReadOnly }: { order: Order; readOnly: boolean; explainReadOnly: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const statusMutation = useChangeOrderStatus();
  const convertMutation = useConvertQuotation();
  const deleteMutation = useDeleteOrder();
  const [confirming, setConfirming] = useState<Pending>(null);
  const notify = useNotify();
  const busy = statusMutation.isPending || convertMutation.isPending || deleteMutation.isPending;
  const error = statusMutation.error ?? convertMutation.error ?? deleteMutation.error;

  function resetOutcome() {
    statusMutation.reset();
    convertMutation.reset();
    deleteMutation.reset();
  }

  function step(status: OrderStatus) {
    resetOutcome();
    statusMutation.mutate(
      { order, status },
      {
        onSuccess: (updated) =>
          notify({
            message: t('orders.stepDone', { order: orderTitle(t, updated), status: t(`orderStatus.${updated.status}`) }),
            tone: 'success',
          }),
        onSettled: () => setConfirming(null),
      },
    );
  }

  const canConvert =
    order.kind === 'QUOTATION' && (order.status === 'SENT' || order.status === 'ACCEPTED') && order.convertedToId == null;
  const draft = order.status === 'DRAFT';

  return (
    <section className="card no-print" aria-label={t('orders.actions')}>
      {readOnly ? (
        explainReadOnly && <p className="muted">{t('orders.readOnlyPool')}</p>
      ) : (
        <>
          {confirming?.kind === 'step' && (
            <Confirm
              title={t(`orders.confirm.${confirming.status as 'DECLINED' | 'CANCELLED'}`, { order: orderTitle(t, order) })}
              description={t(`orders.confirm.${confirming.status as 'DECLINED' | 'CANCELLED'}.text`)}
              confirmLabel={t(`orders.action.${confirming.status}`)}
              cancelLabel={t('orders.confirm.keep')}
              danger
              pending={statusMutation.isPending}
              onConfirm={() => step(confirming.status)}
              onCancel={() => setConfirming(null)}
            />
          )}
          {confirming?.kind === 'delete' && (
            <Confirm
              title={t('orders.confirm.delete', { order: orderTitle(t, order) })}
              description={t('orders.confirm.delete.text')}
              confirmLabel={t('orders.action.delete')}
              cancelLabel={t('common.cancel')}
              danger
              pending={deleteMutation.isPending}
              onConfirm={() =>
                deleteMutation.mutate(order, {
                  onSuccess: () => void navigate(`/customers/${order.customerId}`, { replace: true }),
                  onSettled: () => setConfirming(null),
                })
              }
              onCancel={() => setConfirming(null)}
            />
          )}
          {confirming === null && (
            <div className="order-actions">
              {order.nextStatuses.map((status) => (
                <button
                  key={status}
                  type="button"
                  className={FINAL_STEPS.includes(status) ? 'danger' : 'button-primary'}
                  aria-disabled={busy || undefined}
                  onClick={() => {
                    if (busy) return;
                    if (FINAL_STEPS.includes(status)) {
                      resetOutcome();
                      setConfirming({ kind: 'step', status });
                    } else step(status);
                  }}
                >
                  {t(`orders.action.${status}`)}
                </button>
              ))}
              {canConvert && (
                <button
                  type="button"
                  className="button-primary"
                  aria-disabled={busy || undefined}
                  onClick={() => {
                    if (busy) return;
                    resetOutcome();
                    convertMutation.mutate(order, { onSuccess: (created) => void navigate(`/orders/${created.id}`) });
                  }}
                >
                  {t('orders.action.convert')}
                </button>
              )}
              {draft && (
                <Link to={`/orders/${order.id}/edit`} className="button-link">
                  {t('orders.action.edit')}
                </Link>
              )}
              {draft && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    resetOutcome();
                    setConfirming({ kind: 'delete' });
                  }}
                >
                  {t('orders.action.delete')}
                </button>
              )}
            </div>
          )}
          {order.nextStatuses.length === 0 && !canConvert && <p className="muted">{t('orders.noSteps')}</p>}
        </>
      )}
      <div className="order-actions">
        <button type="button" onClick={() => window.print()}>
          {t('orders.action.print')}
        </button>
      </div>
      {error && <StepFailure error={error} />}
    </section>
  );
}

/**
 * One quotation or order: the document (what prints), and what can be done with it now. A rep works on their own
 * customers' orders only: for a pool customer's they read it.
 */
export function OrderScreen({ orderId, role, meId, storeName }: { orderId: number; role: Role; meId: number; storeName?: string }) {
  const t = useT();
  const orderQuery = useOrder(orderId);
  const customerQuery = useOrderCustomer(orderQuery.data?.customerId);

  if (orderQuery.isPending) return <p role="status">{t('app.loading')}</p>;
  if (orderQuery.isError) {
    return <PageLoadError title={t('orders.title')} error={orderQuery.error} backTo="/orders" backLabel={t('orders.backToList')} />;
  }

  const order = orderQuery.data;
  const customer = customerQuery.data;
  // Until the customer is known a rep is shown no actions: they may be looking at a pool customer's order.
  const readOnly = role === 'REP' && customer?.ownerId !== meId;
  const ownerKnown = customer !== undefined || customerQuery.isError;
  return (
    <div className="stack">
      <nav className="no-print order-links" aria-label={t('orders.links')}>
        <Link to={`/customers/${order.customerId}`}>
          {customer ? t('orders.backToCustomer', { name: customer.name }) : t('orders.backToCustomerUnnamed')}
        </Link>
        <Link to="/orders">{t('orders.backToList')}</Link>
        {order.convertedFromId != null && (
          <Link to={`/orders/${order.convertedFromId}`}>
            {t('orders.convertedFrom', { order: orderTitle(t, { id: order.convertedFromId, kind: 'QUOTATION' }) })}
          </Link>
        )}
        {order.convertedToId != null && (
          <Link to={`/orders/${order.convertedToId}`}>
            {t('orders.convertedTo', { order: orderTitle(t, { id: order.convertedToId, kind: 'ORDER' }) })}
          </Link>
        )}
      </nav>
      <OrderDocument order={order} customer={customer} storeName={storeName} />
      <OrderActions key={order.id} order={order} readOnly={readOnly} explainReadOnly={ownerKnown} />
    </div>
  );
}
