import { afterEach, describe, expect, it } from 'vitest';
import { getSession, saveSession, sessionOwner } from './session';

const expiresAt = '2099-01-01T00:00:00Z';

describe('session', () => {
  afterEach(() => localStorage.clear());

  it('keeps whom it is for and until when, never a credential', () => {
    saveSession({ owner: '7', expiresAt });
    expect(getSession()).toEqual({ owner: '7', expiresAt });
    expect(sessionOwner(getSession())).toBe('7');
    expect(localStorage.getItem('harbor.session')).toBe(JSON.stringify({ owner: '7', expiresAt }));
  });

  it('drops a session kept by an older version of the app, token and all', () => {
    localStorage.setItem('harbor.session', JSON.stringify({ token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', expiresAt }));
    expect(getSession()).toBeNull();
    expect(localStorage.getItem('harbor.session')).toBeNull();
  });

  it('names nobody without a session', () => {
    expect(sessionOwner(null)).toBeNull();
    expect(getSession()).toBeNull();
  });
});
