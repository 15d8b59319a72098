import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { webhooksQueryKey, type Webhook } from './list-webhooks';

/** Queues a signed `webhook.test` event for this subscription only (202); the delivery log shows the answer. */
export function sendTestEvent(webhook: Pick<Webhook, 'id'>) {
  return unwrap(apiClient.POST('/api/v1/webhooks/{id}/test', { params: { path: { id: webhook.id } } }));
}

export function sendTestEventMutationOptions() {
  return mutationOptions({
    mutationKey: ['webhooks', 'test'],
    mutationFn: sendTestEvent,
    // One more pending delivery, and a new line in the log.
    onSuccess: (_delivery, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}

export function useSendTestEvent() {
  return useMutation(sendTestEventMutationOptions());
}
