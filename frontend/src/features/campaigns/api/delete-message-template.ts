import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { templatesListQueryKey, templatesQueryKey, type MessageTemplate } from './list-message-templates';

/** Deletes a template no campaign uses; one in use answers 409 `template-in-use`. */
export function deleteMessageTemplate(template: Pick<MessageTemplate, 'id'>) {
  return unwrap(apiClient.DELETE('/api/v1/messaging/templates/{id}', { params: { path: { id: template.id } } }));
}

export function deleteMessageTemplateMutationOptions() {
  return mutationOptions({
    mutationKey: ['message-templates', 'delete'],
    mutationFn: deleteMessageTemplate,
    onSuccess: (_nothing, deleted, _onMutateResult, { client }) => {
      client.setQueryData<{ items: MessageTemplate[] }>(templatesListQueryKey, (data) =>
        data && { ...data, items: data.items.filter((item) => item.id !== deleted.id) },
      );
      void client.invalidateQueries({ queryKey: templatesQueryKey });
    },
    onError: (error, _input, _onMutateResult, { client }) => {
      if (error instanceof ApiError && error.status === 404) void client.invalidateQueries({ queryKey: templatesQueryKey });
    },
  });
}

export function useDeleteMessageTemplate() {
  return useMutation(deleteMessageTemplateMutationOptions());
}
