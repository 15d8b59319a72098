import { QueryClientProvider } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { CustomerPlans, type CustomerPlansProps } from './customer-plans';
import { accessibilityViolations, bodiesOf, NOW, plan, plansApi, PROBLEMS, template, TIME_ZONE } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

function renderPlans(props: Partial<CustomerPlansProps> = {}) {
  return renderWithProviders(<CustomerPlans customerId={5} readOnly={false} timeZone={TIME_ZONE} {...props} />);
}

/** The plan of the list whose heading (its cadence in words) is `name`. */
async function findPlan(name: string) {
  return screen.findByRole('listitem', { name });
}

beforeEach(() => {
  // Only the clock: timers stay real for Testing Library and user-event.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Customer plans', () => {
  it('lists the plans, active first, with the task due, the next ones, the status and why a plan ended', SLOW, async () => {
    plansApi({
      plans: [
        plan(3, { status: 'ENDED', endReason: 'LOST', cadence: 'WEEKDAYS', every: null, unit: null, firstAfterDays: 0, weekdays: ['THURSDAY', 'MONDAY'], taskType: 'VISIT', dueOn: null, upcoming: [], completedSteps: 4 }),
        plan(1, { dueOn: '2026-12-04', note: 'Ask about the samples', upcoming: [{ step: 1, on: '2026-12-18', type: 'CALL' }, { step: 2, on: '2027-01-01', type: 'CALL' }], completedSteps: 2 }),
        plan(2, {
          status: 'PAUSED',
          cadence: 'SEQUENCE',
          every: null,
          unit: null,
          firstAfterDays: 0,
          taskType: null,
          steps: [{ day: 0, type: 'EMAIL' }, { day: 3, type: 'CALL' }],
          dueOn: '2026-12-09',
          dueType: 'EMAIL',
          upcoming: [{ step: 1, on: '2026-12-12', type: 'CALL' }],
          templateStage: 'INQUIRY',
        }),
      ],
    });
    renderPlans();

    const panel = await screen.findByRole('region', { name: 'Follow-up plans' });
    const list = await within(panel).findByRole('list', { name: 'Follow-up plans' });
    const items = within(list).getAllByRole('listitem', { name: /./ });
    expect(items.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Call after 7 days, then every 14 days',
      'Email on the start day, then Call after 3 days',
      'Visit every Monday and Thursday',
    ]);

    const interval = await findPlan('Call after 7 days, then every 14 days');
    expect(interval).toHaveTextContent('Active');
    expect(interval).toHaveTextContent('Ask about the samples');
    const due = within(interval).getByText('Call · due Fri, Dec 4');
    expect(due).toHaveAttribute('datetime', '2026-12-04');
    expect(due.parentElement).toHaveTextContent('Call · due Fri, Dec 4 overdue');
    const next = within(interval).getByRole('list', { name: 'Next:' });
    expect(within(next).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Call · Fri, Dec 18', 'Call · Fri, Jan 1, 2027']);
    expect(interval).toHaveTextContent('2 tasks done');

    const sequence = await findPlan('Email on the start day, then Call after 3 days');
    expect(sequence).toHaveTextContent('Paused');
    expect(sequence).toHaveTextContent('Paused while the customer is in the pool: its tasks come back when someone claims the customer.');
    expect(sequence).toHaveTextContent('Email · due Wed, Dec 9');
    expect(sequence).not.toHaveTextContent('overdue');
    expect(sequence).toHaveTextContent('Started by the “Inquiry” stage template');

    const ended = await findPlan('Visit every Monday and Thursday');
    expect(ended).toHaveTextContent('Ended');
    expect(ended).toHaveTextContent('Ended because the customer was marked lost.');
    expect(within(ended).queryByRole('button')).not.toBeInTheDocument();
    expect(within(ended).queryByText(/due/)).not.toBeInTheDocument();
    expect(await accessibilityViolations(panel)).toEqual([]);
  });

  it('says so when the customer has no plan', SLOW, async () => {
    plansApi();
    renderPlans();
    expect(await screen.findByText('No follow-up plans for this customer yet.')).toBeInTheDocument();
  });

  it('marks the task done in one click, and shows the plan’s next task', SLOW, async () => {
    const { requests } = plansApi({ plans: [plan(1)] });
    const { user, queryClient } = renderPlans();
    // What the customer page shows, which the follow-up the task became changes.
    for (const key of [['customers', 'timeline', 5], ['customers', 'detail', 5], ['reminders', 'agenda', 'list', 'me']]) {
      queryClient.setQueryData(key, {});
    }

    const item = await findPlan('Call after 7 days, then every 14 days');
    expect(item).toHaveTextContent('Call · due today');
    await user.click(within(item).getByRole('button', { name: 'Done' }));

    expect(await findToast('Done — recorded as a follow-up.')).toHaveClass('toast-success');
    await waitFor(() => expect(item).toHaveTextContent('Call · due Mon, Dec 21'));
    expect(item).toHaveTextContent('1 task done');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans/1/complete')).toEqual([{}]);
    for (const key of [['customers', 'timeline', 5], ['customers', 'detail', 5], ['reminders', 'agenda', 'list', 'me']]) {
      expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
    }
  });

  it('snoozes a task due today to tomorrow, and moves one to a chosen day', SLOW, async () => {
    const { requests } = plansApi({ plans: [plan(1), plan(2, { dueOn: '2026-12-10', taskType: 'EMAIL', dueType: 'EMAIL' })] });
    const { user } = renderPlans();

    const today = await findPlan('Call after 7 days, then every 14 days');
    await user.click(within(today).getByRole('button', { name: 'Snooze to tomorrow' }));
    expect(await findToast('Task moved to Tue, Dec 8.')).toHaveClass('toast-success');
    await waitFor(() => expect(today).toHaveTextContent('Call · due Tue, Dec 8'));
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans/1/reschedule')).toEqual([{ dueOn: '2026-12-08' }]);
    // Due tomorrow now: snoozing it "to tomorrow" would not move it.
    expect(within(today).queryByRole('button', { name: 'Snooze to tomorrow' })).not.toBeInTheDocument();

    const later = await findPlan('Email after 7 days, then every 14 days');
    await user.click(within(later).getByRole('button', { name: 'Another day…' }));
    const day = within(later).getByLabelText('Move the task to');
    expect(day).toHaveValue('2026-12-10');
    expect(day).toHaveAttribute('min', '2026-12-07');
    await user.clear(day);
    await user.type(day, '2026-12-15');
    await user.click(within(later).getByRole('button', { name: 'Move task' }));
    await waitFor(() => expect(later).toHaveTextContent('Email · due Tue, Dec 15'));
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans/2/reschedule')).toEqual([{ dueOn: '2026-12-15' }]);
  });

  it('says a day before today cannot take the task, in words', SLOW, async () => {
    const { fetchMock } = plansApi({ plans: [plan(1)] });
    const { user } = renderPlans();
    const item = await findPlan('Call after 7 days, then every 14 days');
    await user.click(within(item).getByRole('button', { name: 'Another day…' }));
    fetchMock.mockImplementationOnce(async () =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Some fields are not valid',
        status: 400,
        errors: [{ field: 'dueOn', code: 'RANGE', message: 'must be today or later' }],
      }),
    );
    await user.click(within(item).getByRole('button', { name: 'Move task' }));
    const day = within(item).getByLabelText('Move the task to');
    await waitFor(() => expect(day).toHaveAccessibleDescription('Today or later. Choose today or a later day.'));
    expect(item).not.toHaveTextContent('must be today');
  });

  it('ends a plan after asking, and keeps it listed as ended by hand', SLOW, async () => {
    const { requests } = plansApi({ plans: [plan(1)] });
    const { user } = renderPlans();

    const item = await findPlan('Call after 7 days, then every 14 days');
    await user.click(within(item).getByRole('button', { name: 'End plan' }));
    const confirm = within(item).getByRole('alertdialog', { name: 'End this plan?' });
    // Focus starts on the harmless choice.
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'End plan' }));

    await waitFor(() => expect(item).toHaveTextContent('Ended by hand.'));
    expect(await findToast('Plan ended.')).toHaveClass('toast-success');
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => new URL(request.url).pathname)).toEqual([
      '/api/v1/customers/5/plans/1',
    ]);
    expect(within(item).queryByRole('button', { name: 'Done' })).not.toBeInTheDocument();
  });

  it('says in words that a plan has ended when Done comes too late', SLOW, async () => {
    const { fetchMock } = plansApi({ plans: [plan(1)] });
    const { user } = renderPlans();
    const item = await findPlan('Call after 7 days, then every 14 days');
    fetchMock.mockImplementationOnce(async () =>
      problemResponse({ type: `${PROBLEMS}/plan-ended`, title: 'This follow-up plan has ended', status: 409 }),
    );
    await user.click(within(item).getByRole('button', { name: 'Done' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('This plan has ended: it has no task to do or move.');
    expect(item).not.toHaveTextContent('This follow-up plan has ended');
  });

  it('creates a plan every N days with the body the API takes', SLOW, async () => {
    const { requests } = plansApi();
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    expect(within(form).getByRole('radio', { name: 'Every few days, weeks or months' })).toBeChecked();
    expect(within(form).getByLabelText('Start day')).toHaveValue('2026-12-07');
    const every = within(form).getByRole('spinbutton', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '2');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Unit' }), 'weeks');
    await user.type(within(form).getByRole('spinbutton', { name: 'First task after (days)' }), '3');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Task' }), 'Visit');
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), ' Bring the catalogue ');
    await user.type(within(form).getByRole('spinbutton', { name: 'Number of tasks' }), '6');
    await user.type(within(form).getByLabelText('Last day'), '2027-06-30');
    expect(within(form).getByText('In words: Visit after 3 days, then every 2 weeks (6 tasks in all)')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));

    expect(await findToast('Plan started.')).toHaveClass('toast-success');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([
      {
        cadence: { cadence: 'INTERVAL', every: 2, unit: 'WEEKS', firstAfterDays: 3, taskType: 'VISIT', note: 'Bring the catalogue', maxCount: 6 },
        startsOn: '2026-12-07',
        endsOn: '2027-06-30',
      },
    ]);
    expect(screen.queryByRole('region', { name: 'New follow-up plan' })).not.toBeInTheDocument();
    expect(await findPlan('Visit after 3 days, then every 2 weeks (6 tasks in all)')).toBeInTheDocument();
  });

  it('checks the plan before sending: every mistake at once by its field, in the server’s words', SLOW, async () => {
    const { requests } = plansApi();
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    const every = within(form).getByRole('spinbutton', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '400');
    const lastDay = within(form).getByLabelText('Last day');
    await user.type(lastDay, '2026-12-01');
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));

    expect(every).toHaveAccessibleDescription('Enter a number from 1 to 366.');
    expect(lastDay).toHaveAccessibleDescription('Optional: no task after this day. Must not be before the start day.');
    await waitFor(() => expect(every).toHaveFocus());
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([]);

    // Checked again on every change: an earlier start day fits the last day.
    await user.clear(every);
    await user.type(every, '2');
    expect(every).not.toHaveAttribute('aria-invalid');
    const startDay = within(form).getByLabelText('Start day');
    await user.clear(startDay);
    await user.type(startDay, '2026-11-30');
    expect(lastDay).not.toHaveAttribute('aria-invalid');
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    await findToast('Plan started.');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([
      { cadence: { cadence: 'INTERVAL', every: 2, unit: 'DAYS', taskType: 'CALL' }, startsOn: '2026-11-30', endsOn: '2026-12-01' },
    ]);
  });

  it('stops a sequence whose days go back, on the step that does', SLOW, async () => {
    const { requests } = plansApi();
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    await user.click(within(form).getByRole('radio', { name: 'A sequence of steps' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    const second = within(form).getByRole('spinbutton', { name: 'Step 2: days after the start' });
    await user.clear(second);
    await user.type(second, '20');
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));

    const third = within(form).getByRole('spinbutton', { name: 'Step 3: days after the start' });
    expect(third).toHaveAccessibleDescription('Must not come before the day of the step above it.');
    expect(second).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(third).toHaveFocus());
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([]);

    // Changing the step above says again whether the one below fits.
    await user.clear(second);
    await user.type(second, '10');
    expect(third).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server’s field errors next to their inputs, in words', SLOW, async () => {
    const { requests } = plansApi({
      create: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [
            { field: 'endsOn', code: 'INVALID', message: 'leaves no task from today on: the plan would end before it starts' },
            { field: 'cadence.weekdays[0]', code: 'ONE_OF', message: 'must be one of MONDAY…' },
          ],
        }),
    });
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    const every = within(form).getByRole('spinbutton', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '30');
    const lastDay = within(form).getByLabelText('Last day');
    await user.type(lastDay, '2026-12-08');
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));

    // What only the server knows: a plan whose first task would come after its last day.
    await waitFor(() => expect(lastDay).toHaveAttribute('aria-invalid', 'true'));
    expect(lastDay).toHaveAccessibleDescription(
      'Optional: no task after this day. With this day the plan has no task from today on: choose a later day.',
    );
    await waitFor(() => expect(lastDay).toHaveFocus());
    expect(every).not.toHaveAttribute('aria-invalid');
    const alert = within(form).getByRole('alert');
    expect(alert).toHaveTextContent('Some details need fixing');
    // A field the form does not show is named in the alert.
    expect(alert).toHaveTextContent('weekdays[0]: Choose one of the values offered.');
    expect(form).not.toHaveTextContent('leaves no task');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toHaveLength(1);
    expect(await accessibilityViolations(form)).toEqual([]);
  });

  it('builds a sequence: adds and removes steps, and words a step out of order', SLOW, async () => {
    let answer = 0;
    const { requests } = plansApi({
      create: () =>
        answer++ === 0
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Some fields are not valid',
              status: 400,
              errors: [
                { field: 'cadence.steps[1].day', code: 'NOT_BEFORE_FIELD', otherField: 'cadence.steps[0].day', message: 'must not come before the day of the step before it' },
              ],
            })
          : plan(100, { cadence: 'SEQUENCE', every: null, unit: null, taskType: null, steps: [{ day: 0, type: 'CALL' }, { day: 14, type: 'EMAIL' }] }),
    });
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    await user.click(within(form).getByRole('radio', { name: 'A sequence of steps' }));
    expect(within(form).queryByRole('spinbutton', { name: 'Every' })).not.toBeInTheDocument();
    expect(within(form).getByRole('spinbutton', { name: 'Step 1: days after the start' })).toHaveValue(0);
    // One step cannot be removed: a sequence has at least one.
    expect(within(form).queryByRole('button', { name: 'Remove step 1' })).not.toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    expect(within(form).getByRole('spinbutton', { name: 'Step 2: days after the start' })).toHaveValue(7);
    expect(within(form).getByRole('spinbutton', { name: 'Step 3: days after the start' })).toHaveValue(14);
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Step 3: task' }), 'Email');
    await user.click(within(form).getByRole('button', { name: 'Remove step 2' }));
    expect(within(form).queryByRole('spinbutton', { name: 'Step 3: days after the start' })).not.toBeInTheDocument();
    expect(within(form).getByRole('spinbutton', { name: 'Step 2: days after the start' })).toHaveValue(14);
    expect(within(form).getByRole('combobox', { name: 'Step 2: task' })).toHaveValue('EMAIL');
    expect(within(form).getByText('In words: Call on the start day, then Email after 14 days')).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    const second = within(form).getByRole('spinbutton', { name: 'Step 2: days after the start' });
    await waitFor(() => expect(second).toHaveAccessibleDescription('Must not come before the day of the step above it.'));

    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    expect(await findToast('Plan started.')).toHaveClass('toast-success');
    const bodies = await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans');
    expect(bodies[1]).toEqual({
      cadence: { cadence: 'SEQUENCE', steps: [{ day: 0, type: 'CALL' }, { day: 14, type: 'EMAIL' }] },
      startsOn: '2026-12-07',
    });
  });

  it('says what is missing before sending: a day left empty, no weekday chosen', SLOW, async () => {
    const { requests } = plansApi();
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    await user.clear(within(form).getByRole('spinbutton', { name: 'Every' }));
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    expect(within(form).getByRole('spinbutton', { name: 'Every' })).toHaveAccessibleDescription('Required.');

    await user.click(within(form).getByRole('radio', { name: 'On set weekdays' }));
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    expect(within(form).getByRole('group', { name: 'On these weekdays' })).toHaveAccessibleDescription('Choose at least one weekday.');
    await waitFor(() => expect(within(form).getByRole('checkbox', { name: 'Monday' })).toHaveFocus());
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([]);
    await user.click(within(form).getByRole('checkbox', { name: 'Friday' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Tuesday' }));
    expect(within(form).getByText('In words: Call every Tuesday and Friday')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    await findToast('Plan started.');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([
      { cadence: { cadence: 'WEEKDAYS', weekdays: ['TUESDAY', 'FRIDAY'], taskType: 'CALL' }, startsOn: '2026-12-07' },
    ]);
  });

  it('fills the form in from a stage template', SLOW, async () => {
    const { requests } = plansApi({
      templates: [
        template('SAMPLE_ORDER', { cadence: 'SEQUENCE', steps: [{ day: 2, type: 'SAMPLE', note: 'Check the samples arrived' }] }),
        template('INQUIRY', { cadence: 'INTERVAL', every: 14, unit: 'DAYS', firstAfterDays: 7, taskType: 'CALL', note: 'Quote follow-up' }),
      ],
    });
    const { user } = renderPlans();

    await user.click(await screen.findByRole('button', { name: 'New plan' }));
    const form = screen.getByRole('region', { name: 'New follow-up plan' });
    const picker = await within(form).findByRole('combobox', { name: 'Start from a stage template' });
    // Only the stages that have one, in the stages' order.
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a stage', 'Inquiry', 'Sample order']);
    // A mistake first: filling in starts afresh.
    await user.clear(within(form).getByRole('spinbutton', { name: 'Every' }));
    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    expect(within(form).getByRole('spinbutton', { name: 'Every' })).toHaveAccessibleDescription('Required.');
    await user.selectOptions(picker, 'Inquiry');
    await user.click(within(form).getByRole('button', { name: 'Fill in' }));

    expect(within(form).getByRole('spinbutton', { name: 'Every' })).toHaveValue(14);
    expect(within(form).getByRole('spinbutton', { name: 'Every' })).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByRole('spinbutton', { name: 'First task after (days)' })).toHaveValue(7);
    expect(within(form).getByRole('textbox', { name: 'Note' })).toHaveValue('Quote follow-up');
    expect(within(form).getByText('In words: Call after 7 days, then every 14 days')).toBeInTheDocument();
    expect(within(form).getByRole('status')).toHaveTextContent('Filled in from the “Inquiry” template: check it, then start the plan.');

    await user.click(within(form).getByRole('button', { name: 'Start plan' }));
    await findToast('Plan started.');
    expect(await bodiesOf(requests, 'POST', '/api/v1/customers/5/plans')).toEqual([
      {
        cadence: { cadence: 'INTERVAL', every: 14, unit: 'DAYS', firstAfterDays: 7, taskType: 'CALL', note: 'Quote follow-up' },
        startsOn: '2026-12-07',
      },
    ]);
  });

  it('shows the plans without any action to someone who may not change the customer', SLOW, async () => {
    const { requests } = plansApi({ plans: [plan(1), plan(2, { status: 'PAUSED', dueOn: '2026-12-01' })] });
    renderPlans({ readOnly: true });

    const panel = await screen.findByRole('region', { name: 'Follow-up plans' });
    await within(panel).findAllByText('Call · due today');
    expect(within(panel).queryByRole('button')).not.toBeInTheDocument();
    expect(requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('reads the plans again when the customer changes', SLOW, async () => {
    const { requests } = plansApi({ plans: [plan(1)] });
    const { rerender, queryClient } = renderPlans({ refreshKey: '1:INQUIRY' });
    await findPlan('Call after 7 days, then every 14 days');
    const reads = () => requests.filter((request) => new URL(request.url).pathname === '/api/v1/customers/5/plans').length;
    expect(reads()).toBe(1);
    // As the customer page does once a follow-up is recorded or the stage changes.
    rerender(
      <QueryClientProvider client={queryClient}>
        <CustomerPlans customerId={5} readOnly={false} timeZone={TIME_ZONE} refreshKey="2:SAMPLE_ORDER" />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(reads()).toBe(2));
  });

  it('shows no English on the panel in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    plansApi({
      plans: [
        plan(1, { dueOn: '2026-12-04', note: '询问样品情况' }),
        plan(2, { status: 'PAUSED', cadence: 'SEQUENCE', every: null, unit: null, firstAfterDays: 0, taskType: null, steps: [{ day: 0, type: 'EMAIL' }, { day: 3, type: 'CALL' }], dueType: 'EMAIL', templateStage: 'INQUIRY', upcoming: [{ step: 1, on: '2026-12-10', type: 'CALL' }] }),
        plan(3, { status: 'ENDED', endReason: 'STAGE_LEFT', cadence: 'WEEKDAYS', every: null, unit: null, firstAfterDays: 0, weekdays: ['MONDAY', 'FRIDAY'], dueOn: null, upcoming: [], maxCount: 10, completedSteps: 3 }),
      ],
      templates: [template('INQUIRY', { cadence: 'INTERVAL', every: 1, unit: 'WEEKS', taskType: 'CALL' })],
    });
    const { user } = renderPlans();

    const panel = await screen.findByRole('region', { name: '跟进计划' });
    const first = await within(panel).findByRole('listitem', { name: '电话：7 天后首次，之后每 14 天一次' });
    expect(first).toHaveTextContent('电话 · 12月4日周五到期');
    expect(first).toHaveTextContent('已逾期');
    expect(within(panel).getByRole('listitem', { name: '开始当天：邮件；3 天后：电话' })).toHaveTextContent('由“询盘”阶段模板创建');
    expect(within(panel).getByRole('listitem', { name: '电话：每周一和周五（共 10 次）' })).toHaveTextContent('已结束');
    expect(panel.textContent).not.toMatch(/[A-Za-z]/);

    await user.click(within(panel).getByRole('button', { name: '新建计划' }));
    await within(panel).findByRole('option', { name: '询盘' });
    for (const kind of ['按步骤依次进行', '每周固定几天', '每隔几天、几周或几个月']) {
      await user.click(within(panel).getByRole('radio', { name: kind }));
      expect(panel.textContent).not.toMatch(/[A-Za-z]/);
    }
    for (const control of within(panel).getAllByRole('button')) expect(control).toHaveAccessibleName(expect.not.stringMatching(/[A-Za-z]/));
    expect(await accessibilityViolations(panel)).toEqual([]);
  });
});
