import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { apiClient, unwrap } from './api-client';
import { ApiError } from './problem';
import { getSession, saveSession, subscribeToSession } from './session';

const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();
const me = {
  user: { id: 'u1', name: 'Li Na', email: 'li@example.com', role: 'REP', active: true },
  store: { id: 's1', name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' },
};

describe('api client', () => {
  it('sends no credential of its own: the session cookie goes by itself, with the header that says it is the app', async () => {
    saveSession({ owner: '7', expiresAt: inOneHour() });
    const { requests } = mockFetch(() => jsonResponse(me));

    const data = await unwrap(apiClient.GET('/api/v1/me'));

    expect(data).toEqual(me);
    expect(requests[0]?.headers.get('Authorization')).toBeNull();
    expect(requests[0]?.headers.get('X-Requested-By')).toBe('harbor-web');
    expect(requests[0]?.credentials).toBe('same-origin');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe('/api/v1/me');
  });

  it('forgets an expired session', async () => {
    mockFetch(() => jsonResponse(me));
    saveSession({ owner: '7', expiresAt: new Date(Date.now() - 1000).toISOString() });
    await apiClient.GET('/api/v1/me');

    expect(getSession()).toBeNull();
  });

  it('clears the session when the server answers 401', async () => {
    saveSession({ owner: 'revoked', expiresAt: inOneHour() });
    const onSessionChange = vi.fn();
    const unsubscribe = subscribeToSession(onSessionChange);
    mockFetch(() =>
      problemResponse({ type: 'https://harbor-crm.dev/problems/unauthorized', title: 'Unauthorized', status: 401 }),
    );

    await expect(unwrap(apiClient.GET('/api/v1/me'))).rejects.toBeInstanceOf(ApiError);

    expect(getSession()).toBeNull();
    expect(localStorage.getItem('harbor.session')).toBeNull();
    expect(onSessionChange).toHaveBeenCalled();
    unsubscribe();
  });

  it('keeps the session on other failures', async () => {
    saveSession({ owner: 'jwt-123', expiresAt: inOneHour() });
    mockFetch(() => problemResponse({ type: 'https://harbor-crm.dev/problems/forbidden', title: 'Forbidden', status: 403 }));

    const failure = await unwrap(apiClient.GET('/api/v1/me')).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).kind).toBe('forbidden');
    expect(getSession()?.owner).toBe('jwt-123');
  });

  it('tells the server the chosen language', async () => {
    localStorage.setItem('harbor.locale', 'zh-CN');
    const { requests } = mockFetch(() => jsonResponse(me));
    await apiClient.GET('/api/v1/me');
    expect(requests[0]?.headers.get('Accept-Language')).toBe('zh-CN');
  });
});
