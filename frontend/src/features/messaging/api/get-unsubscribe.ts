import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type UnsubscribeStatus = components['schemas']['UnsubscribeStatus'];

/**
 * What an unsubscribe link is about (store, channel, the address partly hidden). Needs no session: the token is
 * the credential, so the page works for someone who never signed in.
 */
export function getUnsubscribe(token: string) {
  return unwrap(apiClient.GET('/api/v1/unsubscribe/{token}', { params: { path: { token } } }));
}

export function unsubscribeQueryKey(token: string) {
  return ['unsubscribe', token] as const;
}

export function unsubscribeQueryOptions(token: string) {
  return queryOptions({
    queryKey: unsubscribeQueryKey(token),
    queryFn: () => getUnsubscribe(token),
    // A link read once stays as read: the page changes it itself.
    staleTime: Infinity,
  });
}

export function useUnsubscribeStatus(token: string) {
  return useQuery(unsubscribeQueryOptions(token));
}
