import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customFieldsQueryKey } from './list-custom-fields';

export type CreateCustomFieldInput = components['schemas']['CreateCustomFieldRequest'];

export function createCustomField(body: CreateCustomFieldInput) {
  return unwrap(apiClient.POST('/api/v1/custom-fields', { body }));
}

export function createCustomFieldMutationOptions() {
  return mutationOptions({
    mutationKey: ['custom-fields', 'create'],
    mutationFn: createCustomField,
    onSuccess: (_field, _input, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}

export function useCreateCustomField() {
  return useMutation(createCustomFieldMutationOptions());
}
