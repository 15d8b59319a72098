import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type UndoMergeResult = components['schemas']['UndoMergeResult'];

/** Brings the merged customers back (within 7 days); 409 when already undone, too old, or the survivor is gone. */
export function undoMerge(mergeId: number) {
  return unwrap(apiClient.POST('/api/v1/merges/{id}/undo', { params: { path: { id: mergeId } } }));
}

export function undoMergeMutationOptions() {
  return mutationOptions({
    mutationKey: ['merges', 'undo'],
    mutationFn: undoMerge,
    onSuccess: (_result, _mergeId, _onMutateResult, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['customers'] }),
        client.invalidateQueries({ queryKey: ['pool'] }),
        client.invalidateQueries({ queryKey: ['reminders'] }),
      ]),
  });
}

export function useUndoMerge() {
  return useMutation(undoMergeMutationOptions());
}
