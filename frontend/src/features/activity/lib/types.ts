import type { components } from '@/lib/api/schema';

type FollowUpType = components['schemas']['FollowUpType'];
type OrderStatus = components['schemas']['OrderStatus'];

/** Follow-up types, as the contract names them, in the order the follow-up form offers them. */
export const FOLLOW_UP_TYPES = [
  'EMAIL',
  'SMS',
  'CALL',
  'CHAT',
  'MEETING',
  'VISIT',
  'SAMPLE',
  'QUOTATION',
  'NOTE',
] as const satisfies readonly FollowUpType[];

/** Customer events the feed lists (an import's IMPORTED events are the import's, not activity). */
export const EVENT_TYPES = [
  'CREATED',
  'STAGE_CHANGED',
  'STARS_CHANGED',
  'TAGS_CHANGED',
  'OWNER_CHANGED',
  'LOST',
  'REACTIVATED',
  'INQUIRY_RECEIVED',
  'MERGED',
  'MERGE_UNDONE',
] as const;

export const ORDER_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'CONFIRMED',
  'PAID',
  'SHIPPED',
  'CANCELLED',
] as const satisfies readonly OrderStatus[];

/** An order entry's type: ORDER_<status>. */
export const ORDER_TYPES = ORDER_STATUSES.map((status) => `ORDER_${status}` as const);

export type FollowUpTypeName = (typeof FOLLOW_UP_TYPES)[number];
export type EventTypeName = (typeof EVENT_TYPES)[number];
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

export function isFollowUpType(value: unknown): value is FollowUpTypeName {
  return (FOLLOW_UP_TYPES as readonly unknown[]).includes(value);
}

export function isEventType(value: unknown): value is EventTypeName {
  return (EVENT_TYPES as readonly unknown[]).includes(value);
}

export function isOrderStatus(value: unknown): value is OrderStatusName {
  return (ORDER_STATUSES as readonly unknown[]).includes(value);
}

/** The groups of the type filter, each also choosable as a whole. */
export const TYPE_GROUPS = [
  { key: 'followUps', types: FOLLOW_UP_TYPES as readonly string[] },
  { key: 'events', types: EVENT_TYPES as readonly string[] },
  { key: 'orders', types: ORDER_TYPES as readonly string[] },
] as const;
