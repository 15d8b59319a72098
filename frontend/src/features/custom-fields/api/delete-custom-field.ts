import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { customFieldsQueryKey } from './list-custom-fields';

export function deleteCustomField(id: number) {
  return unwrap(apiClient.DELETE('/api/v1/custom-fields/{id}', { params: { path: { id } } }));
}

export function deleteCustomFieldMutationOptions() {
  return mutationOptions({
    mutationKey: ['custom-fields', 'delete'],
    mutationFn: deleteCustomField,
    onSuccess: (_data, _id, _onMutateResult, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: customFieldsQueryKey }),
        client.invalidateQueries({ queryKey: ['customers'] }),
      ]),
  });
}

export function useDeleteCustomField() {
  return useMutation(deleteCustomFieldMutationOptions());
}
