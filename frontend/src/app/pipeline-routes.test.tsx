import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };

function signIn(role: string) {
  saveSession({ owner: '1', expiresAt: '2099-01-01T00:00:00Z' });
  const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai', language: 'en' };
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse({ user: { id: 1, name: 'Li Na', email: 'li@example.com', role, active: true }, store });
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/customers') return jsonResponse({ items: [], nextCursor: null, total: 0 });
    return jsonResponse({ items: [], nextCursor: null });
  });
}

describe('Pipeline route', () => {
  it.each([
    ['REP', 'My pipeline'],
    ['MANAGER', 'Pipeline'],
    ['ADMIN', 'Pipeline'],
  ])('is in the navigation for %s and opens the board', SLOW, async (role, title) => {
    const { requests } = signIn(role);
    const router = createMemoryRouter(routes, { initialEntries: ['/customers'] });
    render(
      <AppProvider>
        <RouterProvider router={router} />
      </AppProvider>,
    );
    const user = userEvent.setup();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Pipeline' }));

    expect(await screen.findByRole('heading', { name: title, level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/pipeline');
    expect(within(nav).getByRole('link', { name: 'Pipeline' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() =>
      expect(requests.some((request) => new URL(request.url).searchParams.getAll('stage').includes('REPEAT_PURCHASE'))).toBe(true),
    );
    expect(await screen.findAllByText('No customers at this stage.')).toHaveLength(6);
  });
});
