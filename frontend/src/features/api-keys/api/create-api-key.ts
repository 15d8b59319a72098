import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { apiKeysQueryKey } from './list-api-keys';

export type CreateApiKeyInput = components['schemas']['CreateApiKeyRequest'];
/** The new key and its secret: the secret is in this answer only. */
export type CreatedApiKey = components['schemas']['CreatedApiKey'];

export function createApiKey(body: CreateApiKeyInput) {
  return unwrap(apiClient.POST('/api/v1/api-keys', { body }));
}

export function createApiKeyMutationOptions() {
  return mutationOptions({
    mutationKey: ['api-keys', 'create'],
    mutationFn: createApiKey,
    // Refetch rather than insert: the list is the server's, newest first.
    onSuccess: (_created, _input, _onMutateResult, { client }) => client.invalidateQueries({ queryKey: apiKeysQueryKey }),
  });
}

export function useCreateApiKey() {
  return useMutation(createApiKeyMutationOptions());
}
