import { useEffect, useSyncExternalStore } from 'react';

/**
 * What the app knows of its session. The access token itself lives in an HttpOnly cookie the server sets (no script
 * on the page can read it); this is only whom it is for and until when, so the app knows whether to show the login.
 */
export interface Session {
  /** Whom the session is for (the user's id): a new session of the same person keeps what was read for them. */
  owner: string;
  /** ISO-8601 instant after which the server no longer accepts the session. */
  expiresAt: string;
}

const STORAGE_KEY = 'harbor.session';
const listeners = new Set<() => void>();

let cachedRaw: string | null = null;
let cachedSession: Session | null = null;

function parseSession(raw: string | null): Session | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'owner' in value &&
      'expiresAt' in value &&
      typeof value.owner === 'string' &&
      typeof value.expiresAt === 'string'
    ) {
      return { owner: value.owner, expiresAt: value.expiresAt };
    }
  } catch {
    // A corrupted entry is treated as "logged out".
  }
  return null;
}

function isExpired(session: Session, now = Date.now()): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt <= now;
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** The current session, or null when logged out or the session has expired. */
export function getSession(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  // Cached so useSyncExternalStore sees a stable reference between renders.
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSession = parseSession(raw);
  }
  if (raw !== null && cachedSession === null) {
    // Unreadable, or written by an older version that kept the token itself here: gone, and signed out.
    localStorage.removeItem(STORAGE_KEY);
    cachedRaw = null;
  }
  if (cachedSession && isExpired(cachedSession)) {
    localStorage.removeItem(STORAGE_KEY);
    cachedRaw = null;
    cachedSession = null;
  }
  return cachedSession;
}

export function saveSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  notify();
}

export function clearSession(): void {
  if (localStorage.getItem(STORAGE_KEY) === null) return;
  localStorage.removeItem(STORAGE_KEY);
  notify();
}

/** Whom a session is for, or null when nobody is signed in. */
export function sessionOwner(session: Session | null): string | null {
  return session?.owner ?? null;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  // Logging in or out in another tab changes this tab's session too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

// setTimeout fires at once for delays above 2^31-1 ms (about 24.8 days).
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** The current session; re-renders on login, logout and when the session expires. */
export function useSession(): Session | null {
  const session = useSyncExternalStore(subscribeToSession, getSession);
  useEffect(() => {
    if (!session) return;
    const delay = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(notify, Math.min(Math.max(delay, 0), MAX_TIMER_DELAY_MS));
    return () => clearTimeout(timer);
  }, [session]);
  return session;
}
