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

export const IMPORT_POLL_MS = 700;

export function importQueryOptions(id: number) {
  return queryOptions({
    queryKey: [...importsQueryKey, 'job', id],
    queryFn: () => getImport(id),
    // Follows the job for the progress bar, and stops once it is over.
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data) ? false : IMPORT_POLL_MS),
  });
}

export function useImport(id: number | null, initial?: ImportJob) {
  return useQuery({
    ...importQueryOptions(id ?? 0),
    enabled: id !== null,
    initialData: initial && initial.id === id ? initial : undefined,
  });
}
