import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { stageTemplatesQueryKey } from './keys';

/** The stages' default plans: one per stage that has one (everyone may read them). */
export function listStageTemplates() {
  return unwrap(apiClient.GET('/api/v1/plans/stage-templates'));
}

export function stageTemplatesQueryOptions() {
  return queryOptions({ queryKey: stageTemplatesQueryKey, queryFn: listStageTemplates });
}

export function useStageTemplates(enabled = true) {
  return useQuery({ ...stageTemplatesQueryOptions(), enabled });
}
