import { useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { instantToWallTime, wallTimeToInstant } from '@/lib/zoned-time';
import { customerQueryKey } from './get-customer';
import { customersQueryKey, type Customer } from './list-customers';
import { changeListed } from './update-listed-customer';

export interface RescheduleNextInput {
  customer: Pick<Customer, 'id' | 'nextFollowUpAt'>;
  /** The store day to move it to (yyyy-mm-dd), today or later. */
  day: string;
  timeZone: string;
}

/** The same time of day on another day, in the store's zone (as the server keeps it), to show before it answers. */
export function movedTo({ customer, day, timeZone }: RescheduleNextInput): string | null {
  const time = customer.nextFollowUpAt ? instantToWallTime(customer.nextFollowUpAt, timeZone).slice(11) : '09:00';
  return wallTimeToInstant(`${day}T${time}`, timeZone);
}

/**
 * Moves a customer's planned next follow-up to another day, from the customer list: the agenda's reschedule of
 * the item `next-<customer id>` (the customer's PATCH has no such field; the plan belongs to its latest follow-up).
 * Shown in the list at once, put back if the server refuses.
 */
export function useRescheduleNextFollowUp(onFailure?: (error: Error, input: RescheduleNextInput) => void) {
  return useMutation({
    mutationKey: ['customers', 'next-follow-up', 'reschedule'],
    mutationFn: ({ customer, day }: RescheduleNextInput) =>
      unwrap(
        apiClient.POST('/api/v1/agenda/items/{key}/reschedule', {
          params: { path: { key: `next-${customer.id}` } },
          body: { on: day },
        }),
      ),
    onMutate: (input, { client }) => {
      const previous = input.customer.nextFollowUpAt;
      const moved = movedTo(input);
      if (moved) changeListed(client, input.customer.id, (listed) => ({ ...listed, nextFollowUpAt: moved }));
      return { previous };
    },
    onError: (error, input, onMutateResult, { client }) => {
      if (onMutateResult) {
        changeListed(client, input.customer.id, (listed) => ({ ...listed, nextFollowUpAt: onMutateResult.previous }));
      }
      onFailure?.(error, input);
    },
    onSettled: (_data, _error, { customer }, _onMutateResult, { client }) => {
      // The server's time, the customer's page and today's agenda.
      void client.invalidateQueries({ queryKey: [...customersQueryKey, 'list'] });
      void client.invalidateQueries({ queryKey: customerQueryKey(customer.id) });
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}
