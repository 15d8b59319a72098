import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast, toastRegion } from '@/testing/toasts';
import type { PoolCustomer } from '../api/list-pool';
import { PoolScreen } from './pool-screen';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';

function poolCustomer(id: number, overrides: Partial<PoolCustomer> = {}): PoolCustomer {
  return {
    id,
    name: `Customer ${id}`,
    imAccounts: [],
    purchaseCategories: [],
    source: 'ALIBABA_INQUIRY',
    stage: 'INQUIRY',
    stars: 2,
    status: 'ACTIVE',
    customFields: {},
    tags: [],
    ownerId: null,
    poolId: 0,
    createdAt: '2026-03-01T08:00:00Z',
    updatedAt: '2026-03-01T08:00:00Z',
    inquiryCount: 1,
    potentialScore: 50,
    poolReturn: null,
    version: 1,
    ...overrides,
  };
}

const pool = [
  poolCustomer(1, { name: 'John Miller', potentialScore: 81, email: 'j***@millerhardware.example', phone: '*** *** 4321', country: 'US' }),
  poolCustomer(2, { name: 'Zhao Lei', potentialScore: 64 }),
  poolCustomer(3, { name: 'Anna Schmidt', potentialScore: 40 }),
];

const twoPools = [
  { id: 0, name: 'Main pool', everyone: true, isDefault: true, memberIds: [], customerCount: 1200, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
  { id: 7, name: 'Middle East', everyone: false, isDefault: false, memberIds: [5], customerCount: 3, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
];

type Answer = (request: Request, url: URL) => Response | undefined | Promise<Response | undefined>;

function poolApi(route: Answer = () => undefined) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const answered = await route(request, url);
    if (answered) return answered;
    if (url.pathname === '/api/v1/pool') return jsonResponse({ items: pool, nextCursor: null });
    if (url.pathname === '/api/v1/tags') return jsonResponse({ items: [], nextCursor: null });
    return jsonResponse({ items: [], nextCursor: null });
  });
}

