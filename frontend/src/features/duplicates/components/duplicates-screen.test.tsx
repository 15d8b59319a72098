import { screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/i18n/en';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { duplicateGroupsQueryKey, type DuplicateGroup } from '../api/list-duplicate-groups';
import { DuplicatesScreen } from './duplicates-screen';

const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';
const FORBIDDEN = en['problem.forbidden'];

const candidate = (id: number, name: string, ownerName: string | null = null) => ({
  id,
  name,
  companyName: null,
  ownerId: ownerName ? 1 : null,
  ownerName,
  inquiryCount: id,
  createdAt: `2026-03-0${id}T08:00:00Z`,
});

const emailGroup: DuplicateGroup = {
  kind: 'EMAIL',
  value: 'ana@souza.com.br',
  size: 3,
  customers: [candidate(1, 'Ana Souza', 'Li Na'), candidate(2, 'Ana S.'), candidate(3, 'A. Souza')],
};

function survivorOf(id: number, name: string) {
  return { id, name, imAccounts: [], purchaseCategories: [], source: 'MANUAL', stage: 'INQUIRY', stars: 1, status: 'ACTIVE', customFields: {}, tags: [], ownerId: 1, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', inquiryCount: 3, potentialScore: 40, poolReturn: null, version: 2 };
}

function duplicatesApi({ groups = [emailGroup], undo }: { groups?: DuplicateGroup[]; undo?: () => Response } = {}) {
  const state = { groups: [...groups] };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/customers/duplicates') return jsonResponse({ items: state.groups, nextCursor: null });
    const merge = /^\/api\/v1\/customers\/(\d+)\/merge$/.exec(url.pathname);
    if (merge && request.method === 'POST') {
      const { duplicateIds } = (await request.json()) as { duplicateIds: number[] };
      state.groups = [];
      const survivor = Number(merge[1]);
      return jsonResponse({
        mergeId: 77,
        survivor: survivorOf(survivor, 'Ana S.'),
        mergedIds: duplicateIds,
        filledFields: ['phone', 'companyName'],
        undoUntil: '2026-03-12T08:00:00Z',
      });
    }
    if (url.pathname === '/api/v1/merges/77/undo' && request.method === 'POST') {
      if (undo) return undo();
      state.groups = [...groups];
      return jsonResponse({ mergeId: 77, survivor: survivorOf(2, 'Ana S.'), restoredIds: [3, 1] });
    }
    return jsonResponse({});
  });
  return { ...mock, state };
}

