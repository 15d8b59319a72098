import { useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { allPages } from '@/lib/paging';

export type User = components['schemas']['User'];

export function listAllUsers(): Promise<User[]> {
  return allPages((cursor) => unwrap(apiClient.GET('/api/v1/users', { params: { query: { limit: 200, cursor } } })));
}

/** Active users, who can receive transferred customers. Only administrators may list users. */
export function useTransferTargets(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'all'],
    queryFn: listAllUsers,
    select: (users: User[]) => users.filter((user) => user.active),
    enabled,
  });
}
