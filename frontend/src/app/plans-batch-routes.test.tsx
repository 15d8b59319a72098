import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customer } from '@/features/customers/components/test-api';
import { accessibilityViolations, NOW } from '@/features/plans/components/test-api';
import { setLocale } from '@/lib/i18n';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/fetch-mock';
import { AppProvider } from './provider';
import { routes } from './router';
import { findToast } from '@/testing/toasts';

const SLOW = { timeout: 30_000 };
const store = { id: 1, name: 'Ningbo Pumps', timeZone: 'Asia/Shanghai' };

/** Signed in as rep 2 with three customers on the list; a batch of plans skips the third (not theirs). */
function signIn() {
  saveSession({ owner: 'jwt', expiresAt: '2099-01-01T00:00:00Z' });
  return mockFetch((request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/me') return jsonResponse({ user: { id: 2, name: 'Li Na', email: 'li@example.com', role: 'REP', active: true }, store });
    if (path === '/api/v1/agenda/counts') return jsonResponse({ overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 });
    if (path === '/api/v1/customers' && request.method === 'GET') {
      return jsonResponse({
        items: [customer(1, { name: 'Anna', ownerId: 2 }), customer(2, { name: 'Bob', ownerId: 2 }), customer(3, { name: 'Cid', ownerId: 2 })],
        nextCursor: null,
      });
    }
    if (path === '/api/v1/plans/batch') return jsonResponse({ created: 2, skipped: [] });
    if (path === '/api/v1/custom-fields' || path === '/api/v1/plans/stage-templates') return jsonResponse({ items: [] });
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

beforeEach(() => {
  // The store's today is Monday 7 December 2026; only the clock is faked.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('follow-up plans for customers ticked on the list', () => {
  it('plans the ticked customers from the batch bar with /plans/batch, and says so on the list', SLOW, async () => {
    const { requests } = signIn();
    const user = userEvent.setup();
    renderApp('/customers');

    await user.click(await screen.findByRole('checkbox', { name: 'Select Anna' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Plan follow-ups…');

    const form = await screen.findByRole('region', { name: 'Plan follow-ups for 2 customers' });
    expect(form).toHaveTextContent('The same plan starts for each of the 2 ticked customers.');
    expect(within(form).getByLabelText('Start day')).toHaveValue('2026-12-07');
    expect(await accessibilityViolations(bar.parentElement ?? bar)).toEqual([]);
    await user.click(within(form).getByRole('button', { name: 'Start plans for 2 customers' }));

    expect(await findToast('Plans created for 2 customers.')).toHaveClass('toast-success');
    const batch = requests.filter((request) => new URL(request.url).pathname === '/api/v1/plans/batch');
    expect(batch.map((request) => request.method)).toEqual(['POST']);
    expect(await batch[0]?.json()).toEqual({
      selection: { ids: [1, 2] },
      plan: { cadence: { cadence: 'INTERVAL', every: 7, unit: 'DAYS', taskType: 'CALL' }, startsOn: '2026-12-07' },
    });
    // The selection is done with: the bar and the form are gone.
    expect(screen.queryByRole('form', { name: 'Change the selected customers' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Plan follow-ups/ })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Anna' })).not.toBeChecked();
  });

  it('offers it in Chinese too', SLOW, async () => {
    setLocale('zh-CN');
    signIn();
    const user = userEvent.setup();
    renderApp('/customers');

    await user.click(await screen.findByRole('checkbox', { name: '选择 Anna' }));
    const bar = screen.getByRole('form', { name: '批量修改所选客户' });
    await user.selectOptions(within(bar).getByLabelText('操作'), '制定跟进计划…');
    const form = await screen.findByRole('region', { name: '为 1 个客户制定跟进计划' });
    await user.click(within(form).getByRole('button', { name: '为 1 个客户创建计划' }));
    expect(await findToast('已为 2 个客户创建计划。')).toHaveClass('toast-success');
  });
});
