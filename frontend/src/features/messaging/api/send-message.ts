import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customerMessagingQueryKey } from './keys';

export type SendMessageRequest = components['schemas']['SendMessageRequest'];
export type Message = components['schemas']['Message'];

export interface SendMessageInput {
  customerId: number;
  body: SendMessageRequest;
}

/** Sends at once: the answer is the message after the first attempt (SENT, or QUEUED/FAILED with `error`). */
export function sendMessage({ customerId, body }: SendMessageInput) {
  return unwrap(apiClient.POST('/api/v1/customers/{id}/messages', { params: { path: { id: customerId } }, body }));
}

export function sendMessageMutationOptions() {
  return mutationOptions({
    mutationKey: ['messaging', 'send'],
    mutationFn: sendMessage,
    onSuccess: (_message, { customerId }, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: customerMessagingQueryKey(customerId) });
      // A message the server took is a follow-up (EMAIL or SMS): the customer's timeline, follow-ups, last
      // follow-up, score and return timer change, and so may the lists and today's reminders. The customers
      // feature's keys, named here as features do not import each other.
      void client.invalidateQueries({ queryKey: ['customers', 'timeline', customerId] });
      void client.invalidateQueries({ queryKey: ['customers', 'follow-ups', customerId] });
      void client.invalidateQueries({ queryKey: ['customers', 'detail', customerId] });
      void client.invalidateQueries({ queryKey: ['customers', 'list'] });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}

export function useSendMessage() {
  return useMutation(sendMessageMutationOptions());
}
