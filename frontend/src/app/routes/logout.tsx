import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { apiClient } from '@/lib/api-client';
import { clearSession } from '@/lib/session';

/**
 * Logging out happens outside the protected routes, so the login screen does not
 * offer to return the next person to the page the previous one was on. The server drops the session cookie; the
 * app forgets the session at once, whether or not that answer arrives.
 */
export function LogoutRoute() {
  useEffect(() => {
    clearSession();
    void apiClient.POST('/api/v1/auth/logout').catch(() => undefined);
  }, []);
  return <Navigate to="/login" replace />;
}
