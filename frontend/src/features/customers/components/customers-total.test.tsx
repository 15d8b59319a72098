import { screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { CustomersScreen } from './customers-screen';
import { customer, fakeApi } from './test-api';

const SLOW = { timeout: 20_000 };

function renderScreen(path = '/customers') {
  const router = createMemoryRouter([{ path: '/customers', element: <CustomersScreen role="MANAGER" /> }], {
    initialEntries: [path],
  });
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

/** Two customers a page of `matches`; the first page counts up to countUpTo as the API does, includeTotal all. */
function storeOf(matches: number) {
  return fakeApi((_request, url) => {
    if (url.pathname !== '/api/v1/customers') return undefined;
    const items = [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })];
    if (url.searchParams.get('includeTotal') === 'true') return jsonResponse({ items, nextCursor: 'c1', total: matches });
    const bound = url.searchParams.get('countUpTo');
    if (bound === null) return jsonResponse({ items, nextCursor: 'c2' });
    return jsonResponse({ items, nextCursor: 'c1', total: Math.min(matches, Number(bound)), totalCapped: matches > Number(bound) });
  });
}

const lists = (requests: Request[]) =>
  requests.map((request) => new URL(request.url)).filter((url) => url.pathname === '/api/v1/customers');

describe('How many customers match (issue 19: the total by default when cheap)', () => {
  it('shows the count of every first page, counted up to a bound', SLOW, async () => {
    const { requests } = storeOf(120);
    renderScreen();
    expect(await screen.findByText('120 customers match')).toBeInTheDocument();
    expect(lists(requests)[0]?.searchParams.get('countUpTo')).toBe('1000');
    expect(screen.queryByRole('button', { name: 'Count them all' })).not.toBeInTheDocument();
  });

  it('says "more than" past the bound, and counts them all on request', SLOW, async () => {
    const { requests } = storeOf(250_000);
    const { user, router } = renderScreen('/customers?stage=INQUIRY');
    expect(await screen.findByText('More than 1,000 customers match')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Count them all' }));
    expect(await screen.findByText('250,000 customers match')).toBeInTheDocument();
    expect(router.state.location.search).toContain('includeTotal=true');
    const exact = lists(requests).at(-1)?.searchParams;
    expect(exact?.get('includeTotal')).toBe('true');
    expect(exact?.has('countUpTo')).toBe(false);
    expect(exact?.getAll('stage')).toEqual(['INQUIRY']);
  });

  it('offers "all matching" with the first page\'s exact count, without counting again', SLOW, async () => {
    const { requests } = storeOf(120);
    const { user } = renderScreen();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    expect(await screen.findByRole('button', { name: 'Select all 120 customers matching this filter' })).toBeInTheDocument();
    await waitFor(() => expect(lists(requests)).toHaveLength(1));
  });
});
