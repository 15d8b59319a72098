import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type User = components['schemas']['User'];

/** The store's users, every page (the list of sub-accounts is short), for choosing who gets customers. */
export async function listAllUsers(): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(apiClient.GET('/api/v1/users', { params: { query: { limit: 200, cursor } } }));
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return users;
}

export function assignableUsersQueryOptions() {
  return queryOptions({
    queryKey: ['users', 'all'],
    queryFn: listAllUsers,
    // Only active users can receive customers.
    select: (users) => users.filter((user) => user.active),
  });
}

export function useAssignableUsers(enabled: boolean) {
  return useQuery({ ...assignableUsersQueryOptions(), enabled });
}
