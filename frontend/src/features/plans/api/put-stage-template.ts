import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { stageTemplatesQueryKey } from './keys';
import type { CustomerStage, PlanCadenceInput } from './types';

export interface PutStageTemplateInput {
  stage: CustomerStage;
  cadence: PlanCadenceInput;
}

/** Sets (or replaces) a stage's default plan; admins only. Applies to customers entering the stage from now on. */
export function putStageTemplate({ stage, cadence }: PutStageTemplateInput) {
  return unwrap(apiClient.PUT('/api/v1/plans/stage-templates/{stage}', { params: { path: { stage } }, body: cadence }));
}

export function putStageTemplateMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'stage-templates', 'put'],
    mutationFn: putStageTemplate,
    onSuccess: (_template, _input, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: stageTemplatesQueryKey }),
  });
}

export function usePutStageTemplate() {
  return useMutation(putStageTemplateMutationOptions());
}
