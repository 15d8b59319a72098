import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { useCustomer } from '../api/get-customer';
import type { Customer } from '../api/list-customers';
import { LostStatus } from './lost-status';
import { customer, fakeApi, PROBLEMS } from './test-api';

const SLOW = { timeout: 20_000 };

const reasons = [
  { id: 11, name: 'Price', archived: false, position: 1, version: 0 },
  { id: 12, name: 'Old reason', archived: true, position: 2, version: 0 },
];

/** A file whose status the API changes; the screen re-renders with what the cache holds. */
function lostApi(initial: Customer, answers: { lost?: () => Response } = {}) {
  const state = { customer: { ...initial } };
  const mock = fakeApi(async (request, url) => {
    if (url.pathname === `/api/v1/customers/${initial.id}` && request.method === 'GET') return jsonResponse(state.customer);
    if (url.pathname === '/api/v1/lost-reasons') return jsonResponse({ items: reasons, nextCursor: null });
    if (url.pathname === `/api/v1/customers/${initial.id}/lost`) {
      if (answers.lost) return answers.lost();
      state.customer = { ...state.customer, status: 'LOST', version: state.customer.version + 1 };
      return jsonResponse(state.customer);
    }
    if (url.pathname === `/api/v1/customers/${initial.id}/reactivate`) {
      if (state.customer.status !== 'LOST') return problemResponse({ type: `${PROBLEMS}/not-lost`, title: 'Not lost', status: 409 });
      state.customer = { ...state.customer, status: 'ACTIVE', version: state.customer.version + 1 };
      return jsonResponse(state.customer);
    }
    return undefined;
  });
  return { ...mock, state };
}

/** The file as the customer page holds it: what the lost answer puts in the cache shows at once. */
function CachedLostStatus({ id }: { id: number }) {
  const { data } = useCustomer(id);
  return data ? <LostStatus customer={data} canChange /> : null;
}

/** Opens the form on customer 5, chooses "Price" once the reasons are there, and submits. */
async function markLostWithPrice() {
  const { user } = renderWithProviders(<LostStatus customer={customer(5)} canChange />);
  await user.click(screen.getByRole('button', { name: 'Mark as lost…' }));
  const form = screen.getByRole('form', { name: 'Mark as lost' });
  await waitFor(() => expect(within(within(form).getByLabelText('Reason')).getByRole('option', { name: 'Price' })).toBeInTheDocument());
  await user.selectOptions(within(form).getByLabelText('Reason'), 'Price');
  await user.click(within(form).getByRole('button', { name: 'Mark as lost' }));
  return form;
}

describe('Customer status: lost and reactivate', () => {
  it('marks a customer lost only with a reason (archived ones not offered), with the note', SLOW, async () => {
    const { requests } = lostApi(customer(5));
    const { user } = renderWithProviders(<CachedLostStatus id={5} />);

    const status = await screen.findByRole('region', { name: 'Status' });
    expect(status).toHaveTextContent('Active');
    await user.click(within(status).getByRole('button', { name: 'Mark as lost…' }));
    const form = screen.getByRole('form', { name: 'Mark as lost' });
    await waitFor(() => expect(within(within(form).getByLabelText('Reason')).getByRole('option', { name: 'Price' })).toBeInTheDocument());
    expect(within(within(form).getByLabelText('Reason')).queryByRole('option', { name: 'Old reason' })).not.toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Mark as lost' }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('Choose why this customer is lost.');
    await waitFor(() => expect(within(form).getByLabelText('Reason')).toHaveFocus());
    expect(requests.some((request) => request.url.endsWith('/lost'))).toBe(false);

    await user.selectOptions(within(form).getByLabelText('Reason'), 'Price');
    await user.type(within(form).getByLabelText('Note (optional)'), '  Went with a cheaper supplier ');
    await user.click(within(form).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Mark as lost' })).not.toBeInTheDocument());
    const post = requests.find((request) => request.url.endsWith('/customers/5/lost'));
    expect(post?.method).toBe('POST');
    expect(await post?.json()).toEqual({ reasonId: 11, note: 'Went with a cheaper supplier' });

    expect(screen.getByRole('region', { name: 'Status' })).toHaveTextContent('Marked as lost');
    expect(screen.getByRole('button', { name: 'Reactivate' })).toBeInTheDocument();
  });

  it('says so in words when the customer was lost already (409)', SLOW, async () => {
    lostApi(customer(5), { lost: () => problemResponse({ type: `${PROBLEMS}/already-lost`, title: 'Already lost', status: 409 }) });
    const form = await markLostWithPrice();
    expect(await within(form).findByRole('alert')).toHaveTextContent('This customer is already marked as lost.');
  });

  it('shows the reason field error the API sends next to the field', SLOW, async () => {
    lostApi(customer(5), {
      lost: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Invalid',
          status: 400,
          errors: [{ field: 'reasonId', message: 'is archived' }],
        }),
    });
    const form = await markLostWithPrice();
    // The server's English ("is archived") is never shown; an uncoded error reads as a refusal.
    await waitFor(() =>
      expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('This value is not accepted.'),
    );
  });

  it('shows a field error the API sends by the note, with the focus there', SLOW, async () => {
    lostApi(customer(5), {
      lost: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Invalid',
          status: 400,
          errors: [{ field: 'note', message: 'size must be between 0 and 500', code: 'LENGTH', min: 0, max: 500 }],
        }),
    });
    const form = await markLostWithPrice();
    const note = within(form).getByLabelText('Note (optional)');
    await waitFor(() => expect(note).toHaveAccessibleDescription('At most 500 characters.'));
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveFocus();
    expect(within(form).getByLabelText('Reason')).not.toHaveAttribute('aria-invalid');
  });

  it('reactivates a lost customer', SLOW, async () => {
    const { requests } = lostApi(customer(5, { status: 'LOST' }));
    const { user } = renderWithProviders(<LostStatus customer={customer(5, { status: 'LOST' })} canChange />);
    expect(screen.getByRole('region', { name: 'Status' })).toHaveTextContent('Marked as lost');
    expect(screen.queryByRole('button', { name: 'Mark as lost…' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reactivate' }));
    await waitFor(() => expect(requests.some((request) => request.url.endsWith('/customers/5/reactivate') && request.method === 'POST')).toBe(true));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers no change to someone who may not make it, and speaks Chinese', SLOW, async () => {
    setLocale('zh-CN');
    lostApi(customer(5, { ownerId: null }));
    renderWithProviders(<LostStatus customer={customer(5, { ownerId: null })} canChange={false} />);
    const status = screen.getByRole('region', { name: '状态' });
    expect(status).toHaveTextContent('在公海中等待领取');
    expect(within(status).queryByRole('button')).not.toBeInTheDocument();
  });
});
