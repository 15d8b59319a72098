import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { customersQueryKey } from './list-customers';

export type CustomerFields = components['schemas']['CustomerFields'];
export type ImAccount = components['schemas']['ImAccount'];
export type ImChannel = components['schemas']['ImChannel'];
export type DuplicateMatch = components['schemas']['DuplicateMatch'];

export const IM_CHANNELS = [
  'WHATSAPP',
  'WECHAT',
  'SKYPE',
  'LINE',
  'TELEGRAM',
  'WANGWANG',
  'OTHER',
] as const satisfies readonly ImChannel[];

export interface CreateCustomerInput {
  fields: CustomerFields;
  allowDuplicate?: boolean;
}

export function createCustomer({ fields, allowDuplicate }: CreateCustomerInput) {
  return unwrap(
    apiClient.POST('/api/v1/customers', {
      params: { query: allowDuplicate ? { allowDuplicate: true } : {} },
      body: fields,
    }),
  );
}

export function createCustomerMutationOptions() {
  return mutationOptions({
    mutationKey: ['customers', 'create'],
    mutationFn: createCustomer,
    onSuccess: (_customer, _input, _onMutateResult, { client }) =>
      client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] }),
  });
}

export function useCreateCustomer() {
  return useMutation(createCustomerMutationOptions());
}

/** The existing customers a 409 duplicate-customer answer names. */
export function duplicateMatchesOf(body: unknown): DuplicateMatch[] {
  if (typeof body !== 'object' || body === null || !('matches' in body) || !Array.isArray(body.matches)) return [];
  return body.matches as DuplicateMatch[];
}
