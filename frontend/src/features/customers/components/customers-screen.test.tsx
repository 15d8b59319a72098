import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { CustomersScreen, type BatchPlanActionRender, type Role } from './customers-screen';
import { customer, fakeApi } from './test-api';

function renderScreen(path = '/customers', role: Role = 'MANAGER', timeZone?: string) {
  const router = createMemoryRouter(
    [
      { path: '/customers', element: <CustomersScreen role={role} timeZone={timeZone} /> },
      { path: '/customers/:id', element: <p>detail</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

const listRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname === '/api/v1/customers' && request.method === 'GET');

describe('My customers', () => {
  it('sends the URL filters to the API, and turns the panel into URL and query', SLOW, async () => {
    const { requests } = fakeApi((request, url) =>
      url.pathname === '/api/v1/customers' && request.method === 'GET'
        ? jsonResponse({ items: [customer(1, { name: 'John Miller' })], nextCursor: null, total: 1 })
        : undefined,
    );
    const { user, router } = renderScreen('/customers?stage=INQUIRY&country=FR&cf.incoterm=FOB&includeTotal=true');

    expect(await screen.findByRole('link', { name: 'John Miller' })).toBeInTheDocument();
    const first = new URL(listRequests(requests)[0]?.url ?? '');
    expect(first.searchParams.getAll('stage')).toEqual(['INQUIRY']);
    expect(first.searchParams.getAll('customField')).toEqual(['incoterm:FOB']);
    expect(first.searchParams.get('includeTotal')).toBe('true');
    expect(await screen.findByText('1 customer matches')).toBeInTheDocument();

    const panel = screen.getByRole('search', { name: 'Screen customers' });
    // The URL's countries are chips of the country picker.
    expect(within(panel).getByRole('button', { name: 'Remove France' })).toBeInTheDocument();
    await user.type(within(panel).getByLabelText('Search'), 'miller');
    await user.click(within(panel).getByRole('checkbox', { name: 'Sample order' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'High intention' }));
    await user.selectOptions(within(panel).getByLabelText('Owner'), 'Me');
    await user.click(within(panel).getByRole('combobox', { name: 'Tags' }));
    await user.click(screen.getByRole('option', { name: 'Key account' }));
    await user.keyboard('{Escape}');
    await user.click(within(panel).getByRole('combobox', { name: 'Country' }));
    await user.type(screen.getByRole('combobox', { name: 'Search countries…' }), 'de');
    await user.keyboard('{Enter}{Escape}');
    expect(within(panel).getByRole('button', { name: 'Remove Germany' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('radio', { name: 'All of them' }));
    await user.type(within(panel).getByLabelText('Lowest'), '50');
    await user.selectOptions(within(panel).getByLabelText('Has an email'), 'Yes');
    await user.click(within(panel).getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(listRequests(requests)).toHaveLength(2));
    const query = new URL(listRequests(requests)[1]?.url ?? '').searchParams;
    expect(query.get('q')).toBe('miller');
    expect(query.getAll('stage')).toEqual(['INQUIRY', 'SAMPLE_ORDER']);
    expect(query.getAll('stars')).toEqual(['3']);
    expect(query.get('ownerId')).toBe('me');
    expect(query.getAll('tagAll')).toEqual(['7']);
    expect(query.get('tag')).toBeNull();
    expect(query.getAll('country')).toEqual(['FR', 'DE']);
    expect(query.get('scoreMin')).toBe('50');
    expect(query.get('hasEmail')).toBe('true');
    expect(query.getAll('customField')).toEqual(['incoterm:FOB']);
    expect(query.get('includeTotal')).toBe('true');
    // Shareable: the same filters are in the page's URL.
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('q')).toBe('miller');
    expect(search.getAll('tagAll')).toEqual(['7']);
  });

  it('offers no owner filter to a rep', SLOW, async () => {
    fakeApi(() => undefined);
    renderScreen('/customers', 'REP');
    expect(await screen.findByText('No customers yet. Add your first one.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Owner')).not.toBeInTheDocument();
  });

  it('titles a manager’s list Customers and names each owner; a rep’s stays My customers, without owners', SLOW, async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/team') return jsonResponse({ items: [{ id: 3, name: 'Rita Rep', role: 'REP' }] });
      if (url.pathname === '/api/v1/customers') {
        return jsonResponse({
          items: [customer(1, { name: 'Owned', ownerId: 3 }), customer(2, { name: 'Pooled', ownerId: null }),
            customer(4, { name: 'Kept by a former rep', ownerId: 9 })],
          nextCursor: null,
        });
      }
      return undefined;
    });
    const { unmount } = renderScreen();
    expect(await screen.findByRole('heading', { name: 'Customers', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Customers' });
    expect(within(table).getByRole('columnheader', { name: 'Owner' })).toBeInTheDocument();
    const owned = within(table).getByRole('row', { name: /Owned/ });
    expect(await within(owned).findByRole('cell', { name: 'Rita Rep' })).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /Pooled/ })).getByRole('cell', { name: 'In the pool' })).toBeInTheDocument();
    expect(within(within(table).getByRole('row', { name: /former rep/ })).getByRole('cell', { name: 'User 9' })).toBeInTheDocument();
    unmount();

    renderScreen('/customers', 'REP');
    expect(await screen.findByRole('heading', { name: 'My customers', level: 1 })).toBeInTheDocument();
    const mine = await screen.findByRole('table', { name: 'My customers' });
    expect(within(mine).queryByRole('columnheader', { name: 'Owner' })).not.toBeInTheDocument();
  });

  it('sorts by a column header and loads the next page with the cursor', SLOW, async () => {
    const { requests } = fakeApi((_request, url) => {
      if (url.pathname !== '/api/v1/customers') return undefined;
      return url.searchParams.get('cursor') === 'c2'
        ? jsonResponse({ items: [customer(3, { name: 'Zhao Lei' })], nextCursor: null })
        : jsonResponse({ items: [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })], nextCursor: 'c2' });
    });
    const { user, router } = renderScreen();

    await screen.findByRole('link', { name: 'Anna' });
    await user.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('-score'));
    await waitFor(() => expect(new URL(listRequests(requests).at(-1)?.url ?? '').searchParams.get('sort')).toBe('-score'));
    expect(screen.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Zhao Lei' })).toBeInTheDocument();
    const last = new URL(listRequests(requests).at(-1)?.url ?? '').searchParams;
    expect(last.get('cursor')).toBe('c2');
    expect(last.get('sort')).toBe('-score');
    expect(screen.getByRole('link', { name: 'Anna' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('runs a batch action on the selected customers and says what happened', SLOW, async () => {
    const { requests } = fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers/batch') {
        return jsonResponse({ matched: 2, changed: 1, skipped: [{ id: 9, reason: 'NOT_FOUND' }] });
      }
      if (url.pathname === '/api/v1/customers') {
        return jsonResponse({ items: [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })], nextCursor: null });
      }
      return undefined;
    });
    const { user } = renderScreen();

    await user.click(await screen.findByRole('checkbox', { name: 'Select Anna' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    expect(bar).toHaveTextContent('2 selected');
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Set the stage');
    await user.selectOptions(within(bar).getByLabelText('Stage'), 'Transaction');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Set the stage of 2 customers to “Transaction”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 customers' }));

    // Some skipped: a note rather than a success.
    expect(
      await findToast(
        'Done: 2 customers selected, 1 changed (the others already were so). 1 skipped: not found, or not yours.',
      ),
    ).toHaveClass('toast-info');
    const batch = requests.find((request) => new URL(request.url).pathname === '/api/v1/customers/batch');
    expect(await batch?.json()).toEqual({ selection: { ids: [1, 2] }, action: 'SET_STAGE', stage: 'TRANSACTION' });
  });

  it('deletes in batch only for managers, after confirmation', SLOW, async () => {
    const { requests } = fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers/batch') return jsonResponse({ matched: 1, changed: 1, skipped: [] });
      if (url.pathname === '/api/v1/customers') return jsonResponse({ items: [customer(1, { name: 'Anna' })], nextCursor: null });
      return undefined;
    });
    const { user } = renderScreen();

    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    await user.selectOptions(screen.getByLabelText('Action'), 'Delete permanently');
    await user.click(screen.getByRole('button', { name: 'Apply to selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 1 customer permanently?' });
    expect(requests.some((request) => request.url.endsWith('/batch'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));

    expect(await findToast(/Done: 1 customer selected, 1 changed/)).toHaveClass('toast-success');
    const batch = requests.find((request) => request.url.endsWith('/batch'));
    expect(await batch?.json()).toEqual({ selection: { ids: [1] }, action: 'DELETE' });
  });

  it('applies and saves views', SLOW, async () => {
    const views = [
      { id: 4, name: 'Hot leads', filter: { stars: [3], stage: ['INQUIRY'] }, sort: '-score', version: 0 },
    ];
    const { requests } = fakeApi((request, url) => {
      if (url.pathname === '/api/v1/views' && request.method === 'GET') return jsonResponse({ items: views, nextCursor: null });
      if (url.pathname === '/api/v1/views' && request.method === 'POST') {
        return jsonResponse({ id: 5, name: 'Mine', filter: {}, sort: '-createdAt', version: 0 }, { status: 201 });
      }
      return undefined;
    });
    const { user, router } = renderScreen('/customers?q=acme');

    await user.click(await screen.findByRole('button', { name: 'Hot leads' }));
    await waitFor(() => expect(router.state.location.search).toBe('?stars=3&stage=INQUIRY&sort=-score'));

    await user.type(screen.getByLabelText('View name'), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Save current filters' }));
    expect(await findToast('Saved the view “Mine”.')).toHaveClass('toast-success');
    const post = requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({ name: 'Mine', filter: { stars: [3], stage: ['INQUIRY'] }, sort: '-score' });
  });

  it('shows each customer’s return timer, highlighted when close', SLOW, async () => {
    fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers'
        ? jsonResponse({
            items: [
              customer(1, { name: 'Anna', poolReturn: { at: '2026-03-03T08:00:00Z', rule: 'NO_FOLLOW_UP', daysLeft: 2 } }),
              customer(2, { name: 'Bob', poolReturn: { at: '2026-05-03T08:00:00Z', rule: 'NO_DEAL', daysLeft: 60 } }),
              customer(3, { name: 'Cleo', poolReturn: null }),
            ],
            nextCursor: null,
          })
        : undefined,
    );
    renderScreen('/customers', 'REP');
    const anna = await screen.findByText('Returns to the pool in 2 days: no follow-up');
    // The list shows the days left as a badge; the sentence is its tooltip and what a screen reader says.
    const annaTimer = anna.closest('.pool-timer');
    expect(annaTimer).toHaveClass('pool-timer-close');
    expect(annaTimer).toHaveTextContent(/^2 days/);
    expect(annaTimer).toHaveAttribute('title', expect.stringContaining('Returns to the pool in 2 days: no follow-up'));
    expect(screen.getByText('Returns to the pool in 60 days: no deal yet').closest('.pool-timer')).not.toHaveClass('pool-timer-close');
    expect(screen.getByRole('row', { name: /Cleo/ })).not.toHaveTextContent('Returns to the pool');
  });

  it('marks an overdue next follow-up in words, not only in colour', SLOW, async () => {
    fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers'
        ? jsonResponse({
            items: [
              customer(1, { name: 'Anna', nextFollowUpAt: '2020-01-02T08:00:00Z' }),
              customer(2, { name: 'Bob', nextFollowUpAt: '2999-01-02T08:00:00Z' }),
            ],
            nextCursor: null,
          })
        : undefined,
    );
    renderScreen('/customers', 'REP');
    const anna = await screen.findByRole('row', { name: /Anna/ });
    expect(within(anna).getByText('overdue')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Bob/ })).not.toHaveTextContent('overdue');
  });

  it('turns a timer urgent within the store’s warning window, not at a fixed number of days', SLOW, async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/pool/rules') {
        return jsonResponse({
          returnAfterDaysWithoutFollowUp: 30, returnAfterDaysWithoutDeal: 90, warnDaysBeforeReturn: 7,
          maxPrivateCustomersPerRep: 0, maxClaimsPerRepPerDay: 0, reclaimCooldownDays: 0, purgeUnclaimedAfterDays: 0,
          maskContacts: true, stageFollowUpDays: {},
        });
      }
      return url.pathname === '/api/v1/customers'
        ? jsonResponse({
            items: [
              customer(1, { name: 'Anna', poolReturn: { at: '2026-03-06T08:00:00Z', rule: 'NO_FOLLOW_UP', daysLeft: 6 } }),
              customer(2, { name: 'Bob', poolReturn: { at: '2026-03-09T08:00:00Z', rule: 'NO_DEAL', daysLeft: 8 } }),
            ],
            nextCursor: null,
          })
        : undefined;
    });
    renderScreen('/customers', 'REP');
    // Six days left is inside a 7-day warning window (the old fixed 3 days would not have marked it).
    await waitFor(() =>
      expect(screen.getByText('Returns to the pool in 6 days: no follow-up').closest('.pool-timer')).toHaveClass('pool-timer-close'),
    );
    expect(screen.getByText('Returns to the pool in 8 days: no deal yet').closest('.pool-timer')).not.toHaveClass('pool-timer-close');
  });

  it('gives the selected customers back to the pool with a reason, and says which were skipped and why', SLOW, async () => {
    const { requests } = fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/lost-reasons') {
        return jsonResponse({ items: [{ id: 11, name: 'Price', archived: false, position: 1 }], nextCursor: null });
      }
      if (url.pathname === '/api/v1/customers/batch') {
        return jsonResponse({ matched: 2, changed: 1, skipped: [{ id: 2, reason: 'ALREADY_IN_POOL' }] });
      }
      if (url.pathname === '/api/v1/customers') {
        return jsonResponse({ items: [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })], nextCursor: null });
      }
      return undefined;
    });
    const { user } = renderScreen('/customers', 'REP');

    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    expect(within(within(bar).getByLabelText('Action')).queryByRole('option', { name: 'Transfer to…' })).not.toBeInTheDocument();
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Give back to the pool');
    expect(within(bar).getByRole('button', { name: 'Apply to selected' })).toBeDisabled();
    await waitFor(() => expect(within(within(bar).getByLabelText('Reason')).getByRole('option', { name: 'Price' })).toBeInTheDocument());
    await user.selectOptions(within(bar).getByLabelText('Reason'), 'Price');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Give 2 customers back to the pool?' });
    await user.click(within(dialog).getByRole('button', { name: 'Give back to the pool' }));

    expect(await screen.findByText(/1 skipped: already in the pool\./)).toBeInTheDocument();
    const batch = requests.find((request) => request.url.endsWith('/batch'));
    expect(await batch?.json()).toEqual({ selection: { ids: [1, 2] }, action: 'RELEASE', reasonId: 11 });
  });
});

