import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { refreshAfterPlanChange } from './keys';
import type { CreatePlanRequest } from './types';

export interface CreatePlanInput {
  customerId: number;
  body: CreatePlanRequest;
}

/** Starts a plan: its first task is due on its first occurrence from today on (400 when there is none). */
export function createPlan({ customerId, body }: CreatePlanInput) {
  return unwrap(apiClient.POST('/api/v1/customers/{customerId}/plans', { params: { path: { customerId } }, body }));
}

export function createPlanMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'create'],
    mutationFn: createPlan,
    onSuccess: (_plan, { customerId }, _onMutateResult, { client }) => refreshAfterPlanChange(client, customerId),
  });
}

export function useCreatePlan() {
  return useMutation(createPlanMutationOptions());
}
