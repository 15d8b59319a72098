import { useEffect, useRef, useState } from 'react';
import { Confirm } from '@/components/confirm';
import { useNotify } from '@/components/toast';
import { useFormatters, useT } from '@/lib/i18n';
import { ApiError, errorSentence } from '@/lib/problem';
import { useDeleteWebhook } from '../api/delete-webhook';
import type { Webhook } from '../api/list-webhooks';
import { useSendTestEvent } from '../api/send-test-event';
import { useUpdateWebhook } from '../api/update-webhook';
import { eventLabel, webhookName } from './webhook-parts';

/** The id of a subscription's "Deliveries" button, where focus returns when its log closes. */
export function deliveriesButtonId(webhook: Pick<Webhook, 'id'>): string {
  return `webhook-${webhook.id}-deliveries`;
}

/** Active or disabled, in words; a subscription still enabled whose endpoint keeps failing says since when. */
export function WebhookStatus({ webhook }: { webhook: Webhook }) {
  const t = useT();
  const format = useFormatters();
  if (!webhook.enabled) {
    return (
      <>
        <span className="status-chip webhook-status-disabled">{t('webhooks.status.disabled')}</span>
        {webhook.disabledAt && (
          <div className="muted small">
            <time dateTime={webhook.disabledAt} title={format.dateTime(webhook.disabledAt)}>
              {t('webhooks.disabledOn', { date: format.date(webhook.disabledAt) })}
            </time>
          </div>
        )}
        {/* The server's own account of why (who paused it, or the failure that stopped it): data, not a UI message. */}
        {webhook.disabledReason && <div className="small wrap-anywhere">{t('webhooks.disabledReason', { reason: webhook.disabledReason })}</div>}
      </>
    );
  }
  return (
    <>
      <span className="status-chip webhook-status-active">{t('webhooks.status.active')}</span>
      {webhook.failingSince && (
        <div>
          <time dateTime={webhook.failingSince} title={format.dateTime(webhook.failingSince)} className="status-chip webhook-status-failing">
            {t('webhooks.failingSince', { date: format.dateTime(webhook.failingSince) })}
          </time>
        </div>
      )}
    </>
  );
}

export function WebhookRow({
  webhook,
  logOpen,
  onOpenLog,
  onDeleted,
}: {
  webhook: Webhook;
  logOpen: boolean;
  onOpenLog: (webhook: Webhook) => void;
  onDeleted: (webhook: Webhook) => void;
}) {
  const t = useT();
  const format = useFormatters();
  const notify = useNotify();
  const testMutation = useSendTestEvent();
  const updateMutation = useUpdateWebhook();
  const deleteMutation = useDeleteWebhook();
  const [confirming, setConfirming] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const name = webhookName(webhook);

  useEffect(() => {
    // The deletion was not confirmed (or failed): back to Delete.
    if (confirming || !refocus.current) return;
    refocus.current = false;
    deleteRef.current?.focus();
  }, [confirming]);

  function sendTest() {
    if (testMutation.isPending) return;
    testMutation.mutate(webhook, {
      onSuccess: () => notify({ message: t('webhooks.testQueued', { name }), tone: 'success' }),
      onError: (error) =>
        notify({
          message:
            error instanceof ApiError && error.status === 409
              ? t('webhooks.testDisabled', { name })
              : t('webhooks.testFailed', { name, reason: errorSentence(t, error) }),
          tone: 'error',
        }),
    });
  }

  function setEnabled(enabled: boolean) {
    if (updateMutation.isPending) return;
    updateMutation.mutate(
      { id: webhook.id, enabled },
      {
        onSuccess: () => notify({ message: t(enabled ? 'webhooks.enabled' : 'webhooks.paused', { name }), tone: 'success' }),
        onError: (error) =>
          notify({
            message: t(enabled ? 'webhooks.enableFailed' : 'webhooks.pauseFailed', { name, reason: errorSentence(t, error) }),
            tone: 'error',
          }),
      },
    );
  }

  function remove() {
    deleteMutation.mutate(webhook, {
      onSuccess: () => {
        notify({ message: t('webhooks.deleted', { name }), tone: 'success' });
        onDeleted(webhook);
      },
      onError: (error) => {
        notify({ message: t('webhooks.deleteFailed', { name, reason: errorSentence(t, error) }), tone: 'error' });
        refocus.current = true;
        setConfirming(false);
      },
    });
  }

  const toggling = updateMutation.isPending;
  const testing = testMutation.isPending;
  return (
    <tr className={webhook.enabled ? undefined : 'is-inactive'}>
      <th scope="row">
        <code className="webhook-url" title={webhook.url}>
          {webhook.url}
        </code>
      </th>
      <td data-label={t('webhooks.column.description')} className="webhook-description wrap-anywhere">
        {webhook.description || <span className="muted">—</span>}
      </td>
      <td data-label={t('webhooks.column.events')}>
        <ul className="tag-list webhook-event-list">
          {webhook.eventTypes.map((type) => (
            <li key={type} className="tag-chip" title={eventLabel(t, type)}>
              {type}
            </li>
          ))}
        </ul>
      </td>
      <td data-label={t('webhooks.column.status')} className="webhook-status-cell">
        <WebhookStatus webhook={webhook} />
      </td>
      <td data-label={t('webhooks.column.pending')} className="number">
        {format.number(webhook.pendingDeliveries)}
      </td>
      <td data-label={t('webhooks.column.created')}>
        <time dateTime={webhook.createdAt} title={format.dateTime(webhook.createdAt)}>
          {format.date(webhook.createdAt)}
        </time>
        <div className="muted small">{t('webhooks.createdBy', { name: webhook.createdByName })}</div>
      </td>
      <td className="row-action webhook-row-actions">
        {confirming ? (
          <Confirm
            title={t('webhooks.confirmDelete', { name })}
            description={t('webhooks.confirmDeleteText')}
            confirmLabel={deleteMutation.isPending ? t('webhooks.deleting') : t('webhooks.delete')}
            cancelLabel={t('common.cancel')}
            danger
            pending={deleteMutation.isPending}
            onConfirm={remove}
            onCancel={() => {
              refocus.current = true;
              setConfirming(false);
            }}
          />
        ) : (
          <div className="webhook-actions">
            {webhook.enabled && (
              <button
                type="button"
                aria-label={t('webhooks.testFor', { name })}
                aria-disabled={testing || undefined}
                onClick={sendTest}
              >
                {testing ? t('webhooks.testing') : t('webhooks.test')}
              </button>
            )}
            <button
              type="button"
              aria-label={t(webhook.enabled ? 'webhooks.pauseFor' : 'webhooks.enableFor', { name })}
              aria-disabled={toggling || undefined}
              onClick={() => setEnabled(!webhook.enabled)}
            >
              {toggling
                ? t(webhook.enabled ? 'webhooks.pausing' : 'webhooks.enabling')
                : t(webhook.enabled ? 'webhooks.pause' : 'webhooks.enable')}
            </button>
            <button
              type="button"
              id={deliveriesButtonId(webhook)}
              aria-label={t('webhooks.deliveriesFor', { name })}
              aria-expanded={logOpen}
              onClick={() => onOpenLog(webhook)}
            >
              {t('webhooks.deliveries')}
            </button>
            <button
              ref={deleteRef}
              type="button"
              className="danger"
              aria-label={t('webhooks.deleteFor', { name })}
              onClick={() => setConfirming(true)}
            >
              {t('webhooks.delete')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
