/**
 * The customer's messages and consent start with `messaging`, then the customer's id: one invalidation refreshes
 * what the customer page shows of them. (The templates the compose box offers are under `message-templates`.)
 */
export const messagingQueryKey = ['messaging'] as const;

export function customerMessagingQueryKey(customerId: number) {
  return [...messagingQueryKey, 'customer', customerId] as const;
}
