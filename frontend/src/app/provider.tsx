import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ToastProvider } from '@/components/toast';
import { ApiError } from '@/lib/problem';
import { getSession, sessionOwner, subscribeToSession } from '@/lib/session';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx answer will not change by asking again; network and server failures might.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // Another user (or nobody) is signed in now: nothing cached for the previous one may show. The same user with a
  // new token (their password changed) keeps what was read for them, and the page they are on.
  useEffect(() => {
    let owner = sessionOwner(getSession());
    return subscribeToSession(() => {
      const next = sessionOwner(getSession());
      if (owner === null || next !== owner) queryClient.removeQueries();
      owner = next;
    });
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      {/* What one-click actions did, said in toasts (src/components/toast.tsx). */}
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
