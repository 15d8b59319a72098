import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { refreshAfterPlanChange } from './keys';
import type { Plan } from './types';

/** Ends a plan by hand: no more tasks; it stays listed as ENDED / CANCELLED (ending an ended plan does nothing). */
export function cancelPlan(plan: Pick<Plan, 'id' | 'customerId'>) {
  return unwrap(
    apiClient.DELETE('/api/v1/customers/{customerId}/plans/{planId}', {
      params: { path: { customerId: plan.customerId, planId: plan.id } },
    }),
  );
}

export function cancelPlanMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'cancel'],
    mutationFn: cancelPlan,
    onSettled: (_data, _error, { customerId }, _onMutateResult, { client }) => refreshAfterPlanChange(client, customerId),
  });
}

export function useCancelPlan() {
  return useMutation(cancelPlanMutationOptions());
}
