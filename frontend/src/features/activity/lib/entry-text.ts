import type { Translate } from '@/lib/i18n';
import type { ActivityEntry } from '../api/list-activity';
import { isEventType, isFollowUpType, isOrderStatus } from './types';

// Customer events are said in words by customerEventSentence (src/lib/customer-event-text.ts), as on the customer's timeline.

const ORDER_KINDS = ['QUOTATION', 'SAMPLE_ORDER', 'ORDER'] as const;

/** An entry type in words: a follow-up type, a customer event or an order's status ("Call", "Stage changed", "Order: Paid"). */
export function typeLabel(t: Translate, type: string): string {
  if (isFollowUpType(type)) return t(`followUp.type.${type}`);
  if (isEventType(type)) return t(`activity.eventType.${type}`);
  const status = type.startsWith('ORDER_') ? type.slice('ORDER_'.length) : '';
  if (isOrderStatus(status)) return t('activity.type.order', { status: t(`orderStatus.${status}`) });
  return type;
}

/** An order event in one sentence: "Order #12 is now Paid · US$1,200.00". */
export function orderSentence(t: Translate, entry: ActivityEntry, money: (amount: string, currency: string) => string): string {
  const data = entry.data ?? {};
  const kind = (ORDER_KINDS as readonly unknown[]).includes(data.kind) ? t(`orderKind.${data.kind as (typeof ORDER_KINDS)[number]}`) : t('orderKind.ORDER');
  const id = typeof data.orderId === 'number' || typeof data.orderId === 'string' ? String(data.orderId) : '?';
  const order = t('orders.numbered', { kind, id });
  const status = isOrderStatus(data.status) ? data.status : entry.type.replace(/^ORDER_/, '');
  const sentence =
    status === 'DRAFT'
      ? t('activity.order.created', { order })
      : t('activity.order.moved', { order, status: isOrderStatus(status) ? t(`orderStatus.${status}`) : status });
  const total = typeof data.total === 'number' || typeof data.total === 'string' ? String(data.total) : '';
  const currency = typeof data.currency === 'string' ? data.currency : '';
  return total && currency ? `${sentence} · ${money(total, currency)}` : sentence;
}
