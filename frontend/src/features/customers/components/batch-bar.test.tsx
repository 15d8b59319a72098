import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { BatchBar } from './batch-bar';
import { fakeApi, tags } from './test-api';

const SLOW = { timeout: 20_000 };

const team = [
  { id: 1, name: 'Li Na', role: 'MANAGER' },
  { id: 6, name: 'Sam Rep', role: 'REP' },
];

function batchApi() {
  return fakeApi((_request, url) => {
    if (url.pathname === '/api/v1/lost-reasons') {
      return jsonResponse({ items: [{ id: 11, name: 'Price', archived: false, position: 1, version: 0 }], nextCursor: null });
    }
    if (url.pathname === '/api/v1/team') return jsonResponse({ items: team });
    if (url.pathname === '/api/v1/customers/batch') {
      return jsonResponse({ matched: 2, changed: 1, skipped: [{ id: 2, reason: 'ALREADY_LOST' }] });
    }
    return undefined;
  });
}

const batchBodies = (requests: Request[]) =>
  Promise.all(requests.filter((request) => request.url.endsWith('/customers/batch')).map((request) => request.json()));

describe('Batch bar: lost, reactivate and transfer', () => {
  it('marks the selected customers lost only with a reason, and reactivates them', SLOW, async () => {
    const { requests } = batchApi();
    const onDone = vi.fn();
    const { user } = renderWithProviders(<BatchBar selectedIds={[1, 2]} tags={tags} role="REP" onDone={onDone} />);
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });

    await user.selectOptions(within(bar).getByLabelText('Action'), 'Mark as lost');
    expect(within(bar).getByRole('button', { name: 'Apply to selected' })).toBeDisabled();
    await waitFor(() => expect(within(within(bar).getByLabelText('Reason')).getByRole('option', { name: 'Price' })).toBeInTheDocument());
    await user.selectOptions(within(bar).getByLabelText('Reason'), 'Price');
    await user.type(within(bar).getByLabelText('Note (optional)'), 'Closed the shop');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));

    await user.selectOptions(within(bar).getByLabelText('Action'), 'Reactivate');
    expect(within(bar).queryByLabelText('Reason')).not.toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));

    expect(await batchBodies(requests)).toEqual([
      { selection: { ids: [1, 2] }, action: 'LOST', reasonId: 11, note: 'Closed the shop' },
      { selection: { ids: [1, 2] }, action: 'REACTIVATE' },
    ]);
  });

  it('keeps transfer and delete from reps, and never asks them for the team', SLOW, async () => {
    const { requests } = batchApi();
    renderWithProviders(<BatchBar selectedIds={[1]} tags={tags} role="REP" onDone={vi.fn()} />);
    const action = screen.getByLabelText('Action');
    expect(within(action).getByRole('option', { name: 'Mark as lost' })).toBeInTheDocument();
    expect(within(action).queryByRole('option', { name: 'Transfer to…' })).not.toBeInTheDocument();
    expect(within(action).queryByRole('option', { name: 'Delete permanently' })).not.toBeInTheDocument();
    expect(requests.some((request) => request.url.endsWith('/team'))).toBe(false);
  });

  it('lets a manager transfer to a rep picked by name from /team', SLOW, async () => {
    const { requests } = batchApi();
    const onDone = vi.fn();
    const { user } = renderWithProviders(
      <BatchBar selectedIds={[1, 2]} tags={tags} role="MANAGER" me={{ id: 1, name: 'Li Na' }} onDone={onDone} />,
    );
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Transfer to…');
    const target = within(bar).getByLabelText('Give to');
    await waitFor(() => expect(within(target).getByRole('option', { name: 'Sam Rep (Sales rep)' })).toBeInTheDocument());
    expect(within(target).getByRole('option', { name: 'Li Na (me)' })).toBeInTheDocument();
    // Only admins may pass the target's limit.
    expect(within(bar).queryByLabelText('Ignore the private-customer limit')).not.toBeInTheDocument();
    await user.selectOptions(target, 'Sam Rep (Sales rep)');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ changed: 1 }), 'TRANSFER'));
    expect(await batchBodies(requests)).toEqual([{ selection: { ids: [1, 2] }, action: 'TRANSFER', userId: 6 }]);
    expect(requests.some((request) => new URL(request.url).pathname === '/api/v1/users')).toBe(false);
  });
});