function renderScreen() {
  const router = createMemoryRouter(
    [
      { path: '/duplicates', element: <DuplicatesScreen /> },
      { path: '/customers/:id', element: <p>customer</p> },
    ],
    { initialEntries: ['/duplicates'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

describe('Duplicates and merge', () => {
  it('merges a group into the chosen survivor, in the chosen fill order, after confirmation', SLOW, async () => {
    const { requests } = duplicatesApi();
    const { user } = renderScreen();

    const list = await screen.findByRole('list', { name: 'Groups of possible duplicates' });
    const group = within(list).getByRole('listitem');
    expect(group).toHaveTextContent('Same email: ana@souza.com.br');
    expect(group).toHaveTextContent('3 customers');
    await user.click(within(group).getByRole('button', { name: 'Review the group ana@souza.com.br' }));

    const panel = screen.getByRole('form', { name: 'Merge the customers sharing ana@souza.com.br' });
    const keep = within(panel).getByRole('group', { name: 'Keep this record' });
    // The oldest is kept unless chosen otherwise.
    expect(within(keep).getByRole('radio', { name: 'Ana Souza' })).toBeChecked();
    expect(within(keep).getByText(/owned by Li Na/)).toBeInTheDocument();
    await user.click(within(keep).getByRole('radio', { name: 'Ana S.' }));

    const into = within(panel).getByRole('group', { name: 'Merge into Ana S.' });
    expect(within(into).getAllByRole('checkbox').map((box) => box.parentElement?.textContent?.trim())).toEqual(['Ana Souza', 'A. Souza']);
    await user.selectOptions(within(panel).getByLabelText('Fill its empty details first from'), 'A. Souza');
    await user.click(within(panel).getByRole('button', { name: 'Merge 2…' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Merge 2 customers into Ana S.?' });
    expect(dialog).toHaveAccessibleDescription(/You can undo this for 7 days\./);
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText('Merged 2 customers into Ana S.. Took over: Telephone, Company.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Ana S.' })).toHaveAttribute('href', '/customers/2');
    const merge = requests.find((request) => request.url.endsWith('/merge'));
    expect(new URL(merge?.url ?? '').pathname).toBe('/api/v1/customers/2/merge');
    expect(await merge?.json()).toEqual({ duplicateIds: [3, 1] });
    expect(await screen.findByText(/No duplicates/)).toBeInTheDocument();
  });

  it('leaves out the customers unticked, and merges nothing when none is left', SLOW, async () => {
    const { requests } = duplicatesApi();
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Review the group ana@souza.com.br' }));
    const panel = screen.getByRole('form', { name: 'Merge the customers sharing ana@souza.com.br' });
    await user.click(within(panel).getByRole('checkbox', { name: 'Ana S.' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'A. Souza' }));
    expect(within(panel).getByText('Choose at least one customer to merge.')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Merge 0…' })).toBeDisabled();
    await user.click(within(panel).getByRole('checkbox', { name: 'A. Souza' }));
    await user.click(within(panel).getByRole('button', { name: 'Merge 1…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Merge' }));
    await screen.findByText(/Merged 1 customer into Ana Souza\./);
    expect(await requests.find((request) => request.url.endsWith('/merge'))?.json()).toEqual({ duplicateIds: [3] });
  });

  it('keeps the opened group and shows the outcome when the list reloads without it meanwhile', SLOW, async () => {
    const { state } = duplicatesApi();
    const { user, queryClient } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Review the group ana@souza.com.br' }));
    // The list reloads without the group (as after the merge, or someone else's), before the merge answer is handled.
    state.groups = [];
    await queryClient.invalidateQueries({ queryKey: duplicateGroupsQueryKey });
    expect(await screen.findByText(/No duplicates/)).toBeInTheDocument();
    const panel = screen.getByRole('form', { name: 'Merge the customers sharing ana@souza.com.br' });
    await user.click(within(panel).getByRole('button', { name: 'Merge 2…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Merge' }));
    expect(await screen.findByRole('button', { name: 'Undo the merge' })).toBeInTheDocument();
  });

  it('undoes the merge it just did', SLOW, async () => {
    const { requests } = duplicatesApi();
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Review the group ana@souza.com.br' }));
    await user.click(screen.getByRole('button', { name: 'Merge 2…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Merge' }));
    await user.click(await screen.findByRole('button', { name: 'Undo the merge' }));

    expect(await findToast('Merge undone: 2 customers are back, and Ana Souza has its details from before.')).toHaveClass('toast-success');
    // Its outcome, and its way back, are done with.
    expect(screen.queryByRole('button', { name: 'Undo the merge' })).not.toBeInTheDocument();
    expect(requests.some((request) => new URL(request.url).pathname === '/api/v1/merges/77/undo' && request.method === 'POST')).toBe(true);
    // The group is listed again.
    expect(await screen.findByRole('button', { name: 'Review the group ana@souza.com.br' })).toBeInTheDocument();
  });

  it('says in words why an undo is refused', SLOW, async () => {
    duplicatesApi({ undo: () => problemResponse({ type: `${PROBLEMS}/merge-undo-expired`, title: 'Expired', status: 409 }) });
    const { user } = renderScreen();
    await user.click(await screen.findByRole('button', { name: 'Review the group ana@souza.com.br' }));
    await user.click(screen.getByRole('button', { name: 'Merge 2…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Merge' }));
    await user.click(await screen.findByRole('button', { name: 'Undo the merge' }));
    expect(await screen.findByText('This merge is older than 7 days and can no longer be undone.')).toBeInTheDocument();
  });

  it('explains a refused read in words and offers a retry', SLOW, async () => {
    mockFetch(() => problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 }));
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(FORBIDDEN);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
