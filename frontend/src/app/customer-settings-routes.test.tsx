import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };
const store = { id: 's1', name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };
const who = (role: string) => ({ user: { id: 1, name: 'Li Na', email: 'li@example.com', role, active: true }, store });

/** /me answers with the given role; every list answers empty. */
function signIn(role: string) {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse(who(role));
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/custom-fields' || path === '/api/v1/team') return jsonResponse({ items: [] });
    return jsonResponse({ items: [], nextCursor: null });
  });
}

function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
}

describe('Duplicates and Lost reasons per role', () => {
  it('offers both to administrators', SLOW, async () => {
    signIn('ADMIN');
    renderApp('/settings/lost-reasons');
    expect(await screen.findByRole('heading', { name: 'Lost reasons', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Lost reasons' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Duplicates' })).toBeInTheDocument();
  });

  it('offers Duplicates to managers, and keeps Lost reasons from them', SLOW, async () => {
    signIn('MANAGER');
    renderApp('/duplicates');
    expect(await screen.findByRole('heading', { name: 'Duplicates', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Lost reasons' })).not.toBeInTheDocument();
  });

  it('keeps both from reps', SLOW, async () => {
    signIn('REP');
    renderApp('/duplicates');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Duplicates' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Lost reasons' })).not.toBeInTheDocument();
  });
});
