import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { refreshAfterPlanChange } from './keys';
import type { Plan } from './types';

/**
 * Marks the current task done: the server records a follow-up of the task's type (its note as the content), which
 * completes the step and schedules the next. 409 `plan-ended` when there is no task any more.
 */
export function completePlanStep(plan: Pick<Plan, 'id' | 'customerId'>) {
  return unwrap(
    apiClient.POST('/api/v1/customers/{customerId}/plans/{planId}/complete', {
      params: { path: { customerId: plan.customerId, planId: plan.id } },
      body: {},
    }),
  );
}

export function completePlanStepMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'complete'],
    mutationFn: completePlanStep,
    onSuccess: (_plan, { customerId }, _onMutateResult, { client }) => refreshAfterPlanChange(client, customerId, true),
    // Ended meanwhile (409) or gone (404): show the plans as they are now.
    onError: (_error, { customerId }, _onMutateResult, { client }) => refreshAfterPlanChange(client, customerId),
  });
}

export function useCompletePlanStep() {
  return useMutation(completePlanStepMutationOptions());
}
