import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema';
import { getLocale } from './i18n';
import { toApiError } from './problem';
import { clearSession, getSession } from './session';

export const authMiddleware: Middleware = {
  onRequest({ request }) {
    const session = getSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    request.headers.set('Accept-Language', getLocale());
    return request;
  },
  onResponse({ response }) {
    // The token was refused (expired, revoked, user deactivated): log out, and
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
