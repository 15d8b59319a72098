import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };

const settings = {
  email: { enabled: false, host: null, port: null, security: 'STARTTLS', username: null, passwordSet: false, fromAddress: null, fromName: null, replyTo: null },
  sms: { enabled: false, baseUrl: null, accountId: null, tokenSet: false, fromNumber: null },
  dailyEmailCap: 2000,
  dailySmsCap: 200,
  campaignRatePerMinute: 60,
  inbound: { emailEventsUrl: 'https://crm.example.com/in/email', smsCallbackUrl: 'https://crm.example.com/in/sms', emailSecretSet: false },
  secretsStorable: true,
  version: 1,
};

/** /me answers with the given role; the messaging settings are there; every list answers empty. */
function signIn(role: string) {
  saveSession({ owner: '1', expiresAt: '2099-01-01T00:00:00Z' });
  const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai', language: 'en' };
  const mock = mockFetch(async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse({ user: { id: 1, name: 'Li Na', email: 'li@example.com', role, active: true }, store });
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/messaging/settings') return jsonResponse(settings, { headers: { ETag: '"1"' } });
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

describe('Campaigns, templates and messaging settings per role', () => {
  it('offers an administrator the messaging settings next to the webhooks, and campaigns and templates', SLOW, async () => {
    const { paths } = signIn('ADMIN');
    const { user, router } = renderApp('/customers');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Messaging' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links.indexOf('Messaging')).toBe(links.indexOf('Webhooks') + 1);
    expect(links).toContain('Message templates');
    expect(links).toContain('Campaigns');

    await user.click(within(nav).getByRole('link', { name: 'Messaging' }));
    expect(await screen.findByRole('heading', { name: 'Messaging', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/settings/messaging');
    expect(within(nav).getByRole('link', { name: 'Messaging' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByLabelText('SMTP server')).toHaveValue('');
    expect(paths()).toContain('GET /api/v1/messaging/settings');
  });

  it('offers a manager campaigns and templates, but keeps the messaging settings from them', SLOW, async () => {
    const { paths } = signIn('MANAGER');
    const { user, router } = renderApp('/settings/messaging');
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Messaging' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('SMTP server')).not.toBeInTheDocument();
    expect(paths()).not.toContain('GET /api/v1/messaging/settings');

    await user.click(within(nav).getByRole('link', { name: 'Campaigns' }));
    expect(await screen.findByRole('heading', { name: 'Campaigns', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('No campaigns yet.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/campaigns');

    await user.click(screen.getByRole('link', { name: 'New campaign' }));
    expect(await screen.findByRole('heading', { name: 'New campaign', level: 1 })).toBeInTheDocument();
    // still in Campaigns
    expect(within(nav).getByRole('link', { name: 'Campaigns' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'Message templates' }));
    expect(await screen.findByRole('heading', { name: 'Message templates', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(paths()).toContain('GET /api/v1/messaging/templates'));
  });

  it.each(['/campaigns', '/campaigns/new', '/campaigns/5', '/settings/templates', '/settings/messaging'])(
    'keeps %s from a sales rep',
    SLOW,
    async (path) => {
      const { paths } = signIn('REP');
      renderApp(path);
      expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(within(nav).queryByRole('link', { name: 'Campaigns' })).not.toBeInTheDocument();
      expect(within(nav).queryByRole('link', { name: 'Message templates' })).not.toBeInTheDocument();
      expect(within(nav).queryByRole('link', { name: 'Messaging' })).not.toBeInTheDocument();
      expect(paths().some((call) => call.includes('/campaigns') || call.includes('/messaging/'))).toBe(false);
    },
  );
});
