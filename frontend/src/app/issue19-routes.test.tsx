import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { getSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';
import { findToast } from '@/testing/toasts';

const SLOW = { timeout: 20_000 };


/** /me answers with the given role and the store as it is now; every list answers empty; the store can be renamed. */
function signIn(role: string) {
  saveSession({ owner: '1', expiresAt: '2099-01-01T00:00:00Z' });
  const state = { store: { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai', language: 'en' } };
  const mock = mockFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse({ user: { id: 1, name: 'Li Na', email: 'li@example.com', role, active: true }, store: state.store });
    if (path === '/api/v1/store' && request.method === 'PATCH') {
      state.store = { ...state.store, ...((await request.json()) as object) };
      return jsonResponse(state.store);
    }
    if (path === '/api/v1/me/password') return jsonResponse({ token: 'jwt-new', expiresAt: '2099-02-01T00:00:00Z' });
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    return jsonResponse({ items: [], nextCursor: null });
  });
  const paths = () => mock.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
  return { ...mock, paths };
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

describe('Inquiry inbox, store settings, merge history and password per role', () => {
  it('offers the inquiry inbox to every role, a rep included', SLOW, async () => {
    const { paths } = signIn('REP');
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Inquiries' }));
    expect(await screen.findByRole('heading', { name: 'Inquiries', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/inquiries');
    expect(within(nav).getByRole('link', { name: 'Inquiries' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(paths()).toContain('GET /api/v1/inquiries'));
    expect(screen.getByRole('button', { name: 'Log an inquiry' })).toBeInTheDocument();
  });

  it('lets an administrator change the store, and the header follows', SLOW, async () => {
    const { requests } = signIn('ADMIN');
    const { user } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(await within(nav).findByRole('link', { name: 'Store settings' }));
    const name = await screen.findByLabelText('Store name');
    expect(name).toHaveValue('Ningbo Pumps');
    await user.clear(name);
    await user.type(name, 'Ningbo Harbor Trading');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await findToast('Store settings saved.')).toHaveClass('toast-success');
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ name: 'Ningbo Harbor Trading' });
    expect(await within(screen.getByRole('banner')).findByText('Ningbo Harbor Trading')).toBeInTheDocument();
  });

  it.each(['MANAGER', 'REP'])('keeps the store settings from a %s', async (role) => {
    const { paths } = signIn(role);
    renderApp('/settings/store');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Store settings' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Store name')).not.toBeInTheDocument();
    expect(paths()).not.toContain('PATCH /api/v1/store');
  }, 20_000);

  it('offers the merge history to managers, not to reps', SLOW, async () => {
    const manager = signIn('MANAGER');
    const { user } = renderApp('/duplicates');
    await user.click(await screen.findByRole('tab', { name: 'Merge history' }));
    expect(await screen.findByText('No merges yet.')).toBeInTheDocument();
    expect(manager.paths()).toContain('GET /api/v1/merges');
  });

  it('keeps the merge history from reps', SLOW, async () => {
    const rep = signIn('REP');
    renderApp('/duplicates?tab=history');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    expect(screen.queryByRole('tab', { name: 'Merge history' })).not.toBeInTheDocument();
    expect(rep.paths()).not.toContain('GET /api/v1/merges');
  });

  it('lets a rep change their password from their profile and stay signed in, on the page', SLOW, async () => {
    const { paths, requests } = signIn('REP');
    const { user, router } = renderApp('/profile');
    await user.type(await screen.findByLabelText('Current password'), 'old secret');
    await user.type(screen.getByLabelText('New password'), 'new secret 42');
    await user.type(screen.getByLabelText('New password again'), 'new secret 42');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await findToast('Password changed. You were signed out everywhere else.')).toHaveClass('toast-success');
    expect(getSession()).toEqual({ owner: '1', expiresAt: '2099-02-01T00:00:00Z' });
    expect(router.state.location.pathname).toBe('/profile');
    // Still the same person: what was read for them stays, and the page with it.
    expect(screen.getByRole('heading', { name: 'My profile' })).toBeInTheDocument();
    expect(paths().filter((path) => path === 'GET /api/v1/me')).toHaveLength(1);
    // The app goes on: the next page loads (the new session travels in its cookie).
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Inquiries' }));
    await screen.findByRole('heading', { name: 'Inquiries', level: 1 });
    await waitFor(() =>
      expect(requests.some((request) => new URL(request.url).pathname === '/api/v1/inquiries')).toBe(true),
    );
  });

  it('names the new pages in Chinese in the navigation', SLOW, async () => {
    setLocale('zh-CN');
    signIn('ADMIN');
    renderApp('/inquiries');
    expect(await screen.findByRole('heading', { name: '询盘', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '询盘' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: '店铺设置' })).toHaveAttribute('href', '/settings/store');
  });
});

describe('API keys per role', () => {
  it('offers API keys to administrators, next to the store settings', SLOW, async () => {
    const { paths } = signIn('ADMIN');
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'API keys' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links.indexOf('API keys')).toBe(links.indexOf('Store settings') + 1);
    await user.click(within(nav).getByRole('link', { name: 'API keys' }));
    expect(await screen.findByRole('heading', { name: 'API keys', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/api-keys');
    expect(within(nav).getByRole('link', { name: 'API keys' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
    expect(paths()).toContain('GET /api/v1/api-keys');
  });

  it.each(['MANAGER', 'REP'])('keeps API keys from a %s', SLOW, async (role) => {
    const { paths } = signIn(role);
    renderApp('/settings/api-keys');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'API keys' })).not.toBeInTheDocument();
    expect(paths()).not.toContain('GET /api/v1/api-keys');
  });

  it('names the page in Chinese in the navigation', SLOW, async () => {
    setLocale('zh-CN');
    signIn('ADMIN');
    renderApp('/settings/api-keys');
    expect(await screen.findByRole('heading', { name: 'API 密钥', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: 'API 密钥' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('Webhooks per role', () => {
  it('offers webhooks to administrators, next to the API keys', SLOW, async () => {
    const { paths } = signIn('ADMIN');
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Webhooks' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links.indexOf('Webhooks')).toBe(links.indexOf('API keys') + 1);
    await user.click(within(nav).getByRole('link', { name: 'Webhooks' }));
    expect(await screen.findByRole('heading', { name: 'Webhooks', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/webhooks');
    expect(within(nav).getByRole('link', { name: 'Webhooks' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    expect(paths()).toContain('GET /api/v1/webhooks');
  });

  it.each(['MANAGER', 'REP'])('keeps webhooks from a %s', SLOW, async (role) => {
    const { paths } = signIn(role);
    renderApp('/settings/webhooks');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Webhooks' })).not.toBeInTheDocument();
    expect(paths()).not.toContain('GET /api/v1/webhooks');
  });
});
