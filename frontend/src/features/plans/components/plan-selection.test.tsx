import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale, translate, type Translate } from '@/lib/i18n';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { BatchPlanResult } from '../api/types';
import { PlanSelection, type PlanSelectionProps } from './plan-selection';
import { accessibilityViolations, bodiesOf, NOW, plansApi, PROBLEMS, template, TIME_ZONE } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

function renderSelection(props: Partial<PlanSelectionProps> = {}) {
  const onDone = vi.fn<PlanSelectionProps['onDone']>();
  const rendered = renderWithProviders(
    <PlanSelection selection={{ ids: [1, 2, 3] }} count={3} timeZone={TIME_ZONE} onDone={onDone} {...props} />,
  );
  return { ...rendered, onDone };
}

const batchBodies = (requests: Request[]) => bodiesOf(requests, 'POST', '/api/v1/plans/batch');
const inEnglish: Translate = (key, params) => translate('en', key, params);
const inChinese: Translate = (key, params) => translate('zh-CN', key, params);

beforeEach(() => {
  // Only the clock: timers stay real for Testing Library and user-event.
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Plans for a selection of customers', () => {
  it('posts the ticked ids with the plan, and says how many got it and how many were skipped', SLOW, async () => {
    const result: BatchPlanResult = { created: 2, skipped: [{ id: 3, reason: 'NOT_FOUND' }] };
    const { requests } = plansApi({ batch: () => result });
    const { user, onDone } = renderSelection();

    const form = screen.getByRole('region', { name: 'Plan follow-ups for 3 customers' });
    expect(form).toHaveTextContent('The same plan starts for each of the 3 ticked customers. Customers you may not change are skipped.');
    // The panel's own cadence form, with the store's today as the start day.
    expect(within(form).getByRole('radio', { name: 'Every few days, weeks or months' })).toBeChecked();
    expect(within(form).getByLabelText('Start day')).toHaveValue('2026-12-07');
    const every = within(form).getByRole('spinbutton', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '2');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Unit' }), 'weeks');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Task' }), 'Visit');
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'Bring the catalogue');
    await user.type(within(form).getByLabelText('Last day'), '2027-06-30');
    expect(within(form).getByText('In words: Visit every 2 weeks')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Start plans for 3 customers' }));

    // Said by whoever closes the form (the list, in a toast): the words come with onDone.
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(await batchBodies(requests)).toEqual([
      {
        selection: { ids: [1, 2, 3] },
        plan: {
          cadence: { cadence: 'INTERVAL', every: 2, unit: 'WEEKS', taskType: 'VISIT', note: 'Bring the catalogue' },
          startsOn: '2026-12-07',
          endsOn: '2027-06-30',
        },
      },
    ]);
    expect(onDone).toHaveBeenCalledTimes(1);
    const [done, said] = onDone.mock.calls[0] ?? [];
    expect(done).toEqual(result);
    // The words go with the result, for whoever closes the form to show them.
    expect(said?.(inEnglish)).toBe('Plans created for 2 customers. 1 skipped: not yours or not found.');
    expect(await accessibilityViolations(form)).toEqual([]);
  });

  it('posts a selection by filter as it is given, and counts in the singular', SLOW, async () => {
    const { requests } = plansApi({
      batch: () => ({ created: 1, skipped: [] }),
      templates: [template('INQUIRY', { cadence: 'WEEKDAYS', weekdays: ['MONDAY', 'THURSDAY'], taskType: 'CALL' })],
    });
    const filter = { stage: ['INQUIRY' as const], tag: [7], createdFrom: '2025-12-31T16:00:00.000Z' };
    const { user, onDone } = renderSelection({ selection: { filter }, count: 1234 });

    const form = screen.getByRole('region', { name: 'Plan follow-ups for 1,234 customers' });
    expect(form).toHaveTextContent(
      'The same plan starts for every customer matching the current filter: all 1,234, including those not shown on this page.',
    );
    // Filled in from a stage template, as on a customer's page.
    await user.selectOptions(await within(form).findByRole('combobox', { name: 'Start from a stage template' }), 'Inquiry');
    await user.click(within(form).getByRole('button', { name: 'Fill in' }));
    expect(within(form).getByText('In words: Call every Monday and Thursday')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Start plans for 1,234 customers' }));

    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(await batchBodies(requests)).toEqual([
      {
        selection: { filter },
        plan: { cadence: { cadence: 'WEEKDAYS', weekdays: ['MONDAY', 'THURSDAY'], taskType: 'CALL' }, startsOn: '2026-12-07' },
      },
    ]);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('checks the plan before sending: every mistake at once by its field, in the server’s words', SLOW, async () => {
    const { requests } = plansApi();
    const { user, onDone } = renderSelection();

    const form = screen.getByRole('region', { name: 'Plan follow-ups for 3 customers' });
    const every = within(form).getByRole('spinbutton', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '400');
    await user.type(within(form).getByRole('spinbutton', { name: 'Number of tasks' }), '0');
    await user.type(within(form).getByLabelText('Last day'), '2026-12-06');
    await user.click(within(form).getByRole('button', { name: 'Start plans for 3 customers' }));

    expect(every).toHaveAccessibleDescription('Enter a number from 1 to 366.');
    expect(within(form).getByRole('spinbutton', { name: 'Number of tasks' })).toHaveAccessibleDescription(
      'Optional: the plan ends after this many. Enter a number from 1 to 1000.',
    );
    expect(within(form).getByLabelText('Last day')).toHaveAccessibleDescription(
      'Optional: no task after this day. Must not be before the start day.',
    );
    await waitFor(() => expect(every).toHaveFocus());
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(await batchBodies(requests)).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows the server’s field errors next to their inputs in words, whichever way it names them', SLOW, async () => {
    const { requests } = plansApi({
      batch: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [
            { field: 'plan.cadence.steps[1].type', code: 'ONE_OF', message: 'must be one of EMAIL, SMS…' },
            { field: 'endsOn', code: 'INVALID', message: 'leaves no task from today on: the plan would end before it starts' },
            { field: 'selection', code: 'INVALID', message: 'must have exactly one of ids or filter' },
          ],
        }),
    });
    const { user, onDone } = renderSelection();

    const form = screen.getByRole('region', { name: 'Plan follow-ups for 3 customers' });
    await user.click(within(form).getByRole('radio', { name: 'A sequence of steps' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.type(within(form).getByLabelText('Last day'), '2026-12-08');
    await user.click(within(form).getByRole('button', { name: 'Start plans for 3 customers' }));

    // On the second step (`plan.cadence.steps[1]`), not the first or third.
    const secondTask = within(form).getByRole('combobox', { name: 'Step 2: task' });
    await waitFor(() => expect(secondTask).toHaveAttribute('aria-invalid', 'true'));
    expect(secondTask).toHaveAccessibleDescription('Choose one of the values offered.');
    expect(within(form).getByRole('combobox', { name: 'Step 1: task' })).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByRole('combobox', { name: 'Step 3: task' })).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(secondTask).toHaveFocus());
    expect(within(form).getByLabelText('Last day')).toHaveAccessibleDescription(
      'Optional: no task after this day. With this day the plan has no task from today on: choose a later day.',
    );
    const alert = within(form).getByRole('alert');
    expect(alert).toHaveTextContent('Some details need fixing');
    // The selection's error is named in the alert, in words.
    expect(alert).toHaveTextContent('Selected customers: This value is not accepted.');
    expect(form).not.toHaveTextContent('must be one of');
    expect(form).not.toHaveTextContent('leaves no task');
    expect(form).not.toHaveTextContent('exactly one');
    expect(onDone).not.toHaveBeenCalled();
    expect(await batchBodies(requests)).toHaveLength(1);
    expect(await accessibilityViolations(form)).toEqual([]);
  });

  it('says what is missing before sending anything, and closes on Cancel', SLOW, async () => {
    const { requests } = plansApi();
    const onCancel = vi.fn();
    const { user } = renderSelection({ onCancel });

    const form = screen.getByRole('region', { name: 'Plan follow-ups for 3 customers' });
    await user.click(within(form).getByRole('radio', { name: 'On set weekdays' }));
    await user.click(within(form).getByRole('button', { name: 'Start plans for 3 customers' }));
    expect(within(form).getByRole('group', { name: 'On these weekdays' })).toHaveAccessibleDescription('Choose at least one weekday.');
    expect(await batchBodies(requests)).toEqual([]);

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('offers no Cancel when there is nothing to go back to', SLOW, async () => {
    plansApi();
    renderSelection();
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
  });

  it('speaks Chinese, with the counts in words', SLOW, async () => {
    setLocale('zh-CN');
    plansApi({ batch: () => ({ created: 2, skipped: [{ id: 3, reason: 'NOT_FOUND' }] }) });
    const { user, onDone } = renderSelection();

    const form = screen.getByRole('region', { name: '为 3 个客户制定跟进计划' });
    expect(form).toHaveTextContent('勾选的 3 个客户将各自获得同一个计划。您无权修改的客户会被跳过。');
    await user.click(within(form).getByRole('button', { name: '为 3 个客户创建计划' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(form.textContent).not.toMatch(/[A-Za-z]{3,}/);
    const [, said] = onDone.mock.calls[0] ?? [];
    expect(said?.(inChinese)).toBe('已为 2 个客户创建计划。跳过 1 个：不是您的客户，或未找到。');
  });
});
