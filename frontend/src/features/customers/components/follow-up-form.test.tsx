import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { FollowUpForm } from './follow-up-form';
import { PROBLEMS } from './test-api';

/** A datetime-local value (local time) `days` from now. */
function localDateTime(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const posts = (requests: Request[]) => requests.filter((request) => request.method === 'POST');

describe('FollowUpForm', () => {
  it('checks every field before recording, and says all that is wrong at once', async () => {
    const { requests } = mockFetch(() => jsonResponse({}, { status: 201 }));
    const { user } = renderWithProviders(<FollowUpForm customerId={5} />);

    // Two days ahead, and the next follow-up the day before that.
    const occurredAt = localDateTime(2);
    fireEvent.change(screen.getByLabelText('When'), { target: { value: occurredAt } });
    await user.type(screen.getByLabelText('Next follow-up on'), localDateTime(1).slice(0, 10));
    await user.type(screen.getByLabelText('What happened'), '   ');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const when = screen.getByLabelText('When');
    await waitFor(() => expect(when).toHaveAccessibleDescription(expect.stringContaining('Cannot be in the future.')));
    expect(screen.getByLabelText('Next follow-up on')).toHaveAccessibleDescription('Must be later than “When”.');
    expect(screen.getByLabelText('What happened')).toHaveAccessibleDescription(expect.stringContaining('Required.'));
    await waitFor(() => expect(when).toHaveFocus());
    expect(posts(requests)).toHaveLength(0);
  });

  it('empties the form after recording and puts the cursor back in the note, ready for the next', async () => {
    const { requests } = mockFetch(() => jsonResponse({ id: 1 }, { status: 201 }));
    const { user } = renderWithProviders(<FollowUpForm customerId={5} />);

    await user.type(screen.getByLabelText('What happened'), 'Called about the sample');
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));

    await waitFor(() => expect(posts(requests)).toHaveLength(1));
    await waitFor(() => expect(screen.getByLabelText('What happened')).toHaveValue(''));
    await waitFor(() => expect(screen.getByLabelText('What happened')).toHaveFocus());
  });

  it('says them in Chinese', async () => {
    setLocale('zh-CN');
    mockFetch(() => jsonResponse({}, { status: 201 }));
    const { user } = renderWithProviders(<FollowUpForm customerId={5} />);

    await user.click(screen.getByRole('button', { name: /记录/ }));

    expect(await screen.findByText('必填。')).toHaveClass('field-error');
  });

  it('shows a 400 on the fields it names, naming the other field by its label', async () => {
    const { requests } = mockFetch(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Invalid',
        status: 400,
        errors: [
          { field: 'nextFollowUpAt', message: 'must be after occurredAt', code: 'AFTER_FIELD', otherField: 'occurredAt' },
          { field: 'content', message: 'must not contain NUL', code: 'FORMAT' },
        ],
      }),
    );
    const { user } = renderWithProviders(<FollowUpForm customerId={5} />);

    await user.type(screen.getByLabelText('Next follow-up on'), '2026-03-10');
    await user.type(screen.getByLabelText('What happened'), 'Called about the hinges');
    await user.click(screen.getByRole('button', { name: 'Record follow-up' }));

    const next = screen.getByLabelText('Next follow-up on');
    await waitFor(() => expect(next).toHaveAccessibleDescription('Must be later than “When”.'));
    const content = screen.getByLabelText('What happened');
    expect(content).toHaveAttribute('aria-invalid', 'true');
    expect(content).toHaveAccessibleDescription(expect.stringContaining('This is not in the expected form.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    await waitFor(() => expect(next).toHaveFocus());
    expect(posts(requests)).toHaveLength(1);
    // Nothing typed is lost.
    expect(content).toHaveValue('Called about the hinges');
  });
});
