import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { templatesQueryKey, type MessageTemplateInput } from './list-message-templates';

/** Adds a template; an unknown placeholder is a field error (code UNKNOWN) of `subject` or `body`. */
export function createMessageTemplate(body: MessageTemplateInput) {
  return unwrap(apiClient.POST('/api/v1/messaging/templates', { body }));
}

export function createMessageTemplateMutationOptions() {
  return mutationOptions({
    mutationKey: ['message-templates', 'create'],
    mutationFn: createMessageTemplate,
    onSuccess: (_created, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: templatesQueryKey }),
  });
}

export function useCreateMessageTemplate() {
  return useMutation(createMessageTemplateMutationOptions());
}
