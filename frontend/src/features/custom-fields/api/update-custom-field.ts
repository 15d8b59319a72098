import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customFieldsQueryKey, type CustomField } from './list-custom-fields';

export type UpdateCustomFieldChanges = components['schemas']['UpdateCustomFieldRequest'];

export interface UpdateCustomFieldInput {
  field: Pick<CustomField, 'id' | 'version'>;
  changes: UpdateCustomFieldChanges;
}

export function updateCustomField({ field, changes }: UpdateCustomFieldInput) {
  return unwrap(
    apiClient.PATCH('/api/v1/custom-fields/{id}', {
      params: { path: { id: field.id }, header: { 'If-Match': `"${field.version}"` } },
      body: changes,
    }),
  );
}

export function updateCustomFieldMutationOptions() {
  return mutationOptions({
    mutationKey: ['custom-fields', 'update'],
    mutationFn: updateCustomField,
    onSettled: (_field, _error, _input, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: customFieldsQueryKey }),
  });
}

export function useUpdateCustomField() {
  return useMutation(updateCustomFieldMutationOptions());
}
