import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { getSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { customer } from '@/features/customers/components/test-api';
import { AppProvider } from './provider';
import { routes } from './router';

const me = {
  user: { id: 'u1', name: 'Li Na', email: 'li@example.com', role: 'MANAGER', active: true },
  store: { id: 's1', name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' },
};

const admin = {
  user: { id: 1, name: 'Wang Wei', email: 'wang@example.com', role: 'ADMIN', active: true },
  store: me.store,
};

const agenda = {
  userId: 1,
  today: '2026-03-02',
  from: '2026-03-02',
  to: '2026-03-08',
  counts: { overdue: 2, today: 1, upcoming: 0, returning: 1, repeatInquiries: 0 },
  items: [
    { key: 'next-3', kind: 'NEXT_FOLLOW_UP', customerId: 3, customerName: 'John Miller', dueOn: '2026-03-01', at: '2026-03-01T08:00:00Z', overdue: true },
    { key: 'return-4', kind: 'POOL_RETURN', customerId: 4, customerName: 'Zhao Lei', dueOn: '2026-03-04', at: '2026-03-04T08:00:00Z', overdue: false, daysLeft: 2, rule: 'NO_DEAL' },
  ],
};

/** Answers /me with `who`, and the lists the customer screens load with empty pages. */
function answer(who: unknown) {
  return (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/customers') return jsonResponse({ items: [], nextCursor: null });
    if (path === '/api/v1/views' || path === '/api/v1/tags') return jsonResponse({ items: [], nextCursor: null });
    if (path === '/api/v1/custom-fields') return jsonResponse({ items: [] });
    if (path === '/api/v1/agenda') return jsonResponse(agenda);
    if (path === '/api/v1/agenda/counts') return jsonResponse(agenda.counts);
    if (path === '/api/v1/team') return jsonResponse({ items: [] });
    if (path === '/api/v1/me/notification-settings') {
      return jsonResponse({ digestEnabled: true, digestTime: '08:00', language: null, emailReady: true });
    }
    return jsonResponse(who);
  };
}

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

  it('starts a signed-in manager on the agenda', async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(answer(me));
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Agenda', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/agenda');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    // The agenda comes first in the navigation.
    expect(within(nav).getAllByRole('link')[0]).toHaveAccessibleName('Agenda');
    expect(within(nav).getByRole('link', { name: 'Agenda' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Customers' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Tags' })).toBeInTheDocument();
  });

  it('shows the signed-in user, their role and store in the header and on the profile page', async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(answer(me));
    renderApp('/profile');

    const header = await screen.findByRole('banner');
    expect(await screen.findByRole('heading', { name: 'My profile' })).toBeInTheDocument();
    expect(header).toHaveTextContent('Ningbo Pumps');
    expect(header).toHaveTextContent('Li Na, Manager');
    expect(screen.getByText('li@example.com')).toBeInTheDocument();
    expect(screen.getByText('Asia/Shanghai')).toBeInTheDocument();
  });

  it('goes back to the login screen when the server answers 401', async () => {
    saveSession({ owner: 'revoked', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(() =>
      problemResponse({ type: 'https://harbor-crm.dev/problems/unauthorized', title: 'Unauthorized', status: 401 }),
    );
    renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Log in to Harbor CRM' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it('logs out', async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(answer(me));
    const { user } = renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Log in to Harbor CRM' })).toBeInTheDocument();
    expect(getSession()).toBeNull();
  });

  it('offers Users in the navigation to administrators only', async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch((request) =>
      request.url.includes('/users')
        ? jsonResponse({ items: [{ ...admin.user, createdAt: '2025-03-01T08:00:00Z', version: 0 }], nextCursor: null })
        : answer(admin)(request),
    );
    const { user, router } = renderApp('/profile');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'My profile' })).toHaveAttribute('aria-current', 'page');
    await user.click(await within(nav).findByRole('link', { name: 'Users' }));

    expect(await screen.findByRole('heading', { name: 'Users', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/users');
    expect(await screen.findByRole('combobox', { name: 'Role of Wang Wei' })).toBeInTheDocument();
  });

  it('shows no Users link to a manager, and refuses the page', async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    const { requests } = mockFetch(answer(me));
    renderApp('/settings/users');

    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(requests.map((request) => new URL(request.url).pathname)).not.toContain('/api/v1/users');
  });

  it('after logging out, the next person to log in starts at home', async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch((request) =>
      request.url.endsWith('/auth/login')
        ? jsonResponse({ token: 'jwt-2', expiresAt: '2099-01-01T00:00:00Z', user: me.user })
        : answer(me)(request),
    );
    const { user, router } = renderApp('/settings/users');

    await user.click(await screen.findByRole('button', { name: 'Log out' }));
    await user.type(await screen.findByLabelText('Email'), 'li@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Agenda', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/agenda');
  });

  it('after logging in, returns to the page the user was sent away from', async () => {
    mockFetch((request) =>
      request.url.endsWith('/auth/login')
        ? jsonResponse({ token: 'jwt', expiresAt: '2099-01-01T00:00:00Z', user: me.user })
        : answer(me)(request),
    );
    const { user, router } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Email'), 'li@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'My profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
  });

  it('shows in the header what is overdue or due today, and opens the agenda', { timeout: 20_000 }, async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(answer(me));
    const { user, router } = renderApp('/profile');

    const badge = await screen.findByRole('link', { name: 'Agenda: 3 items overdue or due today' });
    expect(within(screen.getByRole('banner')).getByText('3')).toHaveClass('badge-urgent');
    await user.click(badge);
    expect(router.state.location.pathname).toBe('/agenda');
    expect(await screen.findByRole('heading', { name: 'Agenda', level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'John Miller' })).toHaveAttribute('href', '/customers/3');
    expect(screen.getByRole('region', { name: 'Returning to the pool soon 1' })).toHaveTextContent('Zhao Lei');
  });

  it('sends the old Reminders address to the agenda', { timeout: 20_000 }, async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(answer(me));
    const { router } = renderApp('/reminders');

    expect(await screen.findByRole('heading', { name: 'Agenda', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/agenda');
  });

  it('offers everyone their notification settings', { timeout: 20_000 }, async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    mockFetch(answer({ ...me, user: { ...me.user, role: 'REP' } }));
    const { user, router } = renderApp('/profile');

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Notifications' }));

    expect(router.state.location.pathname).toBe('/settings/notifications');
    expect(await screen.findByRole('heading', { name: 'Notifications', level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole('switch', { name: 'Send me the daily digest' })).toBeChecked();
  });

  it('offers the pool to everyone and the pool rules to managers and admins, not to reps', { timeout: 20_000 }, async () => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    const rep = { ...me, user: { ...me.user, role: 'REP' } };
    mockFetch(answer(rep));
    renderApp('/settings/pool-rules');

    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Pool' })).toHaveAttribute('href', '/pool');
    expect(within(nav).queryByRole('link', { name: 'Pool rules' })).not.toBeInTheDocument();
  });
  it.each([
    ['a pool customer', null, 'Pool', 'My customers', 'Back to the pool'],
    ['one of my customers', 1, 'My customers', 'Pool', 'Back to my customers'],
  ])("marks the navigation's area on %s's page", async (_, ownerId, current, other, back) => {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    const rep = { ...me, user: { ...me.user, id: 1, role: 'REP' } };
    const lists = answer(rep);
    mockFetch((request: Request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/customers/5') return jsonResponse(customer(5, { name: 'John Miller', ownerId }));
      if (path.startsWith('/api/v1/customers/5/')) return jsonResponse({ items: [], nextCursor: null });
      return lists(request);
    });
    renderApp('/customers/5');

    // the customer's page is loaded on demand: give it time on a busy machine
    expect(await screen.findByRole('heading', { name: 'John Miller', level: 1 }, { timeout: 10_000 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await waitFor(() => expect(within(nav).getByRole('link', { name: current })).toHaveAttribute('aria-current', 'page'));
    expect(within(nav).getByRole('link', { name: other })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('link', { name: back })).toBeInTheDocument();
  }, 20_000);
});
