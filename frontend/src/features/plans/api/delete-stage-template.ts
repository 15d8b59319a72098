import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { stageTemplatesQueryKey } from './keys';
import type { CustomerStage } from './types';

/** Removes a stage's default plan; admins only. The plans it already made go on. */
export function deleteStageTemplate(stage: CustomerStage) {
  return unwrap(apiClient.DELETE('/api/v1/plans/stage-templates/{stage}', { params: { path: { stage } } }));
}

export function deleteStageTemplateMutationOptions() {
  return mutationOptions({
    mutationKey: ['plans', 'stage-templates', 'delete'],
    mutationFn: deleteStageTemplate,
    // Removed meanwhile (404) too: show the templates as they are now.
    onSettled: (_data, _error, _stage, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: stageTemplatesQueryKey }),
  });
}

export function useDeleteStageTemplate() {
  return useMutation(deleteStageTemplateMutationOptions());
}
