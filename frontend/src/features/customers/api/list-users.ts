import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';

export type User = components['schemas']['User'];

/** The store's active users (every page: the list is short), who can receive transferred customers. */
export function transferTargetsQueryOptions() {
  return queryOptions({
    queryKey: ['users', 'all'],
    queryFn: async () => {
      const users: User[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(apiClient.GET('/api/v1/users', { params: { query: { limit: 200, cursor } } }));
        users.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return users;
    },
    select: (users) => users.filter((user) => user.active),
  });
}

/** Only administrators may list users. */
export function useTransferTargets(enabled: boolean) {
  return useQuery({ ...transferTargetsQueryOptions(), enabled });
}
