import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { LostReason } from '../api/list-lost-reasons';
import { LostReasonsScreen } from './lost-reasons-screen';

const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';

/** Reasons kept in memory; `usedIds` are on some customer's history, so the API refuses to delete them. */
function reasonsApi(initial: LostReason[], usedIds: number[] = []) {
  const reasons = initial.map((reason) => ({ ...reason }));
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/lost-reasons' && request.method === 'GET') return jsonResponse({ items: reasons, nextCursor: null });
    if (url.pathname === '/api/v1/lost-reasons' && request.method === 'POST') {
      const body = (await request.json()) as { name: string };
      if (reasons.some((reason) => reason.name.toLowerCase() === body.name.toLowerCase())) {
        return problemResponse({ type: `${PROBLEMS}/reason-name-taken`, title: 'Taken', status: 409 });
      }
      const created = { id: reasons.length + 20, name: body.name, archived: false, position: reasons.length + 1, version: 0 };
      reasons.push(created);
      return jsonResponse(created, { status: 201 });
    }
    const id = Number(/\/lost-reasons\/(\d+)$/.exec(url.pathname)?.[1]);
    const reason = reasons.find((item) => item.id === id);
    if (!reason) return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
    if (request.method === 'PATCH') {
      if (request.headers.get('If-Match') !== `"${reason.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      Object.assign(reason, await request.json(), { version: reason.version + 1 });
      return jsonResponse(reason);
    }
    if (request.method === 'DELETE') {
      if (usedIds.includes(id)) return problemResponse({ type: `${PROBLEMS}/reason-in-use`, title: 'In use', status: 409 });
      reasons.splice(reasons.indexOf(reason), 1);
      return new Response(null, { status: 204 });
    }
    return jsonResponse({});
  });
  return { ...mock, reasons };
}

const price: LostReason = { id: 1, name: 'Price', archived: false, position: 1, version: 3 };
const quality: LostReason = { id: 2, name: 'Product quality', archived: true, position: 2, version: 0 };

describe('Settings → Lost reasons', () => {
  it('lists the reasons with their state, adds one, and says when the name is taken', SLOW, async () => {
    const { requests } = reasonsApi([price, quality]);
    const { user } = renderWithProviders(<LostReasonsScreen />);

    const list = await screen.findByRole('list', { name: 'All reasons' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('PriceOffered');
    expect(rows[1]).toHaveTextContent('Product qualityArchived: no longer offered');

    await user.type(screen.getByLabelText('Reason'), 'PRICE');
    await user.click(screen.getByRole('button', { name: 'Add reason' }));
    await waitFor(() => expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription('A reason with this name already exists.'));

    await user.clear(screen.getByLabelText('Reason'));
    await user.type(screen.getByLabelText('Reason'), 'Payment terms');
    await user.click(screen.getByRole('button', { name: 'Add reason' }));
    expect(await findToast('Added the reason “Payment terms”.')).toHaveClass('toast-success');
    expect(await requests.filter((request) => request.method === 'POST')[1]?.json()).toEqual({ name: 'Payment terms' });
    expect(await within(list).findByText('Payment terms')).toBeInTheDocument();
  });

  it('renames with If-Match, archives and unarchives', SLOW, async () => {
    const { requests } = reasonsApi([price, quality]);
    const { user } = renderWithProviders(<LostReasonsScreen />);

    await user.click(await screen.findByRole('button', { name: 'Rename the reason Price' }));
    const form = screen.getByRole('form', { name: 'Rename the reason Price' });
    await user.clear(within(form).getByLabelText('Reason'));
    await user.type(within(form).getByLabelText('Reason'), 'Price too high');
    await user.click(within(form).getByRole('button', { name: 'Save reason' }));
    expect(await findToast('Renamed to “Price too high”.')).toHaveClass('toast-success');

    await user.click(await screen.findByRole('button', { name: 'Archive the reason Price too high' }));
    expect(await findToast('Archived “Price too high”: it is no longer offered; past records keep it.')).toHaveClass('toast-success');
    await user.click(await screen.findByRole('button', { name: 'Unarchive the reason Product quality' }));
    expect(await screen.findByText('“Product quality” is offered again.')).toBeInTheDocument();

    const patches = requests.filter((request) => request.method === 'PATCH');
    expect(patches.map((request) => [new URL(request.url).pathname, request.headers.get('If-Match')])).toEqual([
      ['/api/v1/lost-reasons/1', '"3"'],
      ['/api/v1/lost-reasons/1', '"4"'],
      ['/api/v1/lost-reasons/2', '"0"'],
    ]);
    expect(await Promise.all(patches.map((request) => request.json()))).toEqual([
      { name: 'Price too high' },
      { archived: true },
      { archived: false },
    ]);
  });

  it('deletes an unused reason after confirmation, and explains why a used one cannot go', SLOW, async () => {
    reasonsApi([price, quality], [1]);
    const { user } = renderWithProviders(<LostReasonsScreen />);

    await user.click(await screen.findByRole('button', { name: 'Delete the reason Price' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the reason “Price”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“Price” is recorded on customers’ history, so it cannot be deleted. Archive it instead: it is then no longer offered.',
    );

    await user.click(screen.getByRole('button', { name: 'Delete the reason Product quality' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete the reason “Product quality”?' })).getByRole('button', { name: 'Delete' }));
    expect(await findToast('Deleted the reason “Product quality”.')).toHaveClass('toast-success');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete the reason Product quality' })).not.toBeInTheDocument());
  });

  it('tells about a stale rename, in Chinese when chosen', SLOW, async () => {
    setLocale('zh-CN');
    const { reasons } = reasonsApi([price]);
    const { user } = renderWithProviders(<LostReasonsScreen />);
    await user.click(await screen.findByRole('button', { name: '重命名原因 Price' }));
    // Someone else saved meanwhile.
    (reasons[0] as LostReason).version = 9;
    const form = screen.getByRole('form', { name: '重命名原因 Price' });
    await user.type(within(form).getByLabelText('原因'), '!');
    await user.click(within(form).getByRole('button', { name: '保存原因' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('其他人刚刚修改了这个原因。列表已显示最新内容，请重试。');
  });

  it('checks a name before sending it, in the words the server would use', SLOW, async () => {
    const { requests } = reasonsApi([price]);
    const { user } = renderWithProviders(<LostReasonsScreen />);
    await screen.findByRole('list', { name: 'All reasons' });

    await user.click(screen.getByRole('button', { name: 'Add reason' }));
    const name = screen.getByLabelText('Reason');
    expect(name).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(name).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Rename the reason Price' }));
    const form = screen.getByRole('form', { name: 'Rename the reason Price' });
    await user.clear(within(form).getByLabelText('Reason'));
    await user.type(within(form).getByLabelText('Reason'), '  ');
    await user.click(within(form).getByRole('button', { name: 'Save reason' }));
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription('Required.');
    expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('shows the server’s field error next to the name', SLOW, async () => {
    mockFetch((request) =>
      request.method === 'POST'
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Validation failed',
            status: 400,
            errors: [{ field: 'name', message: 'size must be between 0 and 60', code: 'LENGTH', min: 0, max: 60 }],
          })
        : jsonResponse({ items: [price], nextCursor: null }),
    );
    const { user } = renderWithProviders(<LostReasonsScreen />);
    await screen.findByRole('list', { name: 'All reasons' });

    await user.type(screen.getByLabelText('Reason'), 'Payment terms');
    await user.click(screen.getByRole('button', { name: 'Add reason' }));

    const name = screen.getByLabelText('Reason');
    await waitFor(() => expect(name).toHaveAccessibleDescription('At most 60 characters.'));
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent('size must');
  });
});
