import { mutationOptions, useMutation, type InfiniteData } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { apiKeysListQueryKey, apiKeysQueryKey, type ApiKey, type ApiKeyPage } from './list-api-keys';

/** Revokes a key for good, from its next request on; revoking a revoked key changes nothing. */
export function revokeApiKey(apiKey: Pick<ApiKey, 'id'>) {
  return unwrap(apiClient.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: apiKey.id } } }));
}

export function revokeApiKeyMutationOptions() {
  return mutationOptions({
    mutationKey: ['api-keys', 'revoke'],
    mutationFn: revokeApiKey,
    onSuccess: (_nothing, revoked, _onMutateResult, { client }) => {
      // Shown revoked at once (the answer has no body), then the list as the server has it: who revoked it, and when.
      client.setQueryData<InfiniteData<ApiKeyPage>>(apiKeysListQueryKey, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) =>
              item.id === revoked.id ? { ...item, status: 'REVOKED' as const, revokedAt: new Date().toISOString() } : item,
            ),
          })),
        },
      );
      void client.invalidateQueries({ queryKey: apiKeysQueryKey });
    },
    onError: (error, _input, _onMutateResult, { client }) => {
      // Gone meanwhile: show what the server has now.
      if (error instanceof ApiError && error.status === 404) void client.invalidateQueries({ queryKey: apiKeysQueryKey });
    },
  });
}

export function useRevokeApiKey() {
  return useMutation(revokeApiKeyMutationOptions());
}
