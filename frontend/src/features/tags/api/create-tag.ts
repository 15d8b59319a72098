import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { tagsQueryKey } from './list-tags';

export type CreateTagInput = components['schemas']['CreateTagRequest'];

export function createTag(body: CreateTagInput) {
  return unwrap(apiClient.POST('/api/v1/tags', { body }));
}

export function createTagMutationOptions() {
  return mutationOptions({
    mutationKey: ['tags', 'create'],
    mutationFn: createTag,
    onSuccess: (_tag, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: tagsQueryKey }),
  });
}

export function useCreateTag() {
  return useMutation(createTagMutationOptions());
}
