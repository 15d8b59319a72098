import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { templateIfMatch, templatesQueryKey, type MessageTemplate, type MessageTemplateInput } from './list-message-templates';

export interface ReplaceMessageTemplateInput {
  template: Pick<MessageTemplate, 'id' | 'version'>;
  body: MessageTemplateInput;
}

/** Changes a template; campaigns already sending keep the copy they started with. */
export function replaceMessageTemplate({ template, body }: ReplaceMessageTemplateInput) {
  return unwrap(
    apiClient.PUT('/api/v1/messaging/templates/{id}', {
      params: { path: { id: template.id }, header: templateIfMatch(template) },
      body,
    }),
  );
}

export function replaceMessageTemplateMutationOptions() {
  return mutationOptions({
    mutationKey: ['message-templates', 'replace'],
    mutationFn: replaceMessageTemplate,
    onSuccess: (_saved, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: templatesQueryKey }),
    onError: (error, _input, _onMutateResult, { client }) => {
      // Changed (412) or deleted (404) by someone else: show what the server has now.
      if (error instanceof ApiError && (error.status === 404 || error.status === 412)) {
        void client.invalidateQueries({ queryKey: templatesQueryKey });
      }
    },
  });
}

export function useReplaceMessageTemplate() {
  return useMutation(replaceMessageTemplateMutationOptions());
}
