import { useMemo } from 'react';
import { useMutation, useMutationState, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/problem';
import { customersQueryKey, type Customer, type CustomerPage } from './list-customers';
import { updateCustomerMutationOptions, type UpdateCustomerInput } from './update-customer';

const listsKey = [...customersQueryKey, 'list'] as const;

function isCustomerPages(data: unknown): data is InfiniteData<CustomerPage> {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as { pages?: unknown }).pages) &&
    (data as InfiniteData<{ items?: unknown }>).pages.every((page) => Array.isArray(page?.items))
  );
}

/** Changes one customer wherever the loaded lists show it (every filter and sort of them). */
export function changeListed(client: QueryClient, id: number, change: (customer: Customer) => Customer) {
  client.setQueriesData<unknown>({ queryKey: listsKey }, (data: unknown) => {
    if (!isCustomerPages(data)) return data;
    if (!data.pages.some((page) => page.items.some((item) => item.id === id))) return data;
    return {
      ...data,
      pages: data.pages.map((page) =>
        page.items.some((item) => item.id === id)
          ? { ...page, items: page.items.map((item) => (item.id === id ? change(item) : item)) }
          : page,
      ),
    };
  });
}

function listedCustomer(client: QueryClient, id: number): Customer | undefined {
  for (const [, data] of client.getQueriesData<unknown>({ queryKey: listsKey })) {
    if (!isCustomerPages(data)) continue;
    for (const page of data.pages) {
      const found = page.items.find((item) => item.id === id);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A change made in the customer list itself (stage, stars): the customer page's update (If-Match with the listed
 * version, the same invalidations), shown in the list at once and put back if the server refuses. A 412 or 404 (changed
 * or removed by someone else) also reads the lists again, so what is shown is the server's.
 */
export function useUpdateListedCustomer(onFailure?: (error: Error, input: UpdateCustomerInput) => void) {
  const options = updateCustomerMutationOptions();
  return useMutation({
    ...options,
    onMutate: async ({ customer, patch }, { client }) => {
      // A list read under way would bring the old values back over the new ones; "Load more" is let be (the answer to
      // this change puts the row right again).
      await client.cancelQueries({ queryKey: listsKey, predicate: (query) => !query.state.fetchMeta?.fetchMore });
      const before = listedCustomer(client, customer.id);
      // The old values of the changed fields only: another change of the row meanwhile is not undone with them.
      const previous: Partial<Customer> = {};
      for (const field of Object.keys(patch)) {
        if (before && field in before) (previous as Record<string, unknown>)[field] = before[field as keyof Customer];
      }
      changeListed(client, customer.id, (listed) => ({ ...listed, ...(patch as Partial<Customer>) }));
      return { previous };
    },
    onSuccess: (updated, input, onMutateResult, context) => {
      // The new version at once: a next change of the row sends it, before the lists are read again.
      changeListed(context.client, updated.id, () => updated);
      options.onSuccess?.(updated, input, onMutateResult, context);
    },
    onError: (error, input, onMutateResult, context) => {
      options.onError?.(error, input, onMutateResult, context);
      const { client } = context;
      if (onMutateResult) changeListed(client, input.customer.id, (listed) => ({ ...listed, ...onMutateResult.previous }));
      if (error instanceof ApiError && (error.status === 404 || error.status === 412)) {
        void client.invalidateQueries({ queryKey: listsKey });
      }
      onFailure?.(error, input);
    },
  });
}

/** The ids of the customers with a change on its way to the server. */
export function usePendingCustomerUpdates(): ReadonlySet<number> {
  const ids = useMutationState({
    filters: { mutationKey: updateCustomerMutationOptions().mutationKey, status: 'pending' },
    select: (mutation) => (mutation.state.variables as UpdateCustomerInput | undefined)?.customer.id,
  });
  const key = ids.filter((id): id is number => id !== undefined).join(',');
  // The same set while the same customers are pending: it is a dependency of the list's columns.
  return useMemo(() => new Set(key === '' ? [] : key.split(',').map(Number)), [key]);
}
