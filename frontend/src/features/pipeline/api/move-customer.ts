import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useRef } from 'react';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import type { CustomerStage } from '@/lib/domain';
import type { BoardFilters } from '../lib/filters';
import {
  columnQueryKey,
  lostCountQueryKey,
  withCustomer,
  withoutCustomer,
  type ColumnData,
  type Customer,
  type CustomerPage,
} from './list-column';

export type MarkLostRequest = components['schemas']['MarkLostRequest'];

/** Where a card can go: another stage, or lost (with a reason). */
export type MoveTarget = CustomerStage | 'LOST';

export interface MoveInput {
  customer: Customer;
  to: MoveTarget;
  /** Required when `to` is LOST. */
  lost?: MarkLostRequest;
}

/** A new stage is a merge patch of the customer, sent against the version the card shows (412 when it is stale). */
export function changeStage(customer: Pick<Customer, 'id' | 'version'>, stage: CustomerStage) {
  return unwrap(
    apiClient.PATCH('/api/v1/customers/{id}', {
      params: { path: { id: customer.id }, header: { 'If-Match': `"${customer.version}"` } },
      // The contract types the body as an open object.
      body: { stage } as never,
    }),
  );
}

export function markLost(id: number, body: MarkLostRequest) {
  return unwrap(apiClient.POST('/api/v1/customers/{id}/lost', { params: { path: { id } }, body }));
}

export function moveCustomer({ customer, to, lost }: MoveInput) {
  if (to === 'LOST') {
    if (!lost) throw new Error('A reason is needed to mark a customer lost.');
    return markLost(customer.id, lost);
  }
  return changeStage(customer, to);
}

export const moveMutationKey = ['pipeline', 'move'] as const;

interface MoveContext {
  from: QueryKey;
  to: QueryKey;
  /** The card was on the board's source column (and so is put back on failure). */
  removed: boolean;
}

/**
 * Moves a card at once (optimistic): it leaves its column, lands on top of the new one, counts follow. On failure it
 * goes back; once the last pending move is settled, the columns it touched are read again from the server.
 */
export function useMoveCustomer(filters: BoardFilters) {
  const client = useQueryClient();
  const touched = useRef(new Map<string, QueryKey>());
  return useMutation<Customer, Error, MoveInput, MoveContext>({
    mutationKey: moveMutationKey,
    mutationFn: moveCustomer,
    onMutate: ({ customer, to }) => {
      const from = columnQueryKey(filters, customer.stage);
      const target = to === 'LOST' ? lostCountQueryKey(filters) : columnQueryKey(filters, to);
      // A read under way would bring the card back where it was. Cancelling is immediate (not awaited), so the card
      // moves in the same frame as the drop.
      void client.cancelQueries({ queryKey: from });
      void client.cancelQueries({ queryKey: target });
      const before = client.getQueryData<ColumnData>(from);
      const removed = before?.pages.some((page) => page.items.some((item) => item.id === customer.id)) ?? false;
      client.setQueryData<ColumnData>(from, (data) => withoutCustomer(data, customer.id));
      if (to === 'LOST') {
        client.setQueryData<CustomerPage>(target, (page) => (page?.total != null ? { ...page, total: page.total + 1 } : page));
      } else {
        client.setQueryData<ColumnData>(target, (data) => withCustomer(data, { ...customer, stage: to }));
      }
      return { from, to: target, removed };
    },
    onError: (_error, { customer, to }, context) => {
      if (!context) return;
      if (to === 'LOST') {
        client.setQueryData<CustomerPage>(context.to, (page) => (page?.total != null ? { ...page, total: Math.max(0, page.total - 1) } : page));
      } else {
        client.setQueryData<ColumnData>(context.to, (data) => withoutCustomer(data, customer.id));
      }
      if (context.removed) client.setQueryData<ColumnData>(context.from, (data) => withCustomer(data, customer));
    },
    onSuccess: (updated, { to }, context) => {
      // The card now carries the new version, ready for the next move.
      if (to !== 'LOST') client.setQueryData<ColumnData>(context.to, (data) => withCustomer(data, updated));
    },
    onSettled: (_data, _error, _input, context) => {
      if (context) {
        touched.current.set(JSON.stringify(context.from), context.from);
        touched.current.set(JSON.stringify(context.to), context.to);
      }
      // Moves still under way would be undone on screen by a read that does not know them yet.
      if (client.isMutating({ mutationKey: moveMutationKey }) > 1) return;
      const keys = [...touched.current.values()];
      touched.current.clear();
      // Every other customer screen (the list, a customer's page) reads again when next shown.
      void client.invalidateQueries({ queryKey: ['customers'], refetchType: 'none' });
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
      // A lost customer's or a new deal's pool timer changes.
      void client.invalidateQueries({ queryKey: ['reminders'] });
    },
  });
}
