import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { getSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const me = {
  user: { id: 'u1', name: 'Li Na', email: 'li@example.com', role: 'MANAGER', active: true },
  store: { id: 's1', name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' },
};

function renderApp(path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, user: userEvent.setup() };
}

describe('app', () => {
  it('sends a visitor without a session to the login screen', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Log in to Harbor CRM' })).toBeInTheDocument();
  });

  it('shows the signed-in user, their role and store in the header and on the home page', async () => {
    saveSession({ token: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(() => jsonResponse(me));
    renderApp('/');

    const header = await screen.findByRole('banner');
    expect(await screen.findByRole('heading', { name: 'My profile' })).toBeInTheDocument();
    expect(header).toHaveTextContent('Ningbo Pumps');
    expect(header).toHaveTextContent('Li Na, Manager');
    expect(screen.getByText('li@example.com')).toBeInTheDocument();
    expect(screen.getByText('Asia/Shanghai')).toBeInTheDocument();
  });

  it('goes back to the login screen when the server answers 401', async () => {
    saveSession({ token: 'revoked', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(() =>
      problemResponse({ type: 'https://harbor-crm.dev/problems/unauthorized', title: 'Unauthorized', status: 401 }),
    );
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Log in to Harbor CRM' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it('logs out', async () => {
    saveSession({ token: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(() => jsonResponse(me));
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Log in to Harbor CRM' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it('after logging in, returns to the page the user was sent away from', async () => {
    mockFetch((request) =>
      request.url.endsWith('/auth/login')
        ? jsonResponse({ token: 'jwt', expiresAt: '2099-01-01T00:00:00Z', user: me.user })
        : jsonResponse(me),
    );
    const { user, router } = renderApp('/');

    await user.type(await screen.findByLabelText('Email'), 'li@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'My profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
