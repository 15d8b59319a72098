import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { ApiError } from '@/lib/problem';
import { customerQueryKey } from './get-customer';
import { customersQueryKey } from './list-customers';

export type MarkLostRequest = components['schemas']['MarkLostRequest'];

export interface MarkLostInput {
  id: number;
  body: MarkLostRequest;
}

export function markLost({ id, body }: MarkLostInput) {
  return unwrap(apiClient.POST('/api/v1/customers/{id}/lost', { params: { path: { id } }, body }));
}

export function markLostMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'lost'],
    mutationFn: markLost,
    onSuccess: (lost, _input, _onMutateResult, { client }) => {
      client.setQueryData(customerQueryKey(lost.id), lost);
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'timeline', lost.id] });
      // A lost customer's pool timer stops.
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
    onError: (error, { id }, _onMutateResult, { client }) => {
      // Lost already (someone was quicker): show the file as it is now.
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: customerQueryKey(id) });
    },
  });
}

export function useMarkLost() {
  return useMutation(markLostMutationOptions());
}
