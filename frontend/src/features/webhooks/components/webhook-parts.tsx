import { useT, type Translate } from '@/lib/i18n';
import type { DeliveryStatus } from '../api/list-webhook-deliveries';
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookEventType } from '../api/list-webhooks';

/** What people call a subscription: its description, or else its address. */
export function webhookName(webhook: Pick<Webhook, 'url' | 'description'>): string {
  return webhook.description?.trim() || webhook.url;
}

/** The events a delivery can carry: those a subscription lists, and the test event. */
type DeliveredEventType = WebhookEventType | 'webhook.test';
const KNOWN_EVENTS = new Set<string>([...WEBHOOK_EVENT_TYPES, 'webhook.test']);

function isKnownEvent(eventType: string): eventType is DeliveredEventType {
  return KNOWN_EVENTS.has(eventType);
}

/** An event type in words ("Customer created"); a type this app does not know yet by its wire name. */
export function eventLabel(t: Translate, eventType: string): string {
  return isKnownEvent(eventType) ? t(`webhooks.event.${eventType}`) : eventType;
}

/** A delivery's status in words, coloured as a second signal: delivered green, pending amber, failed red. */
export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useT();
  return (
    <span className={`status-chip webhook-delivery-${status.toLowerCase()}`}>{t(`webhooks.delivery.${status}`)}</span>
  );
}

/** The endpoint's last answer: its HTTP status, or that there was none; and what went wrong, as the server logged it. */
export function LastAnswer({ statusCode, attempts, error }: { statusCode?: number | null; attempts: number; error?: string | null }) {
  const t = useT();
  let answer;
  if (statusCode !== null && statusCode !== undefined) answer = t('webhooks.log.httpStatus', { code: String(statusCode) });
  else if (attempts > 0) answer = t('webhooks.log.noAnswer');
  else answer = <span className="muted">{t('webhooks.log.notTried')}</span>;
  return (
    <>
      <div>{answer}</div>
      {/* Diagnostics about the integrator's endpoint (a timeout, a refused connection), shown as logged. */}
      {error && <div className="small wrap-anywhere webhook-error">{error}</div>}
    </>
  );
}
