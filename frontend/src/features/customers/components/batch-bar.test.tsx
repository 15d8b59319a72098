import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { setLocale, translate } from '@/lib/i18n';
import { BatchBar, batchResultText, type BatchTarget } from './batch-bar';
import { fakeApi, tags } from './test-api';

const SLOW = { timeout: 20_000 };

const ticked = (...ids: number[]): BatchTarget => ({ kind: 'ids', ids });

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
    const { user } = renderWithProviders(<BatchBar target={ticked(1, 2)} tags={tags} role="REP" onDone={onDone} />);
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });

    await user.selectOptions(within(bar).getByLabelText('Action'), 'Mark as lost');
    expect(within(bar).getByRole('button', { name: 'Apply to selected' })).toBeDisabled();
    await waitFor(() => expect(within(within(bar).getByLabelText('Reason')).getByRole('option', { name: 'Price' })).toBeInTheDocument());
    await user.selectOptions(within(bar).getByLabelText('Reason'), 'Price');
    await user.type(within(bar).getByLabelText('Note (optional)'), 'Closed the shop');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    const lost = screen.getByRole('alertdialog', { name: 'Mark 2 customers as lost?' });
    expect(lost).toHaveAccessibleDescription(/Only the 2 ticked customers are changed\./);
    await user.click(within(lost).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));

    await user.selectOptions(within(bar).getByLabelText('Action'), 'Reactivate');
    expect(within(bar).queryByLabelText('Reason')).not.toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reactivate 2 customers?' })).getByRole('button', { name: 'Reactivate' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(2));

    expect(await batchBodies(requests)).toEqual([
      { selection: { ids: [1, 2] }, action: 'LOST', reasonId: 11, note: 'Closed the shop' },
      { selection: { ids: [1, 2] }, action: 'REACTIVATE' },
    ]);
  });

  it('keeps transfer and delete from reps, and never asks them for the team', SLOW, async () => {
    const { requests } = batchApi();
    renderWithProviders(<BatchBar target={ticked(1)} tags={tags} role="REP" onDone={vi.fn()} />);
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
      <BatchBar target={ticked(1, 2)} tags={tags} role="MANAGER" me={{ id: 1, name: 'Li Na' }} onDone={onDone} />,
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
    const dialog = screen.getByRole('alertdialog', { name: 'Transfer 2 customers to Sam Rep?' });
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 customers' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ changed: 1 }), 'TRANSFER'));
    expect(await batchBodies(requests)).toEqual([{ selection: { ids: [1, 2] }, action: 'TRANSFER', userId: 6 }]);
    expect(requests.some((request) => new URL(request.url).pathname === '/api/v1/users')).toBe(false);
  });
});

