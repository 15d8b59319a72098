import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@/lib/session';

export interface RedirectState {
  from?: string;
}

/** Routes below need a session; without one (logged out, expired, or a 401) go to the login screen. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const state: RedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/** Login and signup make no sense with a session: go where the user was heading. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session) {
    const from = (location.state as RedirectState | null)?.from;
    return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  }
  return children;
}
