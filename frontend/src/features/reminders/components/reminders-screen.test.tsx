import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { RemindersBadge } from './reminders-badge';
import { RemindersScreen } from './reminders-screen';

const reminders = {
  counts: { overdue: 1, dueToday: 1, returnWarnings: 3, repeatInquiries: 1 },
  items: [
    { kind: 'FOLLOW_UP_OVERDUE', customerId: 3, customerName: 'John Miller', at: '2026-03-01T08:00:00Z' },
    { kind: 'FOLLOW_UP_DUE', customerId: 4, customerName: 'Zhao Lei', at: '2026-03-02T15:00:00Z' },
    { kind: 'POOL_RETURN_WARNING', customerId: 5, customerName: 'Anna Schmidt', at: '2026-03-05T08:00:00Z', daysLeft: 3, rule: 'NO_FOLLOW_UP' },
    { kind: 'POOL_RETURN_WARNING', customerId: 6, customerName: 'Hans Weber', at: '2026-03-03T08:00:00Z', daysLeft: 1, rule: 'NO_DEAL' },
    { kind: 'REPEAT_INQUIRY', customerId: 7, customerName: 'Li Wei', at: '2026-03-02T09:30:00Z' },
  ],
};

function renderReminders() {
  const router = createMemoryRouter(
    [
      {
        path: '/reminders',
        element: (
          <>
            <RemindersBadge />
            <RemindersScreen />
          </>
        ),
      },
    ],
    { initialEntries: ['/reminders'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('Reminders', () => {
  it('lists overdue, due today and about to return to the pool, each linking to the customer', async () => {
    mockFetch(() => jsonResponse(reminders));
    renderReminders();

    const overdue = await screen.findByRole('region', { name: /Overdue follow-ups/ });
    expect(within(overdue).getByRole('link', { name: 'John Miller' })).toHaveAttribute('href', '/customers/3');
    expect(overdue).toHaveTextContent('was due');
    const today = screen.getByRole('region', { name: /Due today/ });
    expect(within(today).getByRole('link', { name: 'Zhao Lei' })).toHaveAttribute('href', '/customers/4');
    const returning = screen.getByRole('region', { name: /About to return to the pool/ });
    expect(returning).toHaveTextContent('Returns to the pool in 3 days: no follow-up');
    expect(returning).toHaveTextContent('Returns to the pool in 1 day: no deal yet');
    // The count says 3 but only 2 came: say there are more.
    expect(returning).toHaveTextContent('and 1 more.');
    const askedAgain = screen.getByRole('region', { name: /Asked again/ });
    expect(within(askedAgain).getByRole('link', { name: 'Li Wei' })).toHaveAttribute('href', '/customers/7');
    expect(askedAgain).toHaveTextContent('inquired again');
    expect(screen.getByRole('link', { name: 'Reminders: 6 need attention' })).toBeInTheDocument();
  });

  it('says when there is nothing to do', async () => {
    mockFetch(() => jsonResponse({ counts: { overdue: 0, dueToday: 0, returnWarnings: 0, repeatInquiries: 0 }, items: [] }));
    renderReminders();
    expect(await screen.findByText('Nothing overdue.')).toBeInTheDocument();
    expect(screen.getByText('None of your customers is about to return to the pool.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reminders: 0 need attention' })).toBeInTheDocument();
  });

  it('names the header link by what it shows, in the singular for one', async () => {
    mockFetch(() => jsonResponse({ counts: { overdue: 1, dueToday: 0, returnWarnings: 0, repeatInquiries: 0 }, items: [] }));
    renderReminders();
    const link = await screen.findByRole('link', { name: 'Reminders: 1 needs attention' });
    // Named by its content, which starts with the visible word: an aria-label ("Reminders: 1 needs attention")
    // over visible "Reminders 1" is what axe reports in Chromium as label-content-name-mismatch.
    expect(link).not.toHaveAttribute('aria-label');
  });

  it('explains a failure in words, with a retry', async () => {
    mockFetch(() => problemResponse({ type: 'https://harbor-crm.dev/problems/internal', title: 'Boom', status: 500 }));
    renderReminders();
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('speaks Chinese when chosen', async () => {
    setLocale('zh-CN');
    mockFetch(() => jsonResponse(reminders));
    renderReminders();
    expect(await screen.findByRole('region', { name: /即将退回公海/ })).toHaveTextContent('3 天后退回公海：未跟进');
  });
});
