import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { customer } from '@/features/customers/components/test-api';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };

function meAs(role: 'REP' | 'MANAGER' | 'ADMIN') {
  return {
    user: { id: 7, name: 'Li Na', email: 'li@example.com', role, active: true },
    store: { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' },
  };
}

const counts = { overdue: 1, today: 2, upcoming: 0, returning: 3, repeatInquiries: 2 };
const mine = customer(11, { name: 'Acme Trading', companyName: 'Acme Ltd', email: 'buyer@acme.example', ownerId: 7 });
const pooled = customer(12, { name: 'Acme Pumps', companyName: undefined, email: undefined, phone: undefined, ownerId: undefined });

/**
 * A signed-in user whose store has 42 pool customers (or `poolSize`, counted up to the request's countUpTo as the API
 * does); searches find `mine` in their list and `pooled` in the pool.
 */
function signIn(role: 'REP' | 'MANAGER' | 'ADMIN', poolSize = 42) {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  return mockFetch((request) => {
    const url = new URL(request.url);
    const q = url.searchParams.get('q');
    switch (url.pathname) {
      case '/api/v1/me':
        return jsonResponse(meAs(role));
      case '/api/v1/agenda/counts':
        return jsonResponse(counts);
      case '/api/v1/agenda':
        return jsonResponse({ userId: 7, today: '2026-03-02', from: '2026-03-02', to: '2026-03-08', counts, items: [] });
      case '/api/v1/pool':
        if (q) return jsonResponse({ items: q.includes('acme') ? [pooled] : [], nextCursor: null });
        if (url.searchParams.has('countUpTo')) {
          const bound = Number(url.searchParams.get('countUpTo'));
          return jsonResponse({ items: [pooled], nextCursor: 'next', total: Math.min(poolSize, bound), totalCapped: poolSize > bound });
        }
        return jsonResponse({ items: [pooled], nextCursor: 'next' });
      case '/api/v1/customers':
        // a manager's list holds the pool's customers too: the search lists them once
        return jsonResponse({ items: q?.includes('acme') ? [mine, pooled] : [], nextCursor: null });
      default:
        return jsonResponse({ items: [], nextCursor: null });
    }
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

describe('the workspace', () => {
  it('groups the areas in a sidebar and says what waits in each, as the links\' descriptions', SLOW, async () => {
    signIn('REP');
    renderApp('/agenda');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const work = await within(nav).findByRole('list', { name: 'Daily work' });
    expect(within(work).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Agenda',
      'My customers',
      'Pool',
      'Pipeline',
      'Inquiries',
    ]);
    expect(within(nav).getByRole('list', { name: 'Settings' })).toBeInTheDocument();
    // A rep is offered no store settings.
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();

    const pool = within(nav).getByRole('link', { name: 'Pool' });
    await waitFor(() => expect(pool).toHaveAccessibleDescription('42 customers in the pool'));
    expect(within(nav).getByRole('link', { name: 'My customers' })).toHaveAccessibleDescription(
      '3 customers return to the pool soon',
    );
    expect(within(nav).getByRole('link', { name: 'Inquiries' })).toHaveAccessibleDescription(
      '2 repeat inquiries on your customers',
    );
    expect(within(nav).getByRole('link', { name: 'Agenda' })).toHaveAttribute('aria-current', 'page');
  });

  it('counts a large pool only up to a bound, and says "more than" beside the link', SLOW, async () => {
    const { requests } = signIn('REP', 250_000);
    renderApp('/agenda');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const pool = await within(nav).findByRole('link', { name: 'Pool' });
    await waitFor(() => expect(pool).toHaveAccessibleDescription('More than 1,000 customers in the pool'));
    expect(within(nav).getByText('1,000+')).toBeInTheDocument();
    const count = requests.map((request) => new URL(request.url)).find((url) => url.pathname === '/api/v1/pool');
    expect(count?.searchParams.get('countUpTo')).toBe('1000');
    expect(count?.searchParams.has('includeTotal')).toBe(false);
  });

  it('folds the sidebar behind a Menu button that opens, moves focus in, and closes on Escape or on going somewhere', SLOW, async () => {
    signIn('MANAGER');
    const { router, user } = renderApp('/agenda');
    const menu = await screen.findByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', nav.id);

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(nav).toHaveAttribute('data-open', 'true');
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'Agenda' })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(nav).getByRole('link', { name: 'Statistics' }));
    // Closed on the click itself, before the statistics screen's code has arrived.
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(router.state.location.pathname).toBe('/stats'));
  });

  it('finds customers from anywhere with Ctrl+K: theirs and the pool\'s, each once, and opens one with Enter', SLOW, async () => {
    const { requests } = signIn('MANAGER');
    const { router, user } = renderApp('/agenda');
    await screen.findByRole('link', { name: 'Agenda' });

    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    const input = within(dialog).getByRole('combobox', { name: 'Search customers and pages' });
    await waitFor(() => expect(input).toHaveFocus());
    await user.type(input, 'acme');

    const options = await within(dialog).findAllByRole('option', { name: /acme/i });
    expect(options.map((option) => option.textContent)).toEqual([
      'Acme Trading · Acme Ltdbuyer@acme.example',
      'Acme PumpsIn the pool',
      'All customers matching “acme”',
    ]);
    const searched = requests.filter((request) => new URL(request.url).searchParams.get('q') === 'acme');
    expect(searched.map((request) => new URL(request.url).pathname).sort()).toEqual(['/api/v1/customers', '/api/v1/pool']);

    await user.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/customers/11');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens with "/" but not while typing in a field, and goes to an area by name or to every match', SLOW, async () => {
    signIn('ADMIN');
    const { router, user } = renderApp('/agenda');
    await screen.findByRole('link', { name: 'Agenda' });

    await user.keyboard('/');
    const dialog = await screen.findByRole('dialog', { name: 'Search' });
    const input = within(dialog).getByRole('combobox');
    await user.type(input, 'webh');
    await user.click(await within(dialog).findByRole('option', { name: 'Webhooks' }));
    expect(router.state.location.pathname).toBe('/settings/webhooks');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // "/" typed into a page's field stays in the field.
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await user.keyboard('/');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    field.remove();

    await user.click(screen.getByRole('button', { name: 'Search customers…' }));
    const again = await screen.findByRole('dialog', { name: 'Search' });
    await user.type(within(again).getByRole('combobox'), 'acme');
    await user.click(await within(again).findByRole('option', { name: 'All customers matching “acme”' }));
    expect(router.state.location.pathname).toBe('/customers');
    expect(router.state.location.search).toBe('?q=acme');
  });

  it('says so when nothing matches, in Chinese too', SLOW, async () => {
    act(() => setLocale('zh-CN'));
    try {
      signIn('REP');
      const { user } = renderApp('/agenda');
      const work = await screen.findByRole('list', { name: '日常工作' });
      await waitFor(() =>
        expect(within(work).getByRole('link', { name: '公海' })).toHaveAccessibleDescription('公海中有 42 位客户'),
      );
      await user.click(await screen.findByRole('button', { name: '搜索客户…' }));
      const dialog = await screen.findByRole('dialog', { name: '搜索' });
      await user.type(within(dialog).getByRole('combobox', { name: '搜索客户和页面' }), 'zzzz');
      expect(await within(dialog).findByText('没有与“zzzz”匹配的客户。')).toBeInTheDocument();
    } finally {
      act(() => setLocale('en'));
    }
  });
});
