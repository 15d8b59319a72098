import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type MessageTemplate = components['schemas']['MessageTemplate'];
export type MessageChannel = components['schemas']['MessageChannel'];

export const MESSAGE_CHANNELS = ['EMAIL', 'SMS'] as const satisfies readonly MessageChannel[];

/** Every template of the store, by name (there are few: the answer is not paged). */
export function listMessageTemplates() {
  return unwrap(apiClient.GET('/api/v1/messaging/templates'));
}

export function messageTemplatesQueryOptions() {
  return queryOptions({
    // Under `message-templates`, the prefix the template editor (another feature) refreshes after a change, so
    // the compose box offers a template as it is now.
    queryKey: ['message-templates', 'compose'],
    queryFn: listMessageTemplates,
  });
}

export function useMessageTemplates() {
  return useQuery(messageTemplatesQueryOptions());
}
