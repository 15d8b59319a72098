import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { customerPlansQueryKey } from './keys';

/** The customer's plans, active first, then newest (ended ones stay listed); not paged. */
export function listPlans(customerId: number) {
  return unwrap(apiClient.GET('/api/v1/customers/{customerId}/plans', { params: { path: { customerId } } }));
}

export function customerPlansQueryOptions(customerId: number) {
  return queryOptions({ queryKey: customerPlansQueryKey(customerId), queryFn: () => listPlans(customerId) });
}

export function useCustomerPlans(customerId: number) {
  return useQuery(customerPlansQueryOptions(customerId));
}
