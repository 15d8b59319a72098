import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { customerQueryKey } from '@/features/customers/api/get-customer';
import { timelineQueryOptions } from '@/features/customers/api/get-timeline';
import { followUpsQueryKey } from '@/features/customers/api/list-follow-ups';
import { customer } from '@/features/customers/components/test-api';
import { sendMessageMutationOptions } from '@/features/messaging/api/send-message';
import { getSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { AppProvider, createQueryClient } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';
const TOKEN = 'u1.5.EMAIL.Zm9vYmFy';
const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };

function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { router, user: userEvent.setup() };
}

/** The unsubscribe endpoints for TOKEN, answering `status`; anything else 401 (nobody is signed in). */
function unsubscribeApi(status: { unsubscribed: boolean; channel?: 'EMAIL' | 'SMS' } | 'unknown') {
  let current =
    status === 'unknown'
      ? null
      : { storeName: 'Ningbo Pumps', channel: status.channel ?? 'EMAIL', address: 'j***@miller.example', unsubscribed: status.unsubscribed };
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === `/api/v1/unsubscribe/${encodeURIComponent(TOKEN)}`) {
      if (!current) return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
      if (request.method === 'POST') current = { ...current, unsubscribed: true };
      return jsonResponse(current);
    }
    return problemResponse({ type: `${PROBLEMS}/unauthorized`, title: 'Unauthorized', status: 401 });
  });
}

describe('unsubscribe page', () => {
  it('asks, then unsubscribes with one click, without anyone signed in', SLOW, async () => {
    const { requests } = unsubscribeApi({ unsubscribed: false });
    const { user, router } = renderApp(`/unsubscribe/${TOKEN}`);

    expect(await screen.findByRole('heading', { name: 'Unsubscribe', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('Ningbo Pumps: stop campaign e-mails to j***@miller.example?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Unsubscribe' }));

    expect(await screen.findByText('You’re unsubscribed. You won’t get campaign e-mails from Ningbo Pumps again.')).toHaveRole('status');
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).not.toBeInTheDocument();
    const post = requests.find((request) => request.method === 'POST');
    expect(post?.url).toBe(`${window.location.origin}/api/v1/unsubscribe/${TOKEN}`);
    // As a mail client's one-click unsubscribe (RFC 8058).
    expect(post?.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(await post?.text()).toBe('List-Unsubscribe=One-Click');
    // Still the same page: no detour to the login screen.
    expect(router.state.location.pathname).toBe(`/unsubscribe/${TOKEN}`);
    expect(screen.queryByRole('heading', { name: 'Log in to Harbor CRM' })).not.toBeInTheDocument();
  });

  it('says so when the address is already unsubscribed', SLOW, async () => {
    const { requests } = unsubscribeApi({ unsubscribed: true });
    renderApp(`/unsubscribe/${TOKEN}`);

    expect(await screen.findByText('You’re already unsubscribed: Ningbo Pumps won’t send campaign e-mails to j***@miller.example.')).toHaveRole('status');
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).not.toBeInTheDocument();
    expect(requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('says a link it does not know is not valid', SLOW, async () => {
    unsubscribeApi('unknown');
    renderApp(`/unsubscribe/${TOKEN}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not valid (it may have been mistyped).');
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).not.toBeInTheDocument();
  });

  it('speaks the reader’s language, and keeps a signed-in person signed in', SLOW, async () => {
    localStorage.setItem('harbor.locale', 'zh-CN');
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    unsubscribeApi({ unsubscribed: false, channel: 'SMS' });
    const { user } = renderApp(`/unsubscribe/${TOKEN}`);

    expect(await screen.findByRole('heading', { name: '退订', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText('Ningbo Pumps：不再向 j***@miller.example 发送营销短信？')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '退订' }));
    expect(await screen.findByText('退订成功。你不会再收到 Ningbo Pumps 的营销短信。')).toHaveRole('status');
    expect(getSession()).not.toBeNull();
  });
});

describe('messaging on the customer page', () => {
  /** Signed in as user 2 with `role`; customer 5 with `owner`, and empty messaging answers. */
  function signIn(role: 'ADMIN' | 'MANAGER' | 'REP', ownerId: number | null) {
    saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
    return mockFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me') return jsonResponse({ user: { id: 2, name: 'Li Na', email: 'li@example.com', role, active: true }, store });
      if (path === '/api/v1/customers/5') {
        return jsonResponse(customer(5, { name: 'John Miller', email: 'john@miller.example', mobile: '+1 555 0100', ownerId }));
      }
      if (path === '/api/v1/agenda/counts') {
        return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
      }
      if (path === '/api/v1/customers/5/consent') {
        return jsonResponse({ email: { optedIn: true, source: 'IMPORT', changedAt: '2026-01-10T08:00:00Z' }, sms: { optedIn: null } });
      }
      if (path === '/api/v1/custom-fields' || path === '/api/v1/messaging/templates') return jsonResponse({ items: [] });
      return jsonResponse({ items: [], nextCursor: null });
    });
  }

  it('puts the compose box beside the follow-ups of a rep’s own customer', SLOW, async () => {
    signIn('REP', 2);
    renderApp('/customers/5');

    const activity = await screen.findByRole('tabpanel', { name: 'Follow-ups & timeline' });
    const box = await within(activity).findByRole('region', { name: 'Send an e-mail or SMS' });
    expect(within(box).getByRole('radio', { name: 'E-mail' })).toBeEnabled();
    const email = await within(activity).findByRole('checkbox', { name: 'Agrees to marketing e-mail' });
    expect(email).toBeChecked();
    expect(email).toBeEnabled();
    expect(email).toHaveAccessibleDescription(/^Agreed, from an import on /);
    // Right after the follow-up form, before the timeline.
    const followUp = within(activity).getByRole('region', { name: 'Record a follow-up' });
    expect(followUp.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows a rep a pool customer’s consent without a compose box', SLOW, async () => {
    signIn('REP', null);
    renderApp('/customers/5');

    const activity = await screen.findByRole('tabpanel', { name: 'Follow-ups & timeline' });
    const email = await within(activity).findByRole('checkbox', { name: 'Agrees to marketing e-mail' });
    expect(email).toBeDisabled();
    await waitFor(() => expect(within(activity).getByText('No e-mails or SMS with this customer yet.')).toBeInTheDocument());
    expect(within(activity).queryByRole('region', { name: 'Send an e-mail or SMS' })).not.toBeInTheDocument();
  });

  it('gives a manager the compose box on any customer', SLOW, async () => {
    signIn('MANAGER', 7);
    renderApp('/customers/5');
    expect(await screen.findByRole('region', { name: 'Send an e-mail or SMS' })).toBeInTheDocument();
  });
});

describe('a message sent', () => {
  it('makes stale what the customers feature shows of the customer (the keys the two features share by name)', async () => {
    const client = createQueryClient();
    const keys = [timelineQueryOptions(5).queryKey, followUpsQueryKey(5), customerQueryKey(5), ['customers', 'list', {}]];
    for (const key of keys) client.setQueryData(key, {});
    const { onSuccess } = sendMessageMutationOptions();
    await onSuccess?.(
      { id: 1, customerId: 5, customerName: 'Ana', channel: 'EMAIL', direction: 'OUT', status: 'SENT', createdAt: '', updatedAt: '' },
      { customerId: 5, body: { channel: 'EMAIL' } },
      undefined,
      { client, meta: undefined, mutationKey: undefined },
    );
    for (const key of keys) expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });
});
