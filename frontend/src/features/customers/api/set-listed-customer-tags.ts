import { useMutation } from '@tanstack/react-query';
import type { Customer } from './list-customers';
import type { Tag } from './list-tags';
import { setCustomerTagsMutationOptions } from './set-customer-tags';
import { changeListed } from './update-listed-customer';

export interface SetListedTagsInput {
  customer: Pick<Customer, 'id' | 'tags'>;
  /** The customer's whole new set, from the store's tags. */
  tags: Tag[];
}

/**
 * Tags changed in the customer list itself: the customer page's PUT of the whole set (the same invalidations),
 * shown in the list at once and put back if the server refuses. The caller sends one change of a customer at a time
 * (each PUT carries the whole set: two at once could arrive in the other order).
 */
export function useSetListedCustomerTags(onFailure?: (error: Error, input: SetListedTagsInput) => void) {
  const options = setCustomerTagsMutationOptions();
  return useMutation({
    mutationKey: options.mutationKey,
    mutationFn: ({ customer, tags }: SetListedTagsInput) =>
      options.mutationFn!({ id: customer.id, tagIds: tags.map((tag) => tag.id) }, undefined as never),
    onMutate: ({ customer, tags }, { client }) => {
      const shown = tags.map(({ id, name, color }) => ({ id, name, color }));
      changeListed(client, customer.id, (listed) => ({ ...listed, tags: shown }));
      return { previous: customer.tags };
    },
    onSuccess: (updated, input, onMutateResult, context) => {
      options.onSuccess?.(updated, { id: input.customer.id, tagIds: input.tags.map((tag) => tag.id) }, onMutateResult, context);
    },
    onError: (error, input, onMutateResult, { client }) => {
      if (onMutateResult) changeListed(client, input.customer.id, (listed) => ({ ...listed, tags: onMutateResult.previous }));
      onFailure?.(error, input);
    },
  });
}
