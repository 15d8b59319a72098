import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { unsubscribeQueryKey } from './get-unsubscribe';

/** Unsubscribes from the store's campaigns, as a mail client's one-click unsubscribe does (idempotent). */
export function unsubscribe(token: string) {
  return unwrap(
    apiClient.POST('/api/v1/unsubscribe/{token}', {
      params: { path: { token } },
      body: 'List-Unsubscribe=One-Click',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  );
}

export function unsubscribeMutationOptions() {
  return mutationOptions({
    mutationKey: ['unsubscribe'],
    mutationFn: unsubscribe,
    onSuccess: (status, token, _onMutateResult, { client }) => {
      client.setQueryData(unsubscribeQueryKey(token), status);
    },
  });
}

export function useUnsubscribe() {
  return useMutation(unsubscribeMutationOptions());
}
