import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { lostReasonsQueryKey, type LostReason } from './list-lost-reasons';

export type UpdateLostReasonChanges = components['schemas']['UpdateLostReasonRequest'];

export interface UpdateLostReasonInput {
  reason: Pick<LostReason, 'id' | 'version'>;
  changes: UpdateLostReasonChanges;
}

/** Rename, archive or restore, guarded by the version the admin saw (412 when someone changed it meanwhile). */
export function updateLostReason({ reason, changes }: UpdateLostReasonInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/lost-reasons/{id}', {
      params: { path: { id: reason.id }, header: { 'If-Match': `"${reason.version}"` } },
      body: changes,
    }),
  );
}

export function updateLostReasonMutationOptions() {
  return mutationOptions({
    mutationKey: ['lost-reasons', 'update'],
    mutationFn: updateLostReason,
    // Refreshed on a stale write too, so the next try starts from the latest version.
    onSettled: (_reason, _error, _input, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: lostReasonsQueryKey }),
  });
}

export function useUpdateLostReason() {
  return useMutation(updateLostReasonMutationOptions());
}
