import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { clearSession } from '@/lib/session';

/**
 * Logging out happens outside the protected routes, so the login screen does not
 * offer to return the next person to the page the previous one was on.
 */
export function LogoutRoute() {
  useEffect(clearSession, []);
  return <Navigate to="/login" replace />;
}
