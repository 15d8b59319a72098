import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saveBlob, unwrapFile } from '@/lib/download';

export function downloadRejectedRows(id: number) {
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
