import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { Notification } from '../api/notifications';
import { NotificationBell } from './notification-bell';

const SLOW = { timeout: 20_000 };

const warning: Notification = {
  id: 12,
  kind: 'POOL_RETURN_WARNING',
  customer: { id: 501, name: 'Lagos Lighting' },
  owner: { id: 7, name: 'Rita Rep' },
  dueAt: '2026-12-10T10:00:00Z',
  rule: 'NO_FOLLOW_UP',
  createdAt: '2026-12-07T10:00:00Z',
  customers: 1,
  read: false,
};
const escalation: Notification = {
  ...warning,
  id: 11,
  kind: 'POOL_RETURN_ESCALATION',
  customer: { id: 502, name: 'Cairo Cables' },
  rule: 'NO_DEAL',
};
const returned: Notification = {
  ...warning,
  id: 10,
  kind: 'POOL_RETURNED',
  customer: { id: 503, name: 'Dubai Doors' },
  dueAt: null,
  read: true,
};

const assigned: Notification = {
  ...warning,
  id: 30,
  kind: 'CUSTOMERS_ASSIGNED',
  customer: { id: 504, name: 'Lima Locks' },
  dueAt: null,
  rule: null,
  actor: { id: 2, name: 'Max Manager' },
};

/** The notifications API over a list kept here: marks change it as the server would. */
function inboxApi(initial: Notification[]) {
  let items = initial.map((item) => ({ ...item }));
  const unread = () => items.filter((item) => !item.read).length;
  return mockFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/notifications/count') return jsonResponse({ unread: unread() });
    if (pathname === '/api/v1/notifications') return jsonResponse({ items, nextCursor: null, unread: unread() });
    if (pathname === '/api/v1/notifications/read-all') {
      const marked = unread();
      items = items.map((item) => ({ ...item, read: true }));
      return jsonResponse({ marked });
    }
    const one = /^\/api\/v1\/notifications\/(\d+)\/read$/.exec(pathname);
    if (one) {
      items = items.map((item) => (item.id === Number(one[1]) ? { ...item, read: request.method === 'PUT' } : item));
      return new Response(null, { status: 204 });
    }
    return jsonResponse({}, { status: 404 });
  });
}

function renderBell() {
  const router = createMemoryRouter(
    [
      { path: '/', element: <NotificationBell /> },
      { path: '/customers/:id', element: <p>Customer page</p> },
    ],
    { initialEntries: ['/'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('Notification bell', () => {
  it('counts the unread ones and lists each in a sentence, unread first marked', SLOW, async () => {
    inboxApi([warning, escalation, returned]);
    const { user } = renderBell();

    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    await user.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    const links = await within(dialog).findAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Unread: Lagos Lighting goes back to the pool on Dec 10, 2026: no follow-up',
      'Unread: Rita Rep’s customer Cairo Cables goes back to the pool on Dec 10, 2026: no deal yet',
      'Dubai Doors went back to the pool: no follow-up',
    ]);
    expect(links[0]).toHaveAttribute('href', '/customers/501');
  });

  it('marks one read by following it, one unread again, and all read at once', SLOW, async () => {
    const { requests } = inboxApi([warning, escalation, returned]);
    const { user, router } = renderBell();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(
      await within(dialog).findByRole('button', { name: 'Mark unread: Dubai Doors went back to the pool: no follow-up' }),
    );
    await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    expect(requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/api/v1/notifications/10/read'))).toBe(true);

    await user.click(within(dialog).getByRole('link', { name: /Lagos Lighting/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/501'));
    expect(requests.some((r) => r.method === 'PUT' && r.url.endsWith('/api/v1/notifications/12/read'))).toBe(true);
  });

  it('marks all read from the list', SLOW, async () => {
    const { requests } = inboxApi([warning, escalation, returned]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));
    await screen.findByRole('button', { name: 'Notifications, none unread' });
    expect(requests.filter((r) => r.url.endsWith('/read-all'))).toHaveLength(1);
    expect(within(dialog).getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('says how many went back in one sweep, under one rule or several', SLOW, async () => {
    inboxApi([
      { ...returned, id: 21, customers: 12, read: false },
      { ...returned, id: 20, customers: 2, rule: null, read: false },
    ]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect((await within(dialog).findAllByRole('link')).map((link) => link.textContent)).toEqual([
      'Unread: Dubai Doors and 11 other customers went back to the pool: no follow-up',
      'Unread: Dubai Doors and 1 other customer went back to the pool',
    ]);
  });

  it('says who assigned the rep customers, or by which rule the pool handed them out', SLOW, async () => {
    inboxApi([
      { ...assigned, id: 34 },
      { ...assigned, id: 33, customers: 4 },
      { ...assigned, id: 32, actor: null, rule: 'CAPACITY' },
      { ...assigned, id: 31, actor: null, rule: null, customers: 2 },
    ]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 4 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    expect((await within(dialog).findAllByRole('link')).map((link) => link.textContent)).toEqual([
      'Unread: Max Manager assigned you Lima Locks',
      'Unread: Max Manager assigned you Lima Locks and 3 other customers',
      'Unread: The pool handed you Lima Locks: to whoever had most room',
      'Unread: The pool handed you Lima Locks and 1 other customer: by its distribution rules',
    ]);
  });

  it('says an assignment in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    inboxApi([{ ...assigned, customers: 3, read: true }, { ...assigned, id: 29, actor: null, rule: 'ROUND_ROBIN', read: true }]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: '通知，没有未读' }));
    const dialog = await screen.findByRole('dialog', { name: '通知' });
    expect((await within(dialog).findAllByRole('link')).map((link) => link.textContent)).toEqual([
      'Max Manager 将「Lima Locks」及另外 2 位客户分配给您',
      '公海将「Lima Locks」分配给您：业务员轮流分配',
    ]);
  });

  it('says a sweep’s returns in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    inboxApi([{ ...returned, customers: 12 }]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: '通知，没有未读' }));
    const dialog = await screen.findByRole('dialog', { name: '通知' });
    expect(await within(dialog).findByRole('link')).toHaveTextContent('「Dubai Doors」及另外 11 位客户已退回公海：未跟进');
  });

  it('says there is nothing yet, and speaks Chinese', SLOW, async () => {
    setLocale('zh-CN');
    inboxApi([]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: '通知，没有未读' }));
    const dialog = await screen.findByRole('dialog', { name: '通知' });
    expect(await within(dialog).findByText('暂无通知。客户即将退回公海时，会在这里提醒你。')).toBeInTheDocument();
  });

  it('says a warning in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    inboxApi([escalation]);
    const { user } = renderBell();
    await user.click(await screen.findByRole('button', { name: '通知，1 条未读' }));
    const dialog = await screen.findByRole('dialog', { name: '通知' });
    expect(await within(dialog).findByRole('link')).toHaveTextContent(
      '未读： Rita Rep 的客户「Cairo Cables」将于 2026年12月10日 退回公海：尚未成交',
    );
  });
});