describe('Batch actions on every customer matching the filter (issue 19)', () => {
  /** Two customers a page, more behind the cursor; `total` answers the count (limit=1&includeTotal=true). */
  function manyApi(total: number) {
    return fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers/batch') {
        return jsonResponse({ matched: 1234, changed: 1230, skipped: [{ id: 9, reason: 'NOT_FOUND' }, { id: 10, reason: 'ALREADY_IN_POOL' }] });
      }
      if (url.pathname !== '/api/v1/customers') return undefined;
      if (url.searchParams.get('includeTotal') === 'true') return jsonResponse({ items: [customer(1)], nextCursor: 'c1', total });
      return jsonResponse({ items: [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })], nextCursor: 'c2' });
    });
  }

  it('offers all matches once the page is ticked, and sends the screen’s filter rather than ids', SLOW, async () => {
    const { requests } = manyApi(1234);
    const { user } = renderScreen('/customers?stage=INQUIRY&tag=7&createdFrom=2026-01-01&cf.incoterm=FOB', 'MANAGER', 'Asia/Shanghai');

    await user.click(await screen.findByRole('checkbox', { name: 'Select Anna' }));
    // Not every row is ticked: nothing is offered, nothing is counted.
    expect(screen.queryByText(/on this page are selected/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown customers' }));
    expect(screen.getByText('All 2 customers on this page are selected.')).toBeInTheDocument();
    const offer = await screen.findByRole('button', { name: 'Select all 1,234 customers matching this filter' });
    const count = new URL(listRequests(requests).find((request) => request.url.includes('includeTotal'))?.url ?? '').searchParams;
    expect(count.get('limit')).toBe('1');
    expect(count.getAll('stage')).toEqual(['INQUIRY']);
    expect(count.get('cursor')).toBeNull();

    await user.click(offer);
    expect(screen.getByText('All 1,234 customers matching this filter are selected.')).toBeInTheDocument();
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    expect(bar).toHaveTextContent('All 1,234 customers matching this filter selected');
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Delete permanently');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 1,234 customers permanently?' });
    expect(dialog).toHaveAccessibleDescription(/It applies to every customer matching the current filter: all 1,234/);
    const listsBefore = listRequests(requests).length;
    await user.click(within(dialog).getByRole('button', { name: 'Delete permanently' }));

    // The outcome in words, the list asked again, the selection gone.
    // Some skipped: a note rather than a success.
    expect(
      await findToast(
        'Done: 1,234 customers selected, 1,230 changed (the others already were so). 1 skipped: not found, or not yours. 1 skipped: already in the pool.',
      ),
    ).toHaveClass('toast-info');
    const batch = requests.find((request) => request.url.endsWith('/batch'));
    expect(await batch?.json()).toEqual({
      // The list's criteria; its day read in the store's time zone (midnight in Shanghai).
      selection: { filter: { stage: ['INQUIRY'], tag: [7], createdFrom: '2025-12-31T16:00:00.000Z', cf: { incoterm: 'FOB' } } },
      action: 'DELETE',
    });
    await waitFor(() => expect(listRequests(requests).length).toBeGreaterThan(listsBefore));
    expect(screen.queryByRole('form', { name: 'Change the selected customers' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Anna' })).not.toBeChecked();
  });

  it('goes back to the ticked rows when one is unticked, and to nothing on Clear selection', SLOW, async () => {
    const { requests } = manyApi(1234);
    const { user } = renderScreen();

    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    await user.click(await screen.findByRole('button', { name: 'Select all 1,234 customers matching this filter' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    expect(bar).toHaveTextContent('1 selected');
    expect(screen.queryByText(/matching this filter/)).not.toBeInTheDocument();
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Reactivate');
    await user.click(within(bar).getByRole('button', { name: 'Apply to selected' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Reactivate 1 customer?' })).getByRole('button', { name: 'Reactivate' }));
    await screen.findByText(/^Done:/);
    const batch = requests.find((request) => request.url.endsWith('/batch'));
    expect(await batch?.json()).toEqual({ selection: { ids: [1] }, action: 'REACTIVATE' });

    await user.click(screen.getByRole('checkbox', { name: 'Select all shown customers' }));
    await user.click(await screen.findByRole('button', { name: 'Select all 1,234 customers matching this filter' }));
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('form', { name: 'Change the selected customers' })).not.toBeInTheDocument();
    expect(screen.queryByText(/selected\./)).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Anna' })).not.toBeChecked();
  });

  it('does not offer more than a batch can take (50,000), and says so', SLOW, async () => {
    manyApi(60_000);
    const { user } = renderScreen('/customers?stage=INQUIRY');

    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    expect(
      await screen.findByText(
        '60,000 customers match this filter: a batch action changes at most 50,000 at once. Narrow the filter to change them all.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Select all .* matching this filter/ })).not.toBeInTheDocument();
    // The ticked rows can still be changed.
    expect(screen.getByRole('form', { name: 'Change the selected customers' })).toHaveTextContent('2 selected');
  });

  it('uses the list’s own total when it is counted already, and offers nothing when every match is shown', SLOW, async () => {
    const { requests } = fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers'
        ? jsonResponse({ items: [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })], nextCursor: null, total: 2 })
        : undefined,
    );
    const { user } = renderScreen('/customers?includeTotal=true');
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    expect(screen.getByRole('form', { name: 'Change the selected customers' })).toHaveTextContent('2 selected');
    expect(screen.queryByText(/on this page are selected/)).not.toBeInTheDocument();
    expect(listRequests(requests)).toHaveLength(1);
  });
});

describe('Follow-up plans for the selection, from another feature', () => {
  /** Anna, Bob and Cid on the first page, more behind the cursor; `total` answers the count. */
  function plansListApi(total = 1234) {
    return fakeApi((_request, url) => {
      if (url.pathname !== '/api/v1/customers') return undefined;
      if (url.searchParams.get('includeTotal') === 'true') return jsonResponse({ items: [customer(1)], nextCursor: 'c1', total });
      return jsonResponse({
        items: [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' }), customer(3, { name: 'Cid' })],
        nextCursor: 'c2',
      });
    });
  }

  /** Stands for the plans feature's form: says what it was given, and closes with words or without. */
  const planForm = vi.fn<BatchPlanActionRender>((selection, count, close) => (
    <div>
      <p>
        Planning {count}: {JSON.stringify(selection)}
      </p>
      <button type="button" onClick={() => close(() => 'Plans made.')}>
        Finish
      </button>
      <button type="button" onClick={() => close()}>
        Back
      </button>
    </div>
  ));

  function renderWithPlans(path = '/customers?stage=INQUIRY') {
    const router = createMemoryRouter(
      [{ path: '/customers', element: <CustomersScreen role="REP" timeZone="Asia/Shanghai" batchPlanAction={planForm} /> }],
      { initialEntries: [path] },
    );
    return renderWithProviders(<RouterProvider router={router} />);
  }

  it('offers “Plan follow-ups…” for the ticked customers, opens the form in place, and shows what it did', SLOW, async () => {
    const { requests } = plansListApi();
    const { user } = renderWithPlans();

    await user.click(await screen.findByRole('checkbox', { name: 'Select Anna' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Bob' }));
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    const action = within(bar).getByLabelText('Action');
    expect(within(action).getAllByRole('option').at(-1)).toHaveTextContent('Plan follow-ups…');
    await user.selectOptions(action, 'Plan follow-ups…');

    expect(screen.getByText('Planning 2: {"ids":[1,2]}')).toBeInTheDocument();
    // The plan's form has its own button; the bar keeps Clear selection.
    expect(within(bar).queryByRole('button', { name: 'Apply to selected' })).not.toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Clear selection' })).toBeInTheDocument();
    // Not inside the bar's form: forms do not nest.
    expect(bar).not.toContainElement(screen.getByRole('button', { name: 'Finish' }));

    // Ticking one more: the form follows the selection.
    await user.click(screen.getByRole('checkbox', { name: 'Select Cid' }));
    expect(screen.getByText('Planning 3: {"ids":[1,2,3]}')).toBeInTheDocument();

    // Back: the bar's own actions, the focus on the list of actions.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByText(/^Planning/)).not.toBeInTheDocument();
    expect(action).toHaveValue('ADD_TAGS');
    await waitFor(() => expect(action).toHaveFocus());
    expect(within(bar).getByRole('button', { name: 'Apply to selected' })).toBeInTheDocument();

    await user.selectOptions(action, 'Plan follow-ups…');
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await findToast('Plans made.')).toHaveClass('toast-success');
    expect(screen.queryByRole('form', { name: 'Change the selected customers' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select Anna' })).not.toBeChecked();
    // The customers feature itself sends nothing.
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('hands over every customer matching the filter as the filter, with their count', SLOW, async () => {
    plansListApi(1234);
    const { user } = renderWithPlans();

    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    await user.click(await screen.findByRole('button', { name: 'Select all 1,234 customers matching this filter' }));
    const bar = screen.getByRole('form', { name: 'Change the selected customers' });
    await user.selectOptions(within(bar).getByLabelText('Action'), 'Plan follow-ups…');
    expect(screen.getByText('Planning 1234: {"filter":{"stage":["INQUIRY"]}}')).toBeInTheDocument();
  });

  it('offers no plans without the plans feature', SLOW, async () => {
    plansListApi();
    const { user } = renderScreen('/customers', 'MANAGER');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Anna' }));
    const action = within(screen.getByRole('form', { name: 'Change the selected customers' })).getByLabelText('Action');
    expect(within(action).queryByRole('option', { name: 'Plan follow-ups…' })).not.toBeInTheDocument();
  });
});
