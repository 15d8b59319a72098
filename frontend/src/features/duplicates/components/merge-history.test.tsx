import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { MergeRecord } from '../api/list-merges';
import { DuplicatesScreen } from './duplicates-screen';

const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';

function record(id: number, overrides: Partial<MergeRecord> = {}): MergeRecord {
  return {
    id,
    survivor: { id: 2, name: 'Ana S.', companyName: 'Souza Importadora' },
    survivorExists: true,
    duplicates: [
      { id: 3, name: 'A. Souza', companyName: null },
      { id: 1, name: 'Ana Souza', companyName: null },
    ],
    mergedBy: 1,
    mergedByName: 'Wang Wei',
    mergedAt: '2026-03-05T08:00:00Z',
    undoneAt: null,
    undoneByName: null,
    undoUntil: '2026-03-12T08:00:00Z',
    undoable: true,
    ...overrides,
  };
}

const undoable = record(77);
const undone = record(76, {
  survivor: { id: 20, name: 'Bruno Costa', companyName: null },
  duplicates: [{ id: 21, name: 'B. Costa', companyName: null }],
  undoneAt: '2026-03-04T09:00:00Z',
  undoneByName: 'Li Na',
  undoable: false,
});
const expired = record(75, { survivor: { id: 30, name: 'Chen Jie', companyName: null }, undoable: false, undoUntil: '2026-02-01T08:00:00Z' });
const survivorGone = record(74, { survivor: { id: 40, name: 'Dora Diaz', companyName: null }, survivorExists: false, undoable: false });

function historyApi({ merges = [undoable, undone, expired, survivorGone], undo }: { merges?: MergeRecord[]; undo?: () => Response } = {}) {
  const state = { merges: [...merges] };
  const mock = mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/merges') return jsonResponse({ items: state.merges, nextCursor: null });
    if (url.pathname === '/api/v1/customers/duplicates') return jsonResponse({ items: [], nextCursor: null });
    if (url.pathname === '/api/v1/merges/77/undo' && request.method === 'POST') {
      if (undo) return undo();
      state.merges = state.merges.map((merge) =>
        merge.id === 77 ? { ...merge, undoable: false, undoneAt: '2026-03-06T08:00:00Z', undoneByName: 'Wang Wei' } : merge,
      );
      return jsonResponse({ mergeId: 77, survivor: { id: 2, name: 'Ana S.' }, restoredIds: [3, 1] });
    }
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const paths = () => mock.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
  return { ...mock, state, paths };
}

