import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { plansQueryKey } from './keys';
import type { BatchPlanRequest } from './types';

/**
 * The same plan for every customer of a selection (ticked ids, or a screening filter) the caller may change; the
 * others are skipped (NOT_FOUND). 400 names the plan's fields as `plan.cadence.every` or `cadence.every`, `endsOn`.
 */
export function createPlans(body: BatchPlanRequest) {
  return unwrap(apiClient.POST('/api/v1/plans/batch', { body }));
}

export function createPlansMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'batch'],
    mutationFn: createPlans,
    // Any customer's plans may have changed, and today's reminders and agenda (plan tasks are in them).
    onSuccess: (_result, _body, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: [...plansQueryKey, 'customer'] });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useCreatePlans() {
  return useMutation(createPlansMutationOptions());
}
