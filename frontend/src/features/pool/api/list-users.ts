import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { allPages } from '@/lib/paging';

export type User = components['schemas']['User'];

/** The store's users, every page (the list of sub-accounts is short), for choosing who gets customers. */
export function listAllUsers(): Promise<User[]> {
  return allPages((cursor) => unwrap(apiClient.GET('/api/v1/users', { params: { query: { limit: 200, cursor } } })));
}

/** Only active users can receive customers; only administrators may list users. */
export function useAssignableUsers(enabled: boolean) {
  return useQuery({
    ...queryOptions({ queryKey: ['users', 'all'], queryFn: listAllUsers }),
    select: (users: User[]) => users.filter((user) => user.active),
    enabled,
  });
}