function renderScreen(path = '/duplicates?tab=history') {
  const router = createMemoryRouter(
    [
      { path: '/duplicates', element: <DuplicatesScreen /> },
      { path: '/customers/:id', element: <p>customer</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

async function findEntry(name: string, listName = 'Merge history') {
  const list = await screen.findByRole('list', { name: listName });
  const entry = within(list)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.startsWith(name));
  if (!entry) throw new Error(`no merge into ${name}`);
  return entry;
}

describe('Merge history', () => {
  it('opens from its tab, and reads the merges only then', SLOW, async () => {
    const { paths } = historyApi();
    const { user, router } = renderScreen('/duplicates');
    await screen.findByText(/No duplicates/);
    expect(paths()).not.toContain('GET /api/v1/merges');

    await user.click(screen.getByRole('tab', { name: 'Merge history' }));
    expect(await findEntry('Ana S.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tab=history');
    expect(paths()).toContain('GET /api/v1/merges');
  });

  it('shows who was merged into whom, by whom and when, and where each merge stands', SLOW, async () => {
    historyApi();
    renderScreen();

    const open = await findEntry('Ana S.');
    expect(within(open).getByRole('link', { name: 'Ana S.' })).toHaveAttribute('href', '/customers/2');
    expect(open).toHaveTextContent('2 customers merged into it: A. Souza, Ana Souza');
    expect(open).toHaveTextContent(/Merged by Wang Wei on .*2026/);
    expect(open).toHaveTextContent(/Can be undone until .*2026/);
    expect(within(open).getByRole('button', { name: 'Undo the merge into Ana S.' })).toBeInTheDocument();

    const back = await findEntry('Bruno Costa');
    expect(back).toHaveTextContent('1 customer merged into it: B. Costa');
    expect(back).toHaveTextContent(/Undone by Li Na on .*2026/);
    expect(within(back).queryByRole('button')).not.toBeInTheDocument();

    const old = await findEntry('Chen Jie');
    expect(old).toHaveTextContent('Can no longer be undone: more than 7 days have passed.');
    expect(within(old).queryByRole('button')).not.toBeInTheDocument();

    const gone = await findEntry('Dora Diaz');
    expect(gone).toHaveTextContent('(deleted since)');
    expect(gone).toHaveTextContent('Can no longer be undone: the customer it kept was deleted.');
    expect(within(gone).queryByRole('link')).not.toBeInTheDocument();
  });

  it('undoes a merge after confirmation, says how many came back, and shows it undone', SLOW, async () => {
    const { paths } = historyApi();
    const { user } = renderScreen();

    const entry = await findEntry('Ana S.');
    await user.click(within(entry).getByRole('button', { name: 'Undo the merge into Ana S.' }));
    const dialog = within(entry).getByRole('alertdialog', { name: 'Undo the merge into Ana S.?' });
    expect(dialog).toHaveAccessibleDescription(/2 customers come back/);
    await user.click(within(dialog).getByRole('button', { name: 'Keep the merge' }));
    expect(paths()).not.toContain('POST /api/v1/merges/77/undo');

    await user.click(within(entry).getByRole('button', { name: 'Undo the merge into Ana S.' }));
    await user.click(within(within(entry).getByRole('alertdialog')).getByRole('button', { name: 'Undo the merge' }));

    expect(await findToast('Restored 2 customers.')).toHaveClass('toast-success');
    expect(paths()).toContain('POST /api/v1/merges/77/undo');
    await waitFor(async () => expect(await findEntry('Ana S.')).toHaveTextContent(/Undone by Wang Wei on/));
    expect(within(await findEntry('Ana S.')).queryByRole('button')).not.toBeInTheDocument();
  });

  it.each([
    ['merge-already-undone', 'This merge was undone already.'],
    ['merge-undo-expired', 'This merge is older than 7 days and can no longer be undone.'],
    ['conflict', 'The customer kept by this merge was deleted since, so the merge cannot be undone.'],
  ])('says in words why an undo is refused (%s), and reads the history again', async (kind, words) => {
    const { paths } = historyApi({ undo: () => problemResponse({ type: `${PROBLEMS}/${kind}`, title: 'Refused', status: 409 }) });
    const { user } = renderScreen();
    const entry = await findEntry('Ana S.');
    await user.click(within(entry).getByRole('button', { name: 'Undo the merge into Ana S.' }));
    await user.click(within(within(entry).getByRole('alertdialog')).getByRole('button', { name: 'Undo the merge' }));
    expect(await within(entry).findByRole('alert')).toHaveTextContent(words);
    await waitFor(() => expect(paths().filter((path) => path === 'GET /api/v1/merges')).toHaveLength(2));
  }, 20_000);

  it('says so when there are no merges yet', SLOW, async () => {
    historyApi({ merges: [] });
    renderScreen();
    expect(await screen.findByText('No merges yet.')).toBeInTheDocument();
  });

  it('explains a refused read in words and offers a retry', SLOW, async () => {
    mockFetch(() => problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 }));
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your role does not allow this.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('speaks Chinese', SLOW, async () => {
    setLocale('zh-CN');
    historyApi();
    renderScreen();
    const entry = await findEntry('Ana S.', '合并记录');
    expect(screen.getByRole('tab', { name: '合并记录' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: '可能重复的客户' })).toBeInTheDocument();
    expect(entry).toHaveTextContent('合并进来的 2 个客户：A. Souza、Ana Souza');
    expect(entry).toHaveTextContent(/由 Wang Wei 于 .*合并/);
    expect(within(entry).getByRole('button', { name: '撤销合并到 Ana S. 的操作' })).toHaveTextContent('撤销');
    expect(await findEntry('Chen Jie', '合并记录')).toHaveTextContent('无法再撤销：已超过 7 天。');
  });
});
