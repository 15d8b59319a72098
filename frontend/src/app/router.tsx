import { useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppShell } from './components/app-shell';
import { RequireSession } from './components/require-session';
import { HomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { LogoutRoute } from './routes/logout';
import { NotFoundRoute } from './routes/not-found';
import { SignupRoute } from './routes/signup';
import { UsersRoute } from './routes/users';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  { path: '/signup', element: <SignupRoute /> },
  { path: '/logout', element: <LogoutRoute /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'settings/users', element: <UsersRoute /> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundRoute /> },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
