import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type Store = components['schemas']['Store'];
export type StoreLanguage = components['schemas']['StoreLanguage'];
export type UpdateStoreInput = components['schemas']['UpdateStoreRequest'];

export const STORE_LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly StoreLanguage[];

/** Renames the store or changes its time zone or language: only the fields given change. */
export function updateStore(body: UpdateStoreInput) {
  return unwrap(apiClient.PATCH('/api/v1/store', { body }));
}

export function updateStoreMutationOptions() {
  return mutationOptions({
    mutationKey: ['store', 'update'],
    mutationFn: updateStore,
    // The store's days move with its time zone: daily claim limits, reminders and statistics by day.
    onSuccess: (_store, _input, _onMutateResult, { client }) => {
      void client.invalidateQueries({ queryKey: ['reminders'] });
      void client.invalidateQueries({ queryKey: ['stats'] });
    },
  });
}

export function useUpdateStore() {
  return useMutation(updateStoreMutationOptions());
}
