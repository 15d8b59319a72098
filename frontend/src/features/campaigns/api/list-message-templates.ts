import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type MessageTemplate = components['schemas']['MessageTemplate'];
export type MessageTemplateInput = components['schemas']['MessageTemplateRequest'];
export type TemplateLanguage = MessageTemplate['language'];

export const TEMPLATE_LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly TemplateLanguage[];
/** An SMS body is at most this long; it goes out in segments of {@link SMS_SEGMENT} characters. */
export const SMS_MAX = 1600;
export const SMS_SEGMENT = 160;

/** Every template of the store, by name (at most 200: one answer). */
export function listMessageTemplates() {
  return unwrap(apiClient.GET('/api/v1/messaging/templates'));
}

/** Every template query starts with this. */
export const templatesQueryKey = ['message-templates'] as const;
export const templatesListQueryKey = [...templatesQueryKey, 'list'] as const;

export function templatesQueryOptions() {
  return queryOptions({ queryKey: templatesListQueryKey, queryFn: listMessageTemplates });
}

export function useMessageTemplates() {
  return useQuery(templatesQueryOptions());
}

/** The ETag of the version a person edited. */
export function templateIfMatch(template: Pick<MessageTemplate, 'version'>) {
  return { 'If-Match': `"${template.version}"` };
}
