import { useEffect, useId, useRef } from 'react';
import { QueryError } from '@/components/query-error';
import { useNotify } from '@/components/toast';
import { TableScroll } from '@/components/table-scroll';
import { useFormatters, useT } from '@/lib/i18n';
import { ApiError, errorSentence } from '@/lib/problem';
import { useWebhookDelivery } from '../api/get-webhook-delivery';
import type { Webhook } from '../api/list-webhooks';
import { useRedeliverWebhook } from '../api/redeliver-webhook';
import { DeliveryStatusBadge, eventLabel } from './webhook-parts';

/** One delivery: what it is, the exact JSON sent, every attempt with the endpoint's answer, and sending it again. */
export function DeliveryDetail({ webhook, deliveryId, onClose }: { webhook: Webhook; deliveryId: number; onClose: () => void }) {
  const t = useT();
  const format = useFormatters();
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const detailQuery = useWebhookDelivery(webhook.id, deliveryId);
  const redeliverMutation = useRedeliverWebhook();
  const notify = useNotify();

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function redeliver() {
    if (redeliverMutation.isPending) return;
    redeliverMutation.mutate(
      { webhookId: webhook.id, deliveryId },
      {
        onSuccess: () => notify({ message: t('webhooks.detail.redelivered'), tone: 'success' }),
        onError: (error) =>
          notify({
            message:
              error instanceof ApiError && error.status === 409
                ? t('webhooks.detail.redeliverDisabled')
                : t('webhooks.detail.redeliverFailed', { reason: errorSentence(t, error) }),
            tone: 'error',
          }),
      },
    );
  }

  const detail = detailQuery.data;
  const title = detail ? t('webhooks.detail.title', { event: eventLabel(t, detail.delivery.eventType) }) : t('webhooks.detail.loadingTitle');
  let body;
  if (detailQuery.isPending) body = <p role="status">{t('app.loading')}</p>;
  else if (detailQuery.isError) body = <QueryError error={detailQuery.error} onRetry={() => void detailQuery.refetch()} />;
  else {
    const { delivery, payload, attempts } = detailQuery.data;
    body = (
      <>
        <dl className="profile webhook-delivery-facts">
          <dt>{t('webhooks.detail.status')}</dt>
          <dd>
            <DeliveryStatusBadge status={delivery.status} />
          </dd>
          <dt>{t('webhooks.detail.event')}</dt>
          <dd>
            <code>{delivery.eventType}</code>
          </dd>
          <dt>{t('webhooks.detail.messageId')}</dt>
          <dd>
            <code>{delivery.messageId}</code>
          </dd>
          <dt>{t('webhooks.detail.occurredAt')}</dt>
          <dd>
            <time dateTime={delivery.occurredAt}>{format.dateTime(delivery.occurredAt)}</time>
          </dd>
          {delivery.status === 'PENDING' && delivery.nextAttemptAt && (
            <>
              <dt>{t('webhooks.detail.nextAttemptAt')}</dt>
              <dd>
                <time dateTime={delivery.nextAttemptAt}>{format.dateTime(delivery.nextAttemptAt)}</time>
              </dd>
            </>
          )}
          {delivery.deliveredAt && (
            <>
              <dt>{t('webhooks.detail.deliveredAt')}</dt>
              <dd>
                <time dateTime={delivery.deliveredAt}>{format.dateTime(delivery.deliveredAt)}</time>
              </dd>
            </>
          )}
        </dl>
        <div className="form-actions">
          <button type="button" aria-disabled={redeliverMutation.isPending || undefined} onClick={redeliver}>
            {redeliverMutation.isPending ? t('webhooks.detail.redelivering') : t('webhooks.detail.redeliver')}
          </button>
        </div>
        <h4 id={`${id}-payload`}>{t('webhooks.detail.payload')}</h4>
        {/* Focusable, so the keyboard can scroll a long body too. */}
        <div className="webhook-payload" tabIndex={0} role="group" aria-labelledby={`${id}-payload`}>
          <pre>{JSON.stringify(payload, null, 2)}</pre>
        </div>
        <h4 id={`${id}-attempts`}>{t('webhooks.detail.attempts')}</h4>
        {attempts.length === 0 ? (
          <p className="muted">{t('webhooks.detail.noAttempts')}</p>
        ) : (
          <div className="table-cards table-cards-plain webhook-attempts-table">
            <TableScroll labelledBy={`${id}-attempts`}>
              <table aria-labelledby={`${id}-attempts`}>
                <thead>
                  <tr>
                    <th scope="col">{t('webhooks.attempt.column.attempt')}</th>
                    <th scope="col">{t('webhooks.attempt.column.at')}</th>
                    <th scope="col">{t('webhooks.attempt.column.statusCode')}</th>
                    <th scope="col" className="number">
                      {t('webhooks.attempt.column.duration')}
                    </th>
                    <th scope="col">{t('webhooks.attempt.column.error')}</th>
                    <th scope="col">{t('webhooks.attempt.column.response')}</th>
                  </tr>
                </thead>
                <tbody>
                  {attempts.map((attempt) => (
                    <tr key={attempt.attempt}>
                      <th scope="row">{t('webhooks.attempt.number', { number: attempt.attempt })}</th>
                      <td data-label={t('webhooks.attempt.column.at')}>
                        <time dateTime={attempt.at}>{format.dateTime(attempt.at)}</time>
                      </td>
                      <td data-label={t('webhooks.attempt.column.statusCode')}>
                        {attempt.statusCode ?? <span className="muted">{t('webhooks.log.noAnswer')}</span>}
                      </td>
                      <td data-label={t('webhooks.attempt.column.duration')} className="number">
                        {t('webhooks.attempt.duration', { ms: attempt.durationMs })}
                      </td>
                      <td data-label={t('webhooks.attempt.column.error')} className="wrap-anywhere">
                        {/* Diagnostics about the integrator's endpoint, shown as logged. */}
                        {attempt.error ? <span className="webhook-error">{attempt.error}</span> : <span className="muted">—</span>}
                      </td>
                      <td data-label={t('webhooks.attempt.column.response')}>
                        {attempt.responseBody ? (
                          <pre className="webhook-response">{attempt.responseBody}</pre>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="webhook-delivery-detail">
      <div className="page-title">
        <h3 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
          {title}
        </h3>
        <button type="button" onClick={onClose}>
          {t('webhooks.detail.close')}
        </button>
      </div>
      {body}
    </section>
  );
}
