import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { agendaListQueryKey } from './keys';

export type Agenda = components['schemas']['Agenda'];
export type AgendaItem = components['schemas']['AgendaItem'];
export type AgendaItemKind = components['schemas']['AgendaItemKind'];
export type AgendaCounts = components['schemas']['AgendaCounts'];

/** Today and the six days after (the server's default range), plus everything overdue; `userId` only for someone else. */
export function getAgenda(userId?: number) {
  return unwrap(apiClient.GET('/api/v1/agenda', { params: { query: userId === undefined ? {} : { userId } } }));
}

export function agendaQueryOptions(userId?: number) {
  return queryOptions({
    queryKey: agendaListQueryKey(userId),
    queryFn: () => getAgenda(userId),
    // Tasks fall due and customers near the pool while the app stays open all day.
    refetchInterval: 5 * 60_000,
  });
}

export function useAgenda(userId?: number) {
  return useQuery(agendaQueryOptions(userId));
}
