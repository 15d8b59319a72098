import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type InquiryRequest = components['schemas']['InquiryRequest'];
export type InquiryResult = components['schemas']['InquiryResult'];

export interface ReceiveInquiryInput {
  body: InquiryRequest;
  /** One per submission: a retry of the same submission sends the same key, so the server counts it once. */
  idempotencyKey: string;
}

/** Takes in an inquiry: a returning buyer's (repeat, 200) is counted on their customer; a new buyer's (201) makes one. */
export function receiveInquiry({ body, idempotencyKey }: ReceiveInquiryInput) {
  return unwrap(apiClient.POST('/api/v1/inquiries', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

export function receiveInquiryMutationOptions() {
  return mutationOptions({
    mutationKey: ['inquiries', 'receive'],
    mutationFn: receiveInquiry,
    // A customer was made or counted on (inquiry count, score, timeline), maybe in the pool, maybe with a reminder
    // for its owner; the inbox lives under the customers key. Awaited: the outcome names the customer from the inbox.
    onSuccess: (_result, _input, _onMutateResult, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['customers'] }),
        client.invalidateQueries({ queryKey: ['pool'] }),
        client.invalidateQueries({ queryKey: ['reminders'] }),
      ]),
  });
}

export function useReceiveInquiry() {
  return useMutation(receiveInquiryMutationOptions());
}
