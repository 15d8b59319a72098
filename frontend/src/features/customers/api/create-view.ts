import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { viewsQueryKey, type SavedViewRequest } from './list-views';

export function createView(body: SavedViewRequest) {
  return unwrap(apiClient.POST('/api/v1/views', { body }));
}

export function createViewMutationOptions() {
  return mutationOptions({
    mutationKey: ['views', 'create'],
    mutationFn: createView,
    onSuccess: (_view, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: viewsQueryKey }),
  });
}

export function useCreateView() {
  return useMutation(createViewMutationOptions());
}
