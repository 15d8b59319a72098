import { useEffect, useId, useRef, useState } from 'react';
import { LoadMore } from '@/components/load-more';
import { QueryError } from '@/components/query-error';
import { TableScroll } from '@/components/table-scroll';
import { useFormatters, useT } from '@/lib/i18n';
import { DELIVERY_STATUSES, useWebhookDeliveries, type DeliveryStatus, type WebhookDelivery } from '../api/list-webhook-deliveries';
import type { Webhook } from '../api/list-webhooks';
import { DeliveryDetail } from './delivery-detail';
import { DeliveryStatusBadge, eventLabel, LastAnswer, webhookName } from './webhook-parts';

/** The id of a delivery's "Details" button, where focus returns when its details close. */
function detailsButtonId(delivery: Pick<WebhookDelivery, 'id'>): string {
  return `webhook-delivery-${delivery.id}-details`;
}

/** When, as fits the status: delivered at, next try at, or given up at; and when the event happened. */
function DeliveryWhen({ delivery }: { delivery: WebhookDelivery }) {
  const t = useT();
  const format = useFormatters();
  const at = (iso: string) => <time dateTime={iso}>{format.dateTime(iso)}</time>;
  let main;
  if (delivery.status === 'DELIVERED' && delivery.deliveredAt) {
    main = <>{t('webhooks.log.deliveredAt')} {at(delivery.deliveredAt)}</>;
  } else if (delivery.status === 'PENDING') {
    main = delivery.nextAttemptAt ? <>{t('webhooks.log.nextAttemptAt')} {at(delivery.nextAttemptAt)}</> : t('webhooks.log.waiting');
  } else if (delivery.status === 'FAILED' && delivery.lastAttemptAt) {
    main = <>{t('webhooks.log.failedAt')} {at(delivery.lastAttemptAt)}</>;
  }
  return (
    <>
      {main && <div>{main}</div>}
      <div className="muted small">
        {t('webhooks.log.occurredAt')} {at(delivery.occurredAt)}
      </div>
    </>
  );
}

/** A subscription's delivery log, newest first, optionally of one status, with one delivery's details below it. */
export function DeliveryLog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  const titleId = `${id}-title`;
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [open, setOpen] = useState<number | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const deliveriesQuery = useWebhookDeliveries(webhook.id, status || undefined);
  const name = webhookName(webhook);

  useEffect(() => {
    titleRef.current?.focus();
    titleRef.current?.scrollIntoView?.({ block: 'start' });
  }, []);

  function closeDetail() {
    const deliveryId = open;
    setOpen(null);
    if (deliveryId !== null) document.getElementById(detailsButtonId({ id: deliveryId }))?.focus();
  }

  let body;
  if (deliveriesQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (deliveriesQuery.isLoadingError) {
    body = <QueryError error={deliveriesQuery.error} onRetry={() => void deliveriesQuery.refetch()} />;
  } else {
    const deliveries = deliveriesQuery.data.pages.flatMap((page) => page.items);
    body =
      deliveries.length === 0 ? (
        <p className="muted">{t(status ? 'webhooks.log.emptyFiltered' : 'webhooks.log.empty')}</p>
      ) : (
        <>
          <div className="table-cards table-cards-plain webhook-deliveries-table">
            <TableScroll labelledBy={titleId}>
              <table aria-labelledby={titleId}>
                <thead>
                  <tr>
                    <th scope="col">{t('webhooks.log.column.event')}</th>
                    <th scope="col">{t('webhooks.log.column.status')}</th>
                    <th scope="col" className="number">
                      {t('webhooks.log.column.attempts')}
                    </th>
                    <th scope="col">{t('webhooks.log.column.answer')}</th>
                    <th scope="col">{t('webhooks.log.column.when')}</th>
                    <th scope="col">{t('webhooks.log.column.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => (
                    <tr key={delivery.id}>
                      <th scope="row">
                        {eventLabel(t, delivery.eventType)}
                        <div>
                          <code className="webhook-event-code">{delivery.eventType}</code>
                        </div>
                      </th>
                      <td data-label={t('webhooks.log.column.status')}>
                        <DeliveryStatusBadge status={delivery.status} />
                      </td>
                      <td data-label={t('webhooks.log.column.attempts')} className="number">
                        {format.number(delivery.attempts)}
                      </td>
                      <td data-label={t('webhooks.log.column.answer')}>
                        <LastAnswer statusCode={delivery.lastStatusCode} attempts={delivery.attempts} error={delivery.lastError} />
                      </td>
                      <td data-label={t('webhooks.log.column.when')}>
                        <DeliveryWhen delivery={delivery} />
                      </td>
                      <td className="row-action">
                        <button
                          type="button"
                          id={detailsButtonId(delivery)}
                          aria-expanded={open === delivery.id}
                          aria-label={t('webhooks.log.detailsFor', {
                            event: eventLabel(t, delivery.eventType),
                            time: format.dateTime(delivery.occurredAt),
                          })}
                          onClick={() => setOpen(open === delivery.id ? null : delivery.id)}
                        >
                          {t('webhooks.log.details')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
          <LoadMore query={deliveriesQuery} />
        </>
      );
  }

  return (
    <section aria-labelledby={titleId} className="card webhook-log">
      <div className="page-title">
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className="wrap-anywhere">
          {t('webhooks.log.title', { name })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('webhooks.log.close')}
        </button>
      </div>
      <p className="muted">{t('webhooks.log.intro')}</p>
      <div className="webhook-log-tools">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('webhooks.log.status')}</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.currentTarget.value as DeliveryStatus | '')}>
            <option value="">{t('webhooks.log.anyStatus')}</option>
            {DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`webhooks.delivery.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          aria-disabled={deliveriesQuery.isFetching || undefined}
          onClick={() => {
            if (!deliveriesQuery.isFetching) void deliveriesQuery.refetch();
          }}
        >
          {t('webhooks.log.refresh')}
        </button>
      </div>
      {body}
      {open !== null && <DeliveryDetail key={open} webhook={webhook} deliveryId={open} onClose={closeDetail} />}
    </section>
  );
}
