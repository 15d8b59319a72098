import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { activityQueryKey } from './keys';

export type ActivitySummary = components['schemas']['ActivitySummary'];
export type ActivityRepSummary = components['schemas']['ActivityRepSummary'];

/** Whose figures and over which days (the server's default: the last 7 days, at most 92). */
export interface SummaryFilters {
  from?: string;
  to?: string;
  userId?: number[];
  team?: string;
}

/** Per person over the period: follow-ups by type, customers touched, active days, overdue tasks now. */
export function summarizeActivity(filters: SummaryFilters) {
  return unwrap(
    apiClient.GET('/api/v1/activity/summary', {
      params: {
        query: {
          from: filters.from,
          to: filters.to,
          userId: filters.userId && filters.userId.length > 0 ? filters.userId : undefined,
          team: filters.team || undefined,
        },
      },
    }),
  );
}

export function activitySummaryQueryOptions(filters: SummaryFilters) {
  return queryOptions({
    queryKey: [...activityQueryKey, 'summary', filters],
    queryFn: () => summarizeActivity(filters),
  });
}

export function useActivitySummary(filters: SummaryFilters) {
  // The figures of the last period stay while the next ones load, rather than the block collapsing.
  return useQuery({ ...activitySummaryQueryOptions(filters), placeholderData: keepPreviousData });
}

export interface Person {
  id: number;
  name: string;
  team: string | null;
}

/**
 * Everyone the person and team filters offer: the summary without filters lists every active person of the store
 * with their team (GET /users is for administrators only, and /team has no teams).
 */
export function activityPeopleQueryOptions() {
  return queryOptions({
    queryKey: [...activityQueryKey, 'people'],
    queryFn: () => summarizeActivity({}),
    select: (summary): Person[] => summary.reps.map((rep) => ({ id: rep.userId, name: rep.name, team: rep.team ?? null })),
    staleTime: 5 * 60_000,
  });
}

/** Only for managers and administrators: a rep's filters have no people. */
export function useActivityPeople(enabled: boolean) {
  return useQuery({ ...activityPeopleQueryOptions(), enabled });
}
