import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { consentQueryKey } from './get-consent';

export type UpdateConsentRequest = components['schemas']['UpdateConsentRequest'];

export interface UpdateConsentInput {
  customerId: number;
  /** Only the channels given change. */
  body: UpdateConsentRequest;
}

/** Records the customer's answer by hand (the server notes the source as MANUAL and the time). */
export function updateConsent({ customerId, body }: UpdateConsentInput) {
  return unwrap(apiClient.PUT('/api/v1/customers/{id}/consent', { params: { path: { id: customerId } }, body }));
}

export function updateConsentMutationOptions() {
  return mutationOptions({
    mutationKey: ['messaging', 'consent', 'update'],
    mutationFn: updateConsent,
    onSuccess: (consent, { customerId }, _onMutateResult, { client }) => {
      client.setQueryData(consentQueryKey(customerId), consent);
    },
    onError: (_error, { customerId }, _onMutateResult, { client }) => {
      // Whatever the refusal, show the consent as the server has it now.
      void client.invalidateQueries({ queryKey: consentQueryKey(customerId) });
    },
  });
}

export function useUpdateConsent() {
  return useMutation(updateConsentMutationOptions());
}
