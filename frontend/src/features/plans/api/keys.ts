import type { QueryClient } from '@tanstack/react-query';

/**
 * Everything of this feature starts with `plans`: a customer's plans under `customer`, the stage templates under
 * `stage-templates`.
 */
export const plansQueryKey = ['plans'] as const;

export function customerPlansQueryKey(customerId: number) {
  return [...plansQueryKey, 'customer', customerId] as const;
}

export const stageTemplatesQueryKey = [...plansQueryKey, 'stage-templates'] as const;

/**
 * After a plan changed: its customer's plans, and today's reminders and agenda (plan tasks are in them).
 * `followUp`: a task was done, which records a follow-up: the customer's timeline, follow-ups, last follow-up,
 * score and return timer change, and so may the lists. The customers feature's keys, named here as features do
 * not import each other.
 */
export function refreshAfterPlanChange(client: QueryClient, customerId: number, followUp = false) {
  void client.invalidateQueries({ queryKey: customerPlansQueryKey(customerId) });
  void client.invalidateQueries({ queryKey: ['reminders'] });
  if (!followUp) return;
  void client.invalidateQueries({ queryKey: ['customers', 'timeline', customerId] });
  void client.invalidateQueries({ queryKey: ['customers', 'follow-ups', customerId] });
  void client.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
  void client.invalidateQueries({ queryKey: ['customers', 'list'] });
}
