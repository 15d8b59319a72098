import type { components } from '@/lib/api/schema';

export type Plan = components['schemas']['Plan'];
export type PlanCadence = components['schemas']['PlanCadence'];
export type PlanCadenceInput = components['schemas']['PlanCadenceInput'];
export type PlanStep = components['schemas']['PlanStep'];
export type PlanUnit = components['schemas']['PlanUnit'];
export type PlanStatus = components['schemas']['PlanStatus'];
export type PlanEndReason = components['schemas']['PlanEndReason'];
export type PlanOccurrence = components['schemas']['PlanOccurrence'];
export type CreatePlanRequest = components['schemas']['CreatePlanRequest'];
/** The customers a batch applies to: exactly one of `ids` or a screening `filter` (as the customers list sends). */
export type BatchSelection = components['schemas']['BatchSelection'];
export type BatchPlanRequest = components['schemas']['BatchPlanRequest'];
export type BatchPlanResult = components['schemas']['BatchPlanResult'];
export type StageTemplate = components['schemas']['StageTemplate'];
export type DayOfWeek = components['schemas']['DayOfWeek'];
export type FollowUpType = components['schemas']['FollowUpType'];
export type CustomerStage = components['schemas']['CustomerStage'];

export const PLAN_CADENCES = ['INTERVAL', 'WEEKDAYS', 'SEQUENCE'] as const satisfies readonly PlanCadence[];
export const PLAN_UNITS = ['DAYS', 'WEEKS', 'MONTHS'] as const satisfies readonly PlanUnit[];
export const PLAN_END_REASONS = ['FINISHED', 'CANCELLED', 'LOST', 'STAGE_LEFT'] as const satisfies readonly PlanEndReason[];

/** Monday first, as the store's calendar (ISO) has it. */
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const satisfies readonly DayOfWeek[];

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

export function isFollowUpType(value: unknown): value is FollowUpType {
  return (FOLLOW_UP_TYPES as readonly unknown[]).includes(value);
}

export function isPlanEndReason(value: unknown): value is PlanEndReason {
  return (PLAN_END_REASONS as readonly unknown[]).includes(value);
}
