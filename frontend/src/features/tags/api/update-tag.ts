import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { tagsQueryKey, type Tag } from './list-tags';

export type UpdateTagChanges = Omit<components['schemas']['UpdateTagRequest'], 'group'> & { group?: string | null };

export interface UpdateTagInput {
  tag: Pick<Tag, 'id' | 'version'>;
  changes: UpdateTagChanges;
}

export function updateTag({ tag, changes }: UpdateTagInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/tags/{id}', {
      params: { path: { id: tag.id }, header: { 'If-Match': `"${tag.version}"` } },
      // `group: null` clears the group (merge patch), which the generated type does not spell.
      body: changes as components['schemas']['UpdateTagRequest'],
    }),
  );
}

export function updateTagMutationOptions() {
  return mutationOptions({
    mutationKey: ['tags', 'update'],
    mutationFn: updateTag,
    // Tag names and colours show on customers too.
    onSettled: (_tag, _error, _input, _onMutateResult, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: tagsQueryKey }),
        client.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}

export function useUpdateTag() {
  return useMutation(updateTagMutationOptions());
}
