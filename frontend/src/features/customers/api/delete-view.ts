import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { viewsQueryKey } from './list-views';

export function deleteView(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/views/{id}', { params: { path: { id } } }));
}

export function deleteViewMutationOptions() {
  return mutationOptions({
    mutationKey: ['views', 'delete'],
    mutationFn: deleteView,
    onSuccess: (_data, _id, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: viewsQueryKey }),
  });
}

export function useDeleteView() {
  return useMutation(deleteViewMutationOptions());
}
