import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import { importsQueryKey } from './list-imports';
import type { ImportJob } from './start-import';

export function getImport(id: number) {
  return unwrap(apiClient.GET('/api/v1/imports/{id}', { params: { path: { id } } }));
}

/** A job still moves while queued or running; DONE and FAILED are final. */
export function isRunning(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'QUEUED' || job.status === 'RUNNING';
}

/**
 * A finished import whose new customers q cannot find yet: the server fills their search rows right after the
 * job's commit (moments for a small file, about a minute and a half for a million rows) and then sets searchReadyAt.
 */
export function isSearchCatchingUp(job: Pick<ImportJob, 'status' | 'searchReadyAt'>): boolean {
  return job.status === 'DONE' && !job.searchReadyAt;
}

export const IMPORT_POLL_MS = 700;
/** Search catching up is no progress bar: a slower poll is enough. */
export const SEARCH_POLL_MS = 2000;

export function importQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...importsQueryKey, 'job', id],
    queryFn: () => getImport(id),
    // Follows the job for the progress bar, then until search has caught up, and stops once both are over.
    refetchInterval: (query) => {
      const job = query.state.data;
      if (!job || isRunning(job)) return IMPORT_POLL_MS;
      return isSearchCatchingUp(job) ? SEARCH_POLL_MS : false;
    },
  });
}

export function useImport(id: number | null, initial?: ImportJob) {
  return useQuery({
    ...importQueryOptions(id ?? 0),
    enabled: id !== null,
    initialData: initial && initial.id === id ? initial : undefined,
  });
}
