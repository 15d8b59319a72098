import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };
const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };
const who = (role: 'ADMIN' | 'MANAGER' | 'REP') => ({
  user: { id: 2, name: 'Li Na', email: 'li@example.com', role, active: true },
  store,
});
const emptyChurn = {
  from: '2026-03-01',
  to: '2026-03-15',
  timeZone: 'Asia/Shanghai',
  groupBy: 'MONTH',
  scope: 'OWN',
  totals: { activeAtStart: 0, lost: 0, released: 0, autoReturned: 0, churned: 0, churnRate: null },
  reasons: [],
  series: [],
};

/** /me as `role`; empty answers for the lists and reports the screens load. */
function signIn(role: 'ADMIN' | 'MANAGER' | 'REP') {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse(who(role));
    if (path === '/api/v1/agenda/counts') {
      return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    }
    if (path === '/api/v1/stats/churn') return jsonResponse(emptyChurn);
    if (path === '/api/v1/stats/funnel') return jsonResponse({ ...emptyChurn, stages: [] });
    if (path === '/api/v1/stats/reps') return jsonResponse({ ...emptyChurn, items: [] });
    if (path === '/api/v1/custom-fields') return jsonResponse({ items: [] });
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

describe('import and statistics in the app', () => {
  it('offers Import and Statistics to a manager, and opens both', SLOW, async () => {
    signIn('MANAGER');
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Import' }));
    expect(await screen.findByRole('heading', { name: 'Import customers', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/imports');
    // The statistics screen (and ECharts with it) loads on first use.
    await user.click(within(nav).getByRole('link', { name: 'Statistics' }));
    expect(await screen.findByRole('heading', { name: 'Statistics', level: 1 })).toBeInTheDocument();
  });

  it('offers a rep Statistics but not Import, and tells them why when they open the page', SLOW, async () => {
    signIn('REP');
    renderApp('/imports');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Statistics' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Import' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('CSV or Excel file')).not.toBeInTheDocument();
  });
});
