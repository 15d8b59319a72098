import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };
const store = { id: 's1', name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };
const who = (role: string) => ({ user: { id: 1, name: 'Li Na', email: 'li@example.com', role, active: true }, store });
const mainPool = {
  id: 0,
  name: 'Main pool',
  everyone: true,
  isDefault: true,
  memberIds: [],
  managerIds: [],
  customerCount: 12,
  createdAt: '2026-03-01T08:00:00Z',
  updatedAt: '2026-03-01T08:00:00Z',
  version: 0,
};

/** /me answers with the given role; the store has its default pool; every other list answers empty. */
function signIn(role: string) {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  const { requests } = mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse(who(role));
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/pools') return jsonResponse({ items: [mainPool] });
    if (path === '/api/v1/team') return jsonResponse({ items: [] });
    return jsonResponse({ items: [], nextCursor: null });
  });
  return { paths: () => requests.map((request) => `${request.method} ${new URL(request.url).pathname}`) };
}

function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
}

describe('Settings → Pools per role', () => {
  it('lets an administrator manage the pools, next to the pool rules', SLOW, async () => {
    signIn('ADMIN');
    renderApp('/settings/pools');
    expect(await screen.findByRole('heading', { name: 'Pools', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Pools' })).toHaveAttribute('aria-current', 'page');
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links.indexOf('Pools')).toBe(links.indexOf('Pool rules') + 1);
    expect(screen.getByRole('region', { name: 'Add a pool' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Edit the pool Main pool' })).toBeInTheDocument();
  });

  it('shows a manager the pools without changing them', SLOW, async () => {
    signIn('MANAGER');
    renderApp('/settings/pools');
    expect(await screen.findByText('12 customers')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Add a pool' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit the pool Main pool' })).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Pools' })).toBeInTheDocument();
  });

  it('keeps them from reps', SLOW, async () => {
    const { paths } = signIn('REP');
    renderApp('/settings/pools');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Pools' })).not.toBeInTheDocument();
    expect(paths()).not.toContain('GET /api/v1/team');
  });

  it('names the page in Chinese in the navigation', SLOW, async () => {
    setLocale('zh-CN');
    signIn('ADMIN');
    renderApp('/settings/pools');
    expect(await screen.findByRole('heading', { name: '公海池', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '公海池' })).toHaveAttribute('aria-current', 'page');
  });
});
