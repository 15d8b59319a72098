import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { refreshAfterPlanChange } from './keys';
import type { Plan } from './types';

export interface ReschedulePlanStepInput {
  plan: Pick<Plan, 'id' | 'customerId'>;
  /** A store day, today or later. */
  dueOn: string;
}

/** Moves the current task to another day (snooze); the next ones keep their days. */
export function reschedulePlanStep({ plan, dueOn }: ReschedulePlanStepInput) {
  return unwrap(
    apiClient.POST('/api/v1/customers/{customerId}/plans/{planId}/reschedule', {
      params: { path: { customerId: plan.customerId, planId: plan.id } },
      body: { dueOn },
    }),
  );
}

export function reschedulePlanStepMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'reschedule'],
    mutationFn: reschedulePlanStep,
    onSettled: (_plan, _error, { plan }, _onMutateResult, { client }) => refreshAfterPlanChange(client, plan.customerId),
  });
}

export function useReschedulePlanStep() {
  return useMutation(reschedulePlanStepMutationOptions());
}