describe('Batch bar: counts, selections by filter and tag transfer (issue 19)', () => {
  it('replaces one tag by another, refusing the same tag twice, and names both tags and the count', SLOW, async () => {
    const { requests } = batchApi();
    const onDone = vi.fn();
    const { user } = renderWithProviders(<BatchBar target={ticked(1, 2)} tags={tags} role="REP" onDone={onDone} />);
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });

    await user.selectOptions(within(bar).getByLabelText('Action'), 'Replace a tag');
    const apply = within(bar).getByRole('button', { name: 'Apply to selected' });
    expect(apply).toBeDisabled();
    await user.selectOptions(within(bar).getByLabelText('Replace the tag'), 'Key account');
    expect(apply).toBeDisabled();
    await user.selectOptions(within(bar).getByLabelText('With the tag'), 'Key account');
    expect(within(bar).getByRole('alert')).toHaveTextContent('Choose two different tags.');
    expect(within(bar).getByLabelText('With the tag')).toHaveAttribute('aria-invalid', 'true');
    expect(apply).toBeDisabled();
    await user.click(apply);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    await user.selectOptions(within(bar).getByLabelText('With the tag'), 'Hinges');
    expect(within(bar).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(apply);
    const dialog = screen.getByRole('alertdialog', { name: 'Replace the tag “Key account” with “Hinges” on 2 customers?' });
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 customers' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.anything(), 'REPLACE_TAG'));
    expect(await batchBodies(requests)).toEqual([
      { selection: { ids: [1, 2] }, action: 'REPLACE_TAG', fromTagId: 7, toTagId: 8 },
    ]);
  });

  it('sends a selection by filter and says in the confirmation how many it changes, and that the filter decides', SLOW, async () => {
    const { requests } = batchApi();
    const onDone = vi.fn();
    const target: BatchTarget = { kind: 'filter', filter: { stage: ['INQUIRY'], tag: [7] }, count: 1234 };
    const { user } = renderWithProviders(<BatchBar target={target} tags={tags} role="MANAGER" onDone={onDone} />);
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    expect(bar).toHaveTextContent('All 1,234 customers matching this filter selected');

    await user.selectOptions(within(bar).getByLabelText('Action'), 'Delete permanently');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 1,234 customers permanently?' });
    expect(dialog).toHaveAccessibleDescription(
      'Their follow-ups and history are deleted with them. This cannot be undone. It applies to every customer matching the current filter: all 1,234, including those not shown on this page.',
    );
    expect(requests.some((request) => request.url.endsWith('/batch'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(await batchBodies(requests)).toEqual([{ selection: { filter: { stage: ['INQUIRY'], tag: [7] } }, action: 'DELETE' }]);
  });

  it('counts in the confirmation with the plural the language needs, in English and Chinese', SLOW, async () => {
    batchApi();
    const { user, unmount } = renderWithProviders(<BatchBar target={ticked(5)} tags={tags} role="REP" onDone={vi.fn()} />);
    await user.selectOptions(screen.getByLabelText('Action'), 'Set the stage');
    await user.click(screen.getByRole('button', { name: 'Apply to selected' }));
    const one = screen.getByRole('alertdialog', { name: 'Set the stage of 1 customer to “Inquiry”?' });
    expect(one).toHaveAccessibleDescription('Only the ticked customer is changed.');
    expect(within(one).getByRole('button', { name: 'Apply to 1 customer' })).toBeInTheDocument();
    unmount();

    setLocale('zh-CN');
    const target: BatchTarget = { kind: 'filter', filter: {}, count: 1234 };
    const zh = renderWithProviders(<BatchBar target={target} tags={tags} role="MANAGER" onDone={vi.fn()} />);
    const bar = screen.getByRole('form', { name: '批量修改所选客户' });
    expect(bar).toHaveTextContent('已选符合当前筛选条件的全部 1,234 个客户');
    await zh.user.selectOptions(within(bar).getByLabelText('操作'), '永久删除');
    await zh.user.click(within(bar).getByRole('button', { name: '应用到所选客户' }));
    const dialog = screen.getByRole('alertdialog', { name: '永久删除 1,234 个客户？' });
    expect(dialog).toHaveAccessibleDescription(/符合当前筛选条件的每一个客户（共 1,234 个）/);
    // No English words in a Chinese confirmation.
    expect(dialog.textContent).not.toMatch(/[A-Za-z]/);
    expect(translate('zh-CN', 'customers.batch.confirm.REPLACE_TAG', { count: 1, from: 'Fair 2025', to: 'Fair 2026' })).toBe(
      '将 1 个客户的标签“Fair 2025”替换为“Fair 2026”？',
    );
  });

  it('says what a batch did in words, skipped customers with their reasons', () => {
    const result = {
      matched: 1234,
      changed: 1200,
      skipped: [
        { id: 1, reason: 'NOT_FOUND' },
        { id: 2, reason: 'NOT_FOUND' },
        { id: 3, reason: 'ALREADY_LOST' },
        { id: 4, reason: 'SOMETHING_NEW' },
      ],
    };
    expect(batchResultText((key, params) => translate('en', key, params), result)).toBe(
      'Done: 1,234 customers selected, 1,200 changed (the others already were so). 2 skipped: not found, or not yours. 1 skipped: already lost. 1 skipped: not found, or not yours.',
    );
    expect(batchResultText((key, params) => translate('zh-CN', key, params), result)).toBe(
      '完成：选中 1,234 个客户，修改了 1,200 个（其余已是该状态）。 跳过 2 个：未找到，或不是您的客户。 跳过 1 个：已是流失状态。 跳过 1 个：不存在或不属于你。',
    );
  });
});
