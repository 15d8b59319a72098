import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale, translate } from '@/lib/i18n';
import { deferred } from '@/testing/deferred';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast, queryToast, toastRegion } from '@/testing/toasts';
import { AgendaScreen, type AgendaScreenProps } from './agenda-screen';
import { agenda, agendaApi, bodiesOf, nothing, pathsOf, PROBLEMS } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

const rep: AgendaScreenProps['me'] = { id: 1, role: 'REP', name: 'Li Na' };
const manager: AgendaScreenProps['me'] = { id: 1, role: 'MANAGER', name: 'Li Na' };

function renderAgenda(me = rep) {
  const router = createMemoryRouter(
    [
      { path: '/agenda', element: <AgendaScreen me={me} timeZone="Asia/Shanghai" /> },
      { path: '/customers/:id', element: <h1>Customer</h1> },
    ],
    { initialEntries: ['/agenda'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Agenda', () => {
  it('shows each section with its count, and what to do for each customer', async () => {
    agendaApi();
    renderAgenda();

    expect(await screen.findByText('Today is Monday, Dec 7, 2026.')).toBeInTheDocument();
    const overdue = screen.getByRole('region', { name: 'Overdue 1' });
    const john = within(overdue).getByRole('listitem');
    expect(within(john).getByRole('link', { name: 'John Miller' })).toHaveAttribute('href', '/customers/3');
    expect(john).toHaveTextContent('Miller Hardware');
    expect(john).toHaveTextContent('Call: Ask about the samples');
    expect(john).toHaveTextContent('Was due Dec 4, 2026');

    const today = screen.getByRole('region', { name: 'Today 1' });
    expect(within(today).getByRole('link', { name: 'Zhao Lei' })).toHaveAttribute('href', '/customers/34');
    // The planned moment, in the store's time zone.
    expect(today).toHaveTextContent('Planned follow-up');
    expect(today).toHaveTextContent('Due Dec 7, 2026, 3:00 PM');

    const week = screen.getByRole('region', { name: 'This week 2' });
    const days = within(week).getAllByRole('heading', { level: 3 });
    expect(days.map((day) => day.textContent)).toEqual(['Tomorrow, Dec 8, 2026', 'Wednesday, Dec 9, 2026']);
    expect(within(week).getByRole('link', { name: 'Anna Schmidt' })).toBeInTheDocument();
    expect(week).toHaveTextContent('Email');

    const returning = screen.getByRole('region', { name: 'Returning to the pool soon 1' });
    expect(returning).toHaveTextContent('Returns to the pool in 3 days: no follow-up');
    expect(within(returning).queryByRole('button', { name: /^Done/ })).not.toBeInTheDocument();
    expect(within(returning).getByRole('button', { name: 'Log a follow-up: Li Wei' })).toBeInTheDocument();

    const inquiries = screen.getByRole('region', { name: 'Repeat inquiries 1' });
    expect(inquiries).toHaveTextContent('Sent another inquiry');
    expect(within(inquiries).getByRole('link', { name: 'Ana Souza' })).toHaveAttribute('href', '/customers/41');

    // Done and Snooze on the plan tasks and planned follow-ups, named with the visible word first.
    expect(within(john).getByRole('button', { name: 'Done: John Miller' })).toHaveAttribute('aria-keyshortcuts', 'd');
    expect(within(john).getByRole('button', { name: 'Snooze: John Miller' })).toHaveAttribute('aria-keyshortcuts', 's');
    expect(screen.getByText(/j \/ k go to the next \/ previous item/)).toBeInTheDocument();
  });

  it('says when there is nothing to do', async () => {
    agendaApi({ agenda: nothing });
    renderAgenda();
    expect(await screen.findByText('Nothing due — enjoy your day.')).toBeInTheDocument();
    // No agenda section (the toasts' region is always there).
    expect(screen.queryAllByRole('region').filter((region) => region !== toastRegion())).toEqual([]);
  });

  it('marks an item done in one click: it leaves the list at once', SLOW, async () => {
    const answer = deferred<Response>();
    const { requests } = agendaApi({ done: () => answer.promise });
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Done: John Miller' }));

    // Gone before the server has answered.
    expect(screen.queryByRole('link', { name: 'John Miller' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Overdue 0' })).toHaveTextContent('Nothing overdue.');
    expect(await bodiesOf(requests, 'POST', '/api/v1/agenda/items/plan-12/done')).toEqual([{}]);

    answer.resolve(new Response(null, { status: 204 }));
    expect(await findToast('Done: John Miller.')).toHaveClass('toast-success');
    // Read again after.
    await waitFor(() => expect(pathsOf(requests).filter((path) => path === '/api/v1/agenda')).toHaveLength(2));
    expect(screen.queryByRole('link', { name: 'John Miller' })).not.toBeInTheDocument();
  });

  it('snoozes to the day after the store’s today, not the computer’s', SLOW, async () => {
    // The computer thinks it is months later: tomorrow is the agenda's today plus one.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-05-20T10:00:00Z'));
    const { requests } = agendaApi();
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Snooze: Zhao Lei' }));

    expect(await bodiesOf(requests, 'POST', '/api/v1/agenda/items/next-34/reschedule')).toEqual([{ on: '2026-12-08' }]);
    // It moved to tomorrow at once.
    expect(screen.getByRole('region', { name: 'Today 0' })).not.toHaveTextContent('Zhao Lei');
    const week = screen.getByRole('region', { name: 'This week 3' });
    expect(within(week).getByRole('link', { name: 'Zhao Lei' })).toBeInTheDocument();
    expect(await findToast('Moved to tomorrow: Zhao Lei.')).toHaveClass('toast-success');
  });

  it('reschedules to a day picked, not before today', SLOW, async () => {
    const { requests } = agendaApi();
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Reschedule: Anna Schmidt' }));
    const day = screen.getByLabelText('New day');
    expect(day).toHaveFocus();
    expect(day).toHaveValue('2026-12-08');
    await user.clear(day);
    await user.type(day, '2026-12-01');
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect(await screen.findByText('Choose today or a later day.')).toBeInTheDocument();
    expect(pathsOf(requests, 'POST')).toEqual([]);

    await user.clear(day);
    await user.type(day, '2026-12-11');
    await user.click(screen.getByRole('button', { name: 'Move' }));
    expect(await bodiesOf(requests, 'POST', '/api/v1/agenda/items/plan-15/reschedule')).toEqual([{ on: '2026-12-11' }]);
    expect(await findToast('Moved to Dec 11, 2026: Anna Schmidt.')).toHaveClass('toast-success');
  });

  it('puts an item back and says why in words when Done fails', SLOW, async () => {
    agendaApi({
      done: () =>
        problemResponse({ type: `${PROBLEMS}/plan-ended`, title: 'PlanEndedException: plan 12 is COMPLETED', status: 409 }),
    });
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Done: John Miller' }));

    const failed = await findToast(`Could not mark John Miller done. ${translate('en', 'problem.planEnded')}`);
    expect(failed).toHaveClass('toast-error');
    expect(failed).not.toHaveTextContent('PlanEndedException');
    const overdue = screen.getByRole('region', { name: 'Overdue 1' });
    expect(within(overdue).getByRole('link', { name: 'John Miller' })).toBeInTheDocument();

    await user.click(within(failed).getByRole('button', { name: 'Dismiss notification' }));
    await waitFor(() => expect(queryToast(/^Could not mark John Miller done/)).toBeNull());
  });

  it('says why a failed Snooze came back, from the server’s field error in words', SLOW, async () => {
    agendaApi({
      reschedule: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'on', code: 'INVALID', message: 'must be today or later' }],
        }),
    });
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Snooze: Zhao Lei' }));

    const failed = await findToast('Could not move Zhao Lei. Choose today or a later day.');
    expect(failed).toHaveClass('toast-error');
    expect(failed).not.toHaveTextContent('must be today or later');
    expect(within(screen.getByRole('region', { name: 'Today 1' })).getByRole('link', { name: 'Zhao Lei' })).toBeInTheDocument();
  });

  it('moves between items with j and k, and marks the focused one done with d', SLOW, async () => {
    const { requests } = agendaApi();
    const { user } = renderAgenda();
    await screen.findByRole('region', { name: 'Overdue 1' });
    const item = (name: string) => screen.getByRole('link', { name }).closest('li');

    await user.keyboard('j');
    expect(item('John Miller')).toHaveFocus();
    await user.keyboard('j');
    expect(item('Zhao Lei')).toHaveFocus();
    await user.keyboard('k');
    expect(item('John Miller')).toHaveFocus();

    await user.keyboard('d');
    expect(await bodiesOf(requests, 'POST', '/api/v1/agenda/items/plan-12/done')).toEqual([{}]);
    expect(screen.queryByRole('link', { name: 'John Miller' })).not.toBeInTheDocument();
    // The focus went on to the next item.
    await waitFor(() => expect(item('Zhao Lei')).toHaveFocus());

    await user.keyboard('s');
    expect(await bodiesOf(requests, 'POST', '/api/v1/agenda/items/next-34/reschedule')).toEqual([{ on: '2026-12-08' }]);
  });

  it('does not take the letters typed into a field as shortcuts', SLOW, async () => {
    const { requests } = agendaApi();
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Log a follow-up: Li Wei' }));
    await user.type(screen.getByRole('textbox', { name: 'What happened' }), 'just discussed samples, done');
    await user.click(screen.getByRole('button', { name: 'Reschedule: Anna Schmidt' }));
    await user.type(screen.getByLabelText('New day'), 'sdjk');

    expect(pathsOf(requests, 'POST')).toEqual([]);
    expect(screen.getByRole('link', { name: 'John Miller' })).toBeInTheDocument();
  });

  it('logs a follow-up for a customer returning to the pool, in place', SLOW, async () => {
    const { requests } = agendaApi();
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Log a follow-up: Li Wei' }));
    // An empty follow-up is not sent.
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));
    const content = screen.getByRole('textbox', { name: 'What happened' });
    expect(content).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(content).toHaveFocus());
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/40/follow-ups')).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Email');
    await user.type(screen.getByRole('textbox', { name: 'What happened' }), 'Sent the new price list');
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));

    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/40/follow-ups')).toEqual([
      { type: 'EMAIL', content: 'Sent the new price list' },
    ]);
    expect(await findToast('Follow-up recorded for Li Wei.')).toHaveClass('toast-success');
    // Followed up: no longer about to return.
    expect(await screen.findByRole('region', { name: 'Returning to the pool soon 0' })).toBeInTheDocument();
  });

  it('shows the server’s field error on a logged follow-up by its input', SLOW, async () => {
    agendaApi({
      followUp: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Invalid',
          status: 400,
          errors: [{ field: 'content', message: 'must not contain NUL', code: 'FORMAT' }],
        }),
    });
    const { user } = renderAgenda();

    await user.click(await screen.findByRole('button', { name: 'Log a follow-up: Li Wei' }));
    const content = screen.getByRole('textbox', { name: 'What happened' });
    await user.type(content, 'Sent the new price list');
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));

    await waitFor(() => expect(content).toHaveAccessibleDescription('This is not in the expected form.'));
    expect(content).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(queryToast('Follow-up recorded for Li Wei.')).not.toBeInTheDocument();
  });

  it('lets a manager look at a rep’s agenda', SLOW, async () => {
    const { requests } = agendaApi({
      team: [
        { id: 1, name: 'Li Na', role: 'MANAGER' },
        { id: 7, name: 'Zhang Wei', role: 'REP' },
      ],
      agendas: { 7: agenda({ userId: 7, items: [], counts: { overdue: 0, today: 0, upcoming: 0, returning: 0, repeatInquiries: 0 } }) },
    });
    const { user, router } = renderAgenda(manager);

    const whose = await screen.findByRole('combobox', { name: 'Whose agenda' });
    expect(whose).toHaveValue('1');
    expect(within(whose).getAllByRole('option').map((option) => option.textContent)).toEqual(['Mine (Li Na)', 'Zhang Wei']);
    await screen.findByRole('region', { name: 'Overdue 1' });

    await user.selectOptions(whose, 'Zhang Wei');

    expect(await screen.findByText('Nothing due — enjoy your day.')).toBeInTheDocument();
    expect(pathsOf(requests)).toContain('/api/v1/agenda?userId=7');
    expect(router.state.location.search).toBe('?userId=7');
    expect(screen.getByRole('combobox', { name: 'Whose agenda' })).toHaveValue('7');
  });

  it('offers a rep no one else’s agenda', async () => {
    const { requests } = agendaApi();
    renderAgenda(rep);
    await screen.findByRole('region', { name: 'Overdue 1' });
    expect(screen.queryByRole('combobox', { name: 'Whose agenda' })).not.toBeInTheDocument();
    expect(pathsOf(requests)).not.toContain('/api/v1/team');
  });

  it('explains a failure to load in words, with a retry', async () => {
    agendaApi();
    vi.stubGlobal('fetch', async () => problemResponse({ type: `${PROBLEMS}/internal`, title: 'Boom', status: 500 }));
    renderAgenda();
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('speaks Chinese when chosen, with no English left', async () => {
    setLocale('zh-CN');
    agendaApi();
    renderAgenda();

    const overdue = await screen.findByRole('region', { name: '已逾期 1' });
    expect(within(overdue).getByRole('button', { name: '完成：John Miller' })).toBeInTheDocument();
    expect(within(overdue).getByRole('button', { name: '推迟：John Miller' })).toBeInTheDocument();
    expect(overdue).toHaveTextContent('电话：Ask about the samples');
    expect(screen.getByRole('region', { name: '即将退回公海 1' })).toHaveTextContent('3 天后退回公海');
    expect(screen.getByRole('region', { name: '本周 2' })).toBeInTheDocument();
    // Only the customers' own words are in English.
    const text = (document.body.textContent ?? '')
      .replace(/John Miller|Miller Hardware|Ask about the samples|Zhao Lei|Ningbo Valves|Hans Weber|Anna Schmidt|Li Wei|Ana Souza/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});
