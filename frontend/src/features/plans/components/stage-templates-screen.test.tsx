import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { StageTemplatesScreen } from './stage-templates-screen';
import { accessibilityViolations, bodiesOf, plansApi, PROBLEMS, template } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

const inquiry = template('INQUIRY', { cadence: 'INTERVAL', every: 14, unit: 'DAYS', firstAfterDays: 7, taskType: 'CALL', note: 'Ask whether the quote arrived' });

async function findStage(name: string) {
  return screen.findByRole('listitem', { name });
}

describe('Stage plan templates', () => {
  it('lists every stage with its template in words, or none', SLOW, async () => {
    plansApi({ templates: [inquiry, template('REPEAT_PURCHASE', { cadence: 'WEEKDAYS', weekdays: ['MONDAY'], taskType: 'CHAT', maxCount: 12 })] });
    const { container } = renderWithProviders(<StageTemplatesScreen />);

    expect(screen.getByRole('heading', { name: 'Stage plan templates', level: 1 })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Stages' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Unmarked',
      'Inquiry',
      'Sample order',
      'Quoted, no deal',
      'Transaction',
      'Repeat purchase',
    ]);
    const row = await findStage('Inquiry');
    expect(row).toHaveTextContent('Call after 7 days, then every 14 days');
    expect(row).toHaveTextContent('Ask whether the quote arrived');
    expect(within(row).getByRole('button', { name: 'Edit the “Inquiry” template' })).toHaveTextContent('Edit');
    expect(within(row).getByRole('button', { name: 'Remove the “Inquiry” template' })).toHaveTextContent('Remove');
    expect(await findStage('Repeat purchase')).toHaveTextContent('Chat / IM every Monday (12 tasks in all)');
    const none = await findStage('Sample order');
    expect(none).toHaveTextContent('No template: customers entering this stage get no plan.');
    expect(within(none).getByRole('button', { name: 'Set up a template for “Sample order”' })).toBeInTheDocument();
    expect(within(none).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(await accessibilityViolations(container)).toEqual([]);
  });

  it('changes a template with the same form as a plan, and saves it with PUT', SLOW, async () => {
    const { requests } = plansApi({ templates: [inquiry] });
    const { user, container } = renderWithProviders(<StageTemplatesScreen />);

    const row = await findStage('Inquiry');
    await user.click(within(row).getByRole('button', { name: 'Edit the “Inquiry” template' }));
    const form = within(row).getByRole('form', { name: 'Template for “Inquiry”' });
    const every = within(form).getByRole('spinbutton', { name: 'Every' });
    expect(every).toHaveValue(14);
    expect(within(form).getByRole('spinbutton', { name: 'First task after (days)' })).toHaveAccessibleDescription(
      'Leave empty to start on the start day. Days count from the day a customer enters the stage.',
    );
    expect(await accessibilityViolations(container)).toEqual([]);
    await user.clear(every);
    await user.type(every, '10');
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    expect(await findToast('Template for “Inquiry” saved.')).toHaveClass('toast-success');
    await waitFor(() => expect(row).toHaveTextContent('Call after 7 days, then every 10 days'));
    expect(await bodiesOf(requests, 'PUT', '/api/v1/plans/stage-templates/INQUIRY')).toEqual([
      { cadence: 'INTERVAL', every: 10, unit: 'DAYS', firstAfterDays: 7, taskType: 'CALL', note: 'Ask whether the quote arrived' },
    ]);
    // Back to the row, focus on its button.
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Edit the “Inquiry” template' })).toHaveFocus());
  });

  it('sets up a template for a stage that has none', SLOW, async () => {
    const { requests } = plansApi();
    const { user } = renderWithProviders(<StageTemplatesScreen />);

    const row = await findStage('Sample order');
    await user.click(within(row).getByRole('button', { name: 'Set up a template for “Sample order”' }));
    const form = within(row).getByRole('form', { name: 'Template for “Sample order”' });
    await user.click(within(form).getByRole('radio', { name: 'A sequence of steps' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Step 1: task' }), 'Sample');
    await user.type(within(form).getByRole('textbox', { name: 'Step 1: note' }), 'Send the samples');
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    await waitFor(() => expect(row).toHaveTextContent('Sample on the start day, then Call after 7 days'));
    expect(await bodiesOf(requests, 'PUT', '/api/v1/plans/stage-templates/SAMPLE_ORDER')).toEqual([
      { cadence: 'SEQUENCE', steps: [{ day: 0, type: 'SAMPLE', note: 'Send the samples' }, { day: 7, type: 'CALL' }] },
    ]);
  });

  it('checks a template before saving, in the server’s words, and sends nothing', SLOW, async () => {
    const { requests } = plansApi({ templates: [inquiry] });
    const { user } = renderWithProviders(<StageTemplatesScreen />);

    const row = await findStage('Inquiry');
    await user.click(within(row).getByRole('button', { name: 'Edit the “Inquiry” template' }));
    const form = within(row).getByRole('form', { name: 'Template for “Inquiry”' });
    const count = within(form).getByRole('spinbutton', { name: 'Number of tasks' });
    await user.type(count, '5000');
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    expect(count).toHaveAccessibleDescription('Optional: the plan ends after this many. Enter a number from 1 to 1000.');
    await waitFor(() => expect(count).toHaveFocus());
    expect(await bodiesOf(requests, 'PUT', '/api/v1/plans/stage-templates/INQUIRY')).toEqual([]);
    // Checked again on every change.
    await user.clear(count);
    await user.type(count, '12');
    expect(count).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server’s field errors of a template next to its inputs, on the right step', SLOW, async () => {
    const { requests } = plansApi({
      putTemplate: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Some fields are not valid',
          status: 400,
          errors: [
            { field: 'steps[1].day', code: 'NOT_BEFORE_FIELD', otherField: 'steps[0].day', message: 'must not come before the day of the step before it' },
            { field: 'weekdays', code: 'INVALID', message: 'is for WEEKDAYS plans only' },
          ],
        }),
    });
    const { user } = renderWithProviders(<StageTemplatesScreen />);

    const row = await findStage('Sample order');
    await user.click(within(row).getByRole('button', { name: 'Set up a template for “Sample order”' }));
    const form = within(row).getByRole('form', { name: 'Template for “Sample order”' });
    await user.click(within(form).getByRole('radio', { name: 'A sequence of steps' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.click(within(form).getByRole('button', { name: 'Add a step' }));
    await user.click(within(form).getByRole('button', { name: 'Save template' }));

    // A template's fields come back without a prefix: `steps[1]` is step 2.
    const second = within(form).getByRole('spinbutton', { name: 'Step 2: days after the start' });
    await waitFor(() => expect(second).toHaveAccessibleDescription('Must not come before the day of the step above it.'));
    await waitFor(() => expect(second).toHaveFocus());
    expect(within(form).getByRole('spinbutton', { name: 'Step 1: days after the start' })).not.toHaveAttribute('aria-invalid');
    expect(within(form).getByRole('spinbutton', { name: 'Step 3: days after the start' })).not.toHaveAttribute('aria-invalid');
    // A field the sequence does not show is named in the alert.
    expect(within(form).getByRole('alert')).toHaveTextContent('On these weekdays: This value is not accepted.');
    expect(form).not.toHaveTextContent('must not come');
    expect(await bodiesOf(requests, 'PUT', '/api/v1/plans/stage-templates/SAMPLE_ORDER')).toHaveLength(1);
  });

  it('removes a template after asking', SLOW, async () => {
    const { requests } = plansApi({ templates: [inquiry] });
    const { user } = renderWithProviders(<StageTemplatesScreen />);

    const row = await findStage('Inquiry');
    await user.click(within(row).getByRole('button', { name: 'Remove the “Inquiry” template' }));
    const confirm = within(row).getByRole('alertdialog', { name: 'Remove the “Inquiry” template?' });
    expect(confirm).toHaveTextContent('Plans it already started go on.');
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));

    expect(await findToast('Template for “Inquiry” removed.')).toHaveClass('toast-success');
    await waitFor(() => expect(row).toHaveTextContent('No template'));
    expect(requests.filter((request) => request.method === 'DELETE').map((request) => new URL(request.url).pathname)).toEqual([
      '/api/v1/plans/stage-templates/INQUIRY',
    ]);
  });

  it('words the templates in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    plansApi({ templates: [template('INQUIRY', { cadence: 'INTERVAL', every: 14, unit: 'DAYS', firstAfterDays: 7, taskType: 'CALL' })] });
    renderWithProviders(<StageTemplatesScreen />);
    const row = await findStage('询盘');
    expect(row).toHaveTextContent('电话：7 天后首次，之后每 14 天一次');
    expect(within(row).getByRole('button', { name: '编辑“询盘”的模板' })).toHaveTextContent('编辑');
    expect(document.body.textContent).not.toMatch(/[A-Za-z]/);
  });
});