function renderPool(role: Role = 'REP', path = '/pool') {
  const router = createMemoryRouter(
    [
      { path: '/pool', element: <PoolScreen role={role} me={{ id: 5, name: 'Li Na' }} /> },
      { path: '/customers', element: <p>My customers</p> },
      { path: '/customers/:id', element: <p>detail</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

const poolRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname === '/api/v1/pool');
const bodiesTo = async (requests: Request[], path: string) =>
  Promise.all(requests.filter((request) => new URL(request.url).pathname === path).map((request) => request.clone().json()));

describe('Pool', () => {
  it('switches between the pools the user belongs to, and keeps the choice when filtering', SLOW, async () => {
    const { requests } = poolApi((_request, url) => (url.pathname === '/api/v1/pools' ? jsonResponse({ items: twoPools }) : undefined));
    const { user, router } = renderPool();

    const choice = await screen.findByRole('combobox', { name: 'Pool' });
    expect(within(choice).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All my pools',
      'Main pool (1,200)',
      'Middle East (3)',
    ]);
    await user.selectOptions(choice, 'Middle East (3)');
    await waitFor(() => expect(new URL(poolRequests(requests).at(-1)?.url ?? '').searchParams.get('poolId')).toBe('7'));
    expect(router.state.location.search).toContain('poolId=7');

    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(new URL(poolRequests(requests).at(-1)?.url ?? '').searchParams.get('poolId')).toBe('7');

    await user.selectOptions(choice, 'All my pools');
    await waitFor(() => expect(new URL(poolRequests(requests).at(-1)?.url ?? '').searchParams.has('poolId')).toBe(false));
  });

  it('shows no pool choice while the user sees a single pool', SLOW, async () => {
    poolApi();
    renderPool();
    await screen.findByRole('table', { name: 'Pool' });
    expect(screen.queryByRole('combobox', { name: 'Pool' })).not.toBeInTheDocument();
  });

  it('lists the pool as the server orders it (best potential first) with masked contacts marked as hidden', SLOW, async () => {
    const { requests } = poolApi();
    renderPool();

    const table = await screen.findByRole('table', { name: 'Pool' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['John Miller', 'Zhao Lei', 'Anna Schmidt']);
    expect(rows[0]).toHaveTextContent('j***@millerhardware.example');
    expect(rows[0]).toHaveTextContent('hidden until claimed');
    expect(screen.getByText('Until you claim a customer, its contact details (email, phone numbers, chat handles, website) are masked or hidden, as its pool’s rules say.')).toBeInTheDocument();
    // No sort sent: the pool's default is the potential score, highest first.
    expect(new URL(poolRequests(requests)[0]?.url ?? '').searchParams.get('sort')).toBeNull();
    // A rep claims, but assigns nothing.
    expect(screen.queryByRole('form', { name: 'Assign the selected customers' })).not.toBeInTheDocument();
  });

  it('claims one customer with one click and says so', SLOW, async () => {
    const { requests } = poolApi((_request, url) =>
      url.pathname === '/api/v1/pool/claim' ? jsonResponse({ claimed: [1], failed: [] }) : undefined,
    );
    const { user } = renderPool();

    await user.click(await screen.findByRole('button', { name: 'Claim John Miller' }));
    const claimed = await findToast(/Claimed 1 customer: it is yours now\./);
    expect(claimed).toHaveClass('toast-success');
    expect(within(claimed).getByRole('link', { name: 'Open My customers' })).toHaveAttribute('href', '/customers');
    expect(await bodiesTo(requests, '/api/v1/pool/claim')).toEqual([{ customerIds: [1] }]);
    // The list is asked again, so the claimed customer leaves it.
    await waitFor(() => expect(poolRequests(requests).length).toBeGreaterThanOrEqual(2));
  });

  it('explains in words why some of a multi-selection could not be claimed, and keeps those selected', SLOW, async () => {
    poolApi((_request, url) =>
      url.pathname === '/api/v1/pool/claim'
        ? jsonResponse({
            claimed: [1],
            failed: [
              { id: 2, reason: 'DAILY_LIMIT' },
              { id: 3, reason: 'COOLDOWN' },
            ],
          })
        : undefined,
    );
    const { user } = renderPool();

    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    await user.click(screen.getByRole('button', { name: 'Claim 3 selected' }));

    expect(await findToast(/Claimed 1 customer:/)).toHaveClass('toast-success');
    const reasons = within(screen.getByRole('list', { name: '2 could not be claimed:' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(reasons).toEqual([
      'Zhao Lei: you have used all of today’s claims. Try again tomorrow.',
      'Anna Schmidt: you gave it back (or it returned from you) recently; you can claim it again once the waiting days are over.',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Select Zhao Lei' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select John Miller' })).not.toBeChecked();
  });

  it('names every failure reason a rep can meet', SLOW, async () => {
    poolApi((_request, url) =>
      url.pathname === '/api/v1/pool/claim'
        ? jsonResponse({
            claimed: [],
            failed: [
              { id: 1, reason: 'ALREADY_OWNED' },
              { id: 2, reason: 'LIMIT_REACHED' },
              { id: 3, reason: 'NOT_FOUND' },
            ],
          })
        : undefined,
    );
    const { user } = renderPool();
    await user.click(await screen.findByRole('checkbox', { name: 'Select all shown customers' }));
    await user.click(screen.getByRole('button', { name: 'Claim 3 selected' }));

    const list = await screen.findByRole('list', { name: '3 could not be claimed:' });
    const items = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(items[0]).toBe('John Miller: someone already owns it (perhaps you).');
    expect(items[1]).toMatch(/^Zhao Lei: you hold as many private customers as the pool rules allow/);
    expect(items[2]).toBe('Anna Schmidt: it is no longer there (deleted, or removed from the pool).');
    expect(screen.queryByText(/Claimed/)).not.toBeInTheDocument();
  });

  it('says who was faster when someone else claimed the customer first (409)', SLOW, async () => {
    poolApi((_request, url) =>
      url.pathname === '/api/v1/pool/claim'
        ? problemResponse({ type: `${PROBLEMS}/already-claimed`, title: 'Already claimed', status: 409 })
        : undefined,
    );
    const { user } = renderPool();
    await user.click(await screen.findByRole('button', { name: 'Claim Zhao Lei' }));
    expect(await findToast('Someone else claimed Zhao Lei just before you.')).toHaveClass('toast-error');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('screens the pool through the URL', SLOW, async () => {
    const { requests } = poolApi();
    const { user, router } = renderPool('REP', '/pool?stage=INQUIRY');
    await screen.findByRole('link', { name: 'John Miller' });
    expect(new URL(poolRequests(requests)[0]?.url ?? '').searchParams.getAll('stage')).toEqual(['INQUIRY']);

    const panel = screen.getByRole('search', { name: 'Screen the pool' });
    await user.click(within(panel).getByRole('checkbox', { name: 'Sample order' }));
    await user.type(within(panel).getByLabelText('Lowest potential score'), '60');
    await user.selectOptions(within(panel).getByLabelText('Has an email'), 'Yes');
    await user.click(within(panel).getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(poolRequests(requests)).toHaveLength(2));
    const query = new URL(poolRequests(requests)[1]?.url ?? '').searchParams;
    expect(query.getAll('stage')).toEqual(['INQUIRY', 'SAMPLE_ORDER']);
    expect(query.get('scoreMin')).toBe('60');
    expect(query.get('hasEmail')).toBe('true');
    expect(new URLSearchParams(router.state.location.search).get('scoreMin')).toBe('60');
  });

  it('lets an admin assign to a teammate from /team, and pass the limit when it blocks', SLOW, async () => {
    const team = [
      { id: 5, name: 'Li Na', role: 'ADMIN' },
      { id: 6, name: 'Sam Rep', role: 'REP' },
    ];
    const { requests } = poolApi(async (request, url) => {
      if (url.pathname === '/api/v1/team') return jsonResponse({ items: team });
      if (url.pathname === '/api/v1/pool/assign') {
        const body = (await request.clone().json()) as { customerIds: number[]; override?: boolean };
        return body.override
          ? jsonResponse({ assigned: body.customerIds, failed: [] })
          : jsonResponse({ assigned: [1], failed: [{ id: 2, reason: 'LIMIT_REACHED' }] });
      }
      return undefined;
    });
    const { user } = renderPool('ADMIN');

    await user.click(await screen.findByRole('checkbox', { name: 'Select John Miller' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Zhao Lei' }));
    const form = screen.getByRole('form', { name: 'Assign the selected customers' });
    const target = within(form).getByLabelText('Give to');
    await waitFor(() => expect(within(target).getByRole('option', { name: 'Sam Rep (Sales rep)' })).toBeInTheDocument());
    await user.selectOptions(target, 'Sam Rep (Sales rep)');
    await user.click(within(form).getByRole('button', { name: 'Assign 2' }));

    expect(await findToast('Gave 1 customer to Sam Rep.')).toHaveClass('toast-success');
    expect(within(screen.getByRole('list', { name: '1 could not be assigned:' })).getByRole('listitem')).toHaveTextContent(
      'Zhao Lei: Sam Rep holds as many private customers as the pool rules allow.',
    );

    await user.click(screen.getByRole('button', { name: 'Assign the 1 over the limit anyway' }));
    // A second toast says the same of the second customer.
    await waitFor(() => expect(within(toastRegion()).getAllByText('Gave 1 customer to Sam Rep.')).toHaveLength(2));
    await waitFor(async () =>
      expect(await bodiesTo(requests, '/api/v1/pool/assign')).toEqual([
        { customerIds: [1, 2], userId: 6 },
        { customerIds: [2], userId: 6, override: true },
      ]),
    );
  });

  it('lets a manager assign to a rep picked by name from /team, never asking for the admins’ user list', SLOW, async () => {
    const { requests } = poolApi((_request, url) => {
      if (url.pathname === '/api/v1/team') {
        return jsonResponse({ items: [{ id: 5, name: 'Li Na', role: 'MANAGER' }, { id: 6, name: 'Sam Rep', role: 'REP' }] });
      }
      return url.pathname === '/api/v1/pool/assign' ? jsonResponse({ assigned: [3], failed: [] }) : undefined;
    });
    const { user } = renderPool('MANAGER');
    await user.click(await screen.findByRole('checkbox', { name: 'Select Anna Schmidt' }));
    const form = screen.getByRole('form', { name: 'Assign the selected customers' });
    expect(within(form).queryByLabelText('Ignore the private-customer limit')).not.toBeInTheDocument();
    const target = within(form).getByLabelText('Give to');
    await waitFor(() => expect(within(target).getByRole('option', { name: 'Li Na (me)' })).toBeInTheDocument());
    await user.selectOptions(target, 'Sam Rep (Sales rep)');
    await user.click(within(form).getByRole('button', { name: 'Assign 1' }));
    expect(await findToast('Gave 1 customer to Sam Rep.')).toHaveClass('toast-success');
    expect(await bodiesTo(requests, '/api/v1/pool/assign')).toEqual([{ customerIds: [3], userId: 6 }]);
    expect(requests.some((request) => new URL(request.url).pathname === '/api/v1/users')).toBe(false);
  });

  it('lets a manager move the selected customers to another pool, and refreshes the list and the counts', SLOW, async () => {
    const { requests } = poolApi((_request, url) => {
      if (url.pathname === '/api/v1/pools') return jsonResponse({ items: twoPools });
      return url.pathname === '/api/v1/pools/7/customers' ? jsonResponse({ moved: [1, 3], notFound: [] }) : undefined;
    });
    const { user } = renderPool('MANAGER');
    await user.click(await screen.findByRole('checkbox', { name: 'Select John Miller' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Anna Schmidt' }));
    const form = screen.getByRole('form', { name: 'Move the selected customers to another pool' });
    await waitFor(() => expect(within(form).getByRole('option', { name: 'Middle East' })).toBeInTheDocument());
    const asked = requests.filter((request) => new URL(request.url).pathname === '/api/v1/pools').length;
    await user.selectOptions(within(form).getByLabelText('Move to'), 'Middle East');
    await user.click(within(form).getByRole('button', { name: 'Move 2 customers' }));
    expect(await findToast('Moved 2 customers to Middle East.')).toHaveClass('toast-success');
    expect(await bodiesTo(requests, '/api/v1/pools/7/customers')).toEqual([{ customerIds: [1, 3] }]);
    await waitFor(() =>
      expect(requests.filter((request) => new URL(request.url).pathname === '/api/v1/pools').length).toBeGreaterThan(asked),
    );
    expect(screen.queryByRole('checkbox', { name: 'Select John Miller', checked: true })).not.toBeInTheDocument();
  });

  it('offers no move to a rep', SLOW, async () => {
    poolApi((_request, url) => (url.pathname === '/api/v1/pools' ? jsonResponse({ items: twoPools }) : undefined));
    const { user } = renderPool('REP');
    await user.click(await screen.findByRole('checkbox', { name: 'Select John Miller' }));
    expect(screen.queryByRole('form', { name: 'Move the selected customers to another pool' })).not.toBeInTheDocument();
  });

  it('speaks Chinese when chosen, refusals included', SLOW, async () => {
    setLocale('zh-CN');
    poolApi((_request, url) =>
      url.pathname === '/api/v1/pool/claim' ? jsonResponse({ claimed: [], failed: [{ id: 1, reason: 'LIMIT_REACHED' }, { id: 2, reason: 'DAILY_LIMIT' }] }) : undefined,
    );
    const { user } = renderPool();
    expect(await screen.findByRole('heading', { name: '公海', level: 1 })).toBeInTheDocument();
    await user.click(await screen.findByRole('checkbox', { name: '选择 John Miller' }));
    await user.click(screen.getByRole('checkbox', { name: '选择 Zhao Lei' }));
    await user.click(screen.getByRole('button', { name: '领取所选 2 个' }));
    const list = await screen.findByRole('list', { name: '2 个未能领取：' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'John Miller: 您的私海客户已达公海规则的上限。请退回不再跟进的客户，或联系您的经理。',
      'Zhao Lei: 您今天的领取次数已用完，请明天再试。',
    ]);
  });
});
