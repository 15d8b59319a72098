import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saveBlob, unwrapFile } from '@/lib/download';
import { isWorkbook, type ImportJob } from './start-import';

/** The refused rows in the upload's own format: a workbook for an .xlsx upload, else CSV. */
export function downloadRejectedRows(job: Pick<ImportJob, 'id' | 'fileName'>) {
  const { id } = job;
  if (isWorkbook(job.fileName)) {
    return unwrapFile(
      apiClient.GET('/api/v1/imports/{id}/rejected.xlsx', { params: { path: { id } }, parseAs: 'blob' }),
      `import-${id}-rejected.xlsx`,
    );
  }
  return unwrapFile(
    apiClient.GET('/api/v1/imports/{id}/rejected.csv', { params: { path: { id } }, parseAs: 'blob' }),
    `import-${id}-rejected.csv`,
  );
}

/** Fetches the refused rows with the session's token and saves them as a file. */
export function useDownloadRejectedRows() {
  return useMutation({
    mutationKey: ['imports', 'rejected'],
    mutationFn: downloadRejectedRows,
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName),
  });
}
