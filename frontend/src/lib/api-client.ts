import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema';
import { getLocale } from './i18n';
import { toApiError } from './problem';
import { clearSession } from './session';

/**
 * The session travels in the server's HttpOnly cookie, which the browser adds by itself. Every request also says it
 * comes from the app (the server refuses cookie-borne writes without this header: another site cannot add it).
 */
export const CSRF_HEADER = 'X-Requested-By';

export const authMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set(CSRF_HEADER, 'harbor-web');
    request.headers.set('Accept-Language', getLocale());
    return request;
  },
  onResponse({ response }) {
    // The session was refused (expired, revoked, user deactivated, signed out): log out, and
    // the protected routes send the user to the login screen.
    if (response.status === 401) clearSession();
    return undefined;
  },
};

export const apiClient = createClient<paths>({
  // An absolute base: the Request constructor rejects relative URLs outside a browser (tests).
  baseUrl: window.location.origin,
  // Looked up on every call rather than captured once, so tests can stub fetch.
  fetch: (request) => globalThis.fetch(request),
});
apiClient.use(authMiddleware);

/**
 * Unwraps an openapi-fetch result: the data of a 2xx answer, or an ApiError
 * carrying the problem+json of any other answer.
 */
export async function unwrap<Data>(
  call: Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(error, response);
  return data as Data;
}
