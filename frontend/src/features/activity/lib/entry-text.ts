import { STAGES, STARS } from '@/lib/domain';
import type { Translate } from '@/lib/i18n';
import type { ActivityEntry } from '../api/list-activity';
import { isEventType, isFollowUpType, isOrderStatus } from './types';

// The customer timeline's words for the same events (timeline.*, stage.*, stars.*, followUp.type.*, orderStatus.*),
// said again here through the feature's own small functions rather than written twice.

const OWNER_CHANGE_KINDS = ['RELEASED', 'AUTO_RETURNED', 'CLAIMED', 'ASSIGNED', 'TRANSFERRED'] as const;
const ORDER_KINDS = ['QUOTATION', 'SAMPLE_ORDER', 'ORDER'] as const;

function stageName(t: Translate, value: unknown): string {
  return (STAGES as readonly unknown[]).includes(value) ? t(`stage.${value as (typeof STAGES)[number]}`) : String(value ?? '—');
}

function starsName(t: Translate, value: unknown): string {
  const stars = Number(value);
  return (STARS as readonly number[]).includes(stars) ? t(`stars.${stars as (typeof STARS)[number]}`) : String(value ?? '—');
}

function tagNames(value: unknown, tagsById: Map<number, string>): string {
  return Array.isArray(value) ? value.map((id) => tagsById.get(Number(id)) ?? `#${String(id)}`).join(', ') : '';
}

function duplicateNames(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((item: unknown) => (typeof item === 'object' && item !== null && 'name' in item ? String(item.name) : ''))
    .filter(Boolean)
    .join(', ');
}

function withNote(t: Translate, sentence: string, data: Record<string, unknown>): string {
  return typeof data.note === 'string' && data.note ? `${sentence}: ${t('timeline.note', { note: data.note })}` : sentence;
}

/** An entry type in words: a follow-up type, a customer event or an order's status ("Call", "Stage changed", "Order: Paid"). */
export function typeLabel(t: Translate, type: string): string {
  if (isFollowUpType(type)) return t(`followUp.type.${type}`);
  if (isEventType(type)) return t(`activity.eventType.${type}`);
  const status = type.startsWith('ORDER_') ? type.slice('ORDER_'.length) : '';
  if (isOrderStatus(status)) return t('activity.type.order', { status: t(`orderStatus.${status}`) });
  return type;
}

/** A customer event in one sentence, as the customer's timeline says it. */
export function eventSentence(t: Translate, entry: ActivityEntry, tagsById: Map<number, string>): string {
  const data = entry.data ?? {};
  switch (entry.type) {
    case 'CREATED':
      return t('timeline.CREATED');
    case 'STAGE_CHANGED':
      return t('timeline.STAGE_CHANGED', { from: stageName(t, data.from), to: stageName(t, data.to) });
    case 'STARS_CHANGED':
      return t('timeline.STARS_CHANGED', { from: starsName(t, data.from), to: starsName(t, data.to) });
    case 'TAGS_CHANGED': {
      const added = tagNames(data.added, tagsById);
      const removed = tagNames(data.removed, tagsById);
      const parts = [t('timeline.TAGS_CHANGED')];
      if (added) parts.push(t('timeline.tagsAdded', { tags: added }));
      if (removed) parts.push(t('timeline.tagsRemoved', { tags: removed }));
      return parts.join(' ');
    }
    case 'OWNER_CHANGED': {
      const kind = (OWNER_CHANGE_KINDS as readonly unknown[]).includes(data.kind)
        ? t(`timeline.owner.${data.kind as (typeof OWNER_CHANGE_KINDS)[number]}`)
        : t('timeline.OWNER_CHANGED');
      return data.kind === 'RELEASED' ? withNote(t, kind, data) : kind;
    }
    case 'LOST':
      return withNote(t, t('timeline.LOST'), data);
    case 'REACTIVATED':
      return t('timeline.REACTIVATED');
    case 'INQUIRY_RECEIVED':
      return t('timeline.INQUIRY_RECEIVED');
    case 'MERGED': {
      const names = duplicateNames(data.duplicates);
      return names ? t('timeline.mergedNames', { names }) : t('timeline.MERGED');
    }
    case 'MERGE_UNDONE':
      return t('timeline.MERGE_UNDONE', { count: Array.isArray(data.restoredIds) ? data.restoredIds.length : 0 });
    default:
      return typeLabel(t, entry.type);
  }
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
