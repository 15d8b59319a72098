import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { customerQueryKey } from '@/features/customers/api/get-customer';
import { timelineQueryOptions } from '@/features/customers/api/get-timeline';
import { followUpsQueryKey } from '@/features/customers/api/list-follow-ups';
import { customer } from '@/features/customers/components/test-api';
import { completePlanStepMutationOptions } from '@/features/plans/api/complete-plan-step';
import { plan } from '@/features/plans/components/test-api';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider, createQueryClient } from './provider';
import { routes } from './router';

const SLOW = { timeout: 20_000 };
const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };

/** Signed in as user 2 with `role`; customer 5 owned by `ownerId`, with one plan; every other list empty. */
function signIn(role: 'ADMIN' | 'MANAGER' | 'REP', ownerId: number | null = 2) {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse({ user: { id: 2, name: 'Li Na', email: 'li@example.com', role, active: true }, store });
    if (path === '/api/v1/customers/5') return jsonResponse(customer(5, { name: 'John Miller', ownerId }));
    if (path === '/api/v1/customers/5/plans') return jsonResponse({ items: [plan(1, { status: ownerId === null ? 'PAUSED' : 'ACTIVE' })] });
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/customers/5/consent') return jsonResponse({ email: { optedIn: null }, sms: { optedIn: null } });
    if (path === '/api/v1/custom-fields' || path === '/api/v1/messaging/templates' || path === '/api/v1/plans/stage-templates') {
      return jsonResponse({ items: [] });
    }
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
  return router;
}

describe('plan templates per role', () => {
  it('offers them to administrators', SLOW, async () => {
    signIn('ADMIN');
    renderApp('/settings/plan-templates');
    expect(await screen.findByRole('heading', { name: 'Stage plan templates', level: 1 })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Plan templates' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('listitem', { name: 'Inquiry' })).toHaveTextContent('No template');
  });

  for (const role of ['MANAGER', 'REP'] as const) {
    it(`keeps them from a ${role.toLowerCase()}`, SLOW, async () => {
      signIn(role);
      renderApp('/settings/plan-templates');
      expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
      const nav = screen.getByRole('navigation', { name: 'Main' });
      expect(within(nav).queryByRole('link', { name: 'Plan templates' })).not.toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'Stage plan templates' })).not.toBeInTheDocument();
    });
  }
});

describe('plans on the customer page', () => {
  it('come right after the follow-up form, with their actions, on a rep’s own customer', SLOW, async () => {
    signIn('REP', 2);
    renderApp('/customers/5');

    const activity = await screen.findByRole('tabpanel', { name: 'Follow-ups & timeline' });
    const plans = await within(activity).findByRole('region', { name: 'Follow-up plans' });
    const item = await within(plans).findByRole('listitem', { name: 'Call after 7 days, then every 14 days' });
    expect(within(item).getByRole('button', { name: 'Done' })).toBeInTheDocument();
    expect(within(plans).getByRole('button', { name: 'New plan' })).toBeInTheDocument();
    const followUp = within(activity).getByRole('region', { name: 'Record a follow-up' });
    expect(followUp.compareDocumentPosition(plans) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const messaging = await within(activity).findByRole('region', { name: 'Send an e-mail or SMS' });
    expect(plans.compareDocumentPosition(messaging) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('are shown without actions to a rep on a pool customer, paused in plain words', SLOW, async () => {
    signIn('REP', null);
    renderApp('/customers/5');

    const plans = await screen.findByRole('region', { name: 'Follow-up plans' });
    const item = await within(plans).findByRole('listitem', { name: 'Call after 7 days, then every 14 days' });
    expect(item).toHaveTextContent('Paused while the customer is in the pool');
    expect(within(plans).queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('a plan task done', () => {
  it('makes stale what the customers feature shows of the customer (the keys the two features share by name)', async () => {
    const client = createQueryClient();
    const keys = [timelineQueryOptions(5).queryKey, followUpsQueryKey(5), customerQueryKey(5), ['customers', 'list', {}], ['reminders', 'agenda', 'list', 'me']];
    for (const key of keys) client.setQueryData(key, {});
    const { onSuccess } = completePlanStepMutationOptions();
    await onSuccess?.(plan(1), plan(1), undefined, { client, meta: undefined, mutationKey: undefined });
    for (const key of keys) expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });
});
