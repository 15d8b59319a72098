import { mutationOptions, useMutation } from '@tanstack/react-query';
import { apiClient, unwrap } from '@/lib/api-client';
import type { components } from '@/lib/api/schema';
import { importsQueryKey } from './list-imports';

export type ImportJob = components['schemas']['ImportJob'];
export type ImportTarget = components['schemas']['ImportTarget'];
export type DuplicatePolicy = components['schemas']['DuplicatePolicy'];

export const TARGETS = ['POOL', 'OWNER'] as const satisfies readonly ImportTarget[];
export const DUPLICATE_POLICIES = ['SKIP', 'UPDATE', 'CREATE'] as const satisfies readonly DuplicatePolicy[];
export const ENCODINGS = ['AUTO', 'UTF-8', 'UTF-16', 'GB18030', 'GBK', 'Windows-1252'] as const;
export const DELIMITERS = ['AUTO', ',', ';', 'TAB'] as const;

/** Excel's longest sheet name. */
export const MAX_SHEET_LENGTH = 31;

/** An Excel workbook (.xlsx) rather than a CSV file, by its name: what the upload and a job's files are. */
export function isWorkbook(fileName: string | null | undefined): boolean {
  return fileName?.toLowerCase().endsWith('.xlsx') ?? false;
}

export interface ImportRequest {
  file: File;
  target: ImportTarget;
  ownerId?: number;
  /** The pool new customers go to (owned ones: return to); absent: the default pool. */
  poolId?: number;
  duplicatePolicy: DuplicatePolicy;
  /** CSV only: a workbook has no encoding or separator. */
  encoding: string;
  delimiter: string;
  /** A workbook only: the sheet to read, by name or position from 1; empty: the first. */
  sheet: string;
  /** Header → field overrides; empty: the server's own recognition. */
  mapping: Record<string, string>;
  dryRun: boolean;
}

/**
 * The multipart form the endpoint reads: every option as a text part, the file as a file part. A CSV file goes with
 * its encoding and separator, a workbook with its sheet (none: the first).
 */
export function importFormData(request: ImportRequest): FormData {
  const form = new FormData();
  form.append('file', request.file, request.file.name);
  form.append('target', request.target);
  if (request.target === 'OWNER' && request.ownerId !== undefined) form.append('ownerId', String(request.ownerId));
  if (request.poolId !== undefined) form.append('poolId', String(request.poolId));
  form.append('duplicatePolicy', request.duplicatePolicy);
  if (isWorkbook(request.file.name)) {
    const sheet = request.sheet.trim();
    if (sheet) form.append('sheet', sheet);
  } else {
    form.append('encoding', request.encoding);
    form.append('delimiter', request.delimiter);
  }
  if (Object.keys(request.mapping).length > 0) form.append('mapping', JSON.stringify(request.mapping));
  form.append('dryRun', String(request.dryRun));
  return form;
}

export function startImport(request: ImportRequest) {
  return unwrap(
    apiClient.POST('/api/v1/imports', {
      // The contract types the upload as its fields; what goes on the wire is the form built here.
      body: request as unknown as components['schemas']['ImportUpload'],
      bodySerializer: () => importFormData(request),
    }),
  );
}

export function startImportMutationOptions() {
  return mutationOptions({
    mutationKey: ['imports', 'start'],
    mutationFn: startImport,
    onSuccess: (_job, _request, _onMutateResult, { client }) => void client.invalidateQueries({ queryKey: importsQueryKey }),
  });
}

export function useStartImport() {
  return useMutation(startImportMutationOptions());
}
