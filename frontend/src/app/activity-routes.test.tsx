import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };

/** /me answers with the given role; the activity summary is empty; every list answers empty. */
function signIn(role: string) {
  saveSession({ owner: '1', expiresAt: '2099-01-01T00:00:00Z' });
  const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai', language: 'en' };
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse({ user: { id: 1, name: 'Li Na', email: 'li@example.com', role, active: true }, store });
    if (path === '/api/v1/reminders') {
      return jsonResponse({ counts: { overdue: 0, dueToday: 0, returnWarnings: 0, repeatInquiries: 0 }, items: [] });
    }
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/activity/summary') return jsonResponse({ from: '2026-03-04', to: '2026-03-10', reps: [], days: [] });
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
  return { router, user: userEvent.setup() };
}

describe('Team activity in the app', () => {
  it.each([
    ['a manager', 'MANAGER'],
    ['an administrator', 'ADMIN'],
  ])('offers %s the team’s activity', SLOW, async (_, role) => {
    signIn(role);
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Team activity' }));
    expect(await screen.findByRole('heading', { name: 'Team activity', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/activity');
    expect(within(nav).getByRole('link', { name: 'Team activity' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('combobox', { name: 'Person' })).toBeInTheDocument();
  });

  it('offers a rep their own activity', SLOW, async () => {
    signIn('REP');
    const { user } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Team activity' })).not.toBeInTheDocument();
    await user.click(await within(nav).findByRole('link', { name: 'My activity' }));
    expect(await screen.findByRole('heading', { name: 'My activity', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Person' })).not.toBeInTheDocument();
  });
});
