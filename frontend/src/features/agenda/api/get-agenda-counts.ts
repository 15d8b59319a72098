import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { agendaCountsQueryKey } from './keys';

/** The caller's counts: overdue and due today are what needs doing now. */
export function getAgendaCounts() {
  return unwrap(apiClient.GET('/api/v1/agenda/counts'));
}

export function agendaCountsQueryOptions() {
  return queryOptions({
    queryKey: agendaCountsQueryKey,
    queryFn: getAgendaCounts,
    refetchInterval: 5 * 60_000,
  });
}

export function useAgendaCounts() {
  return useQuery(agendaCountsQueryOptions());
}
