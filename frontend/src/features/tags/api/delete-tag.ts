import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { tagsQueryKey } from './list-tags';

export function deleteTag(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/tags/{id}', { params: { path: { id } } }));
}

export function deleteTagMutationOptions() {
  return mutationOptions({
    mutationKey: ['tags', 'delete'],
    mutationFn: deleteTag,
    onSuccess: (_data, _id, _onMutateResult, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: tagsQueryKey }),
        client.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}

export function useDeleteTag() {
  return useMutation(deleteTagMutationOptions());
}
