import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { ReleaseForm } from './release-form';
import { customer, fakeApi, PROBLEMS } from './test-api';

const SLOW = { timeout: 20_000 };

const reasons = [{ id: 11, name: 'Price', archived: false, position: 1, version: 0 }];

/** The reasons, and a release answered by `release`. */
function releaseApi(release: () => Response) {
  return fakeApi((request, url) => {
    if (url.pathname === '/api/v1/lost-reasons') return jsonResponse({ items: reasons, nextCursor: null });
    if (url.pathname === '/api/v1/customers/5/release' && request.method === 'POST') return release();
    return undefined;
  });
}

const released = (requests: Request[]) => requests.filter((request) => request.url.endsWith('/customers/5/release'));

async function openForm() {
  const { user } = renderWithProviders(<ReleaseForm customer={customer(5)} />);
  await user.click(screen.getByRole('button', { name: 'Give back to the pool…' }));
  const form = screen.getByRole('form', { name: 'Give back to the pool' });
  await waitFor(() => expect(within(within(form).getByLabelText('Reason')).getByRole('option', { name: 'Price' })).toBeInTheDocument());
  return { user, form };
}

describe('Giving a customer back to the pool', () => {
  it('asks for a reason by the field, with the focus there, and sends nothing without one', SLOW, async () => {
    const { requests } = releaseApi(() => jsonResponse(customer(5, { ownerId: null })));
    const { user, form } = await openForm();

    await user.type(within(form).getByLabelText('Note (optional)'), 'Moved away');
    await user.click(within(form).getByRole('button', { name: 'Give back to the pool' }));

    const reason = within(form).getByLabelText('Reason');
    expect(reason).toHaveAccessibleDescription('Choose why you give this customer back.');
    await waitFor(() => expect(reason).toHaveFocus());
    expect(released(requests)).toHaveLength(0);

    // Checked again as it changes.
    await user.selectOptions(reason, 'Price');
    expect(reason).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server’s field error by its input', SLOW, async () => {
    const { requests } = releaseApi(() =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Invalid',
        status: 400,
        errors: [{ field: 'reasonId', message: 'is archived', code: 'INVALID' }],
      }),
    );
    const { user, form } = await openForm();
    await user.selectOptions(within(form).getByLabelText('Reason'), 'Price');
    await user.type(within(form).getByLabelText('Note (optional)'), '  Moved away ');
    await user.click(within(form).getByRole('button', { name: 'Give back to the pool' }));

    const reason = within(form).getByLabelText('Reason');
    await waitFor(() => expect(reason).toHaveAccessibleDescription('This value is not accepted.'));
    expect(reason).toHaveFocus();
    expect(within(form).getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(await released(requests)[0]?.json()).toEqual({ reasonId: 11, note: 'Moved away' });
  });

  it('says so in words when the customer is in the pool already (409)', SLOW, async () => {
    releaseApi(() => problemResponse({ type: `${PROBLEMS}/already-in-pool`, title: 'In the pool', status: 409 }));
    const { user, form } = await openForm();
    await user.selectOptions(within(form).getByLabelText('Reason'), 'Price');
    await user.click(within(form).getByRole('button', { name: 'Give back to the pool' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('This customer is already in the pool.');
  });
});
