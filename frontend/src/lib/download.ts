import { toApiError } from './problem';

/** The file name a Content-Disposition header gives (filename* first, RFC 6266), or the fallback. */
export function fileNameFrom(response: Response, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*\s*=\s*[^']*''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A badly encoded name: fall through to the plain one.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1];
  return plain?.trim() || fallback;
}

/**
 * Hands a file the app fetched itself to the browser as a download: fetched, so a refusal (a problem answer) shows
 * in the app's words instead of as a broken file, then blob → object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A blob download as the fetchers return it: the file and its name. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * Unwraps an openapi-fetch call made with `parseAs: 'blob'`: the file and its name for a 2xx
 * answer, or an ApiError carrying the problem+json of any other.
 */
export async function unwrapFile(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<DownloadedFile> {
  const { data, error, response } = await call;
  if (!response.ok || !data) throw toApiError(error, response);
  return { blob: data, fileName: fileNameFrom(response, fallbackName) };
}
