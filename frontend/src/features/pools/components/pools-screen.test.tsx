import { act, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import type { TeamMember } from '@/lib/team';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { Pool } from '@/lib/pools';
import { PoolsScreen } from './pools-screen';

/** Who is looking: an administrator, or a manager (Ann Lee, id 3) whom no pool names unless a test says so. */
const ADMIN = { id: 1, role: 'ADMIN' };
const MANAGER = { id: 3, role: 'MANAGER' };

const SLOW = { timeout: 20_000 };
const AT = '2026-03-01T08:00:00Z';

const team: TeamMember[] = [
  { id: 3, name: 'Ann Lee', role: 'MANAGER' },
  { id: 5, name: 'Li Na', role: 'REP', team: 'Export' },
  { id: 7, name: 'Omar Haddad', role: 'REP', team: 'export' },
  { id: 9, name: 'Sara Kim', role: 'REP' },
  { id: 11, name: 'Wang Wei', role: 'REP' },
];

const mainPool: Pool = {
  id: 0,
  name: 'Main pool',
  everyone: true,
  isDefault: true,
  memberIds: [],
  teams: [],
  managerIds: [],
  customerCount: 1200,
  createdAt: AT,
  updatedAt: AT,
  version: 0,
};
const middleEast: Pool = { ...mainPool, id: 4, name: 'Middle East', everyone: false, isDefault: false, memberIds: [5, 7], customerCount: 3, version: 2 };
const fairLeads: Pool = { ...mainPool, id: 6, name: 'Trade fair leads', everyone: false, isDefault: false, memberIds: [3, 5, 7, 9, 11], customerCount: 1, version: 0 };

type PoolBody = { name: string; everyone?: boolean; memberIds?: number[]; teams?: string[]; managerIds?: number[] };

/** A store's pools and team; `refuse` answers a write instead, when it returns a response. */
function poolsApi(initial: Pool[], refuse?: (request: Request) => Response | undefined) {
  const pools = initial.map((pool) => ({ ...pool }));
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/team') return jsonResponse({ items: team });
    if (request.method === 'GET' && url.pathname === '/api/v1/pools') return jsonResponse({ items: pools });
    if (request.method === 'GET' && url.pathname === '/api/v1/pool/limits') {
      return jsonResponse({ maxPrivateCustomersPerRep: 0, maxClaimsPerRepPerDay: 0 }, { headers: { ETag: '"0"' } });
    }
    const refusal = refuse?.(request);
    if (refusal) return refusal;
    if (url.pathname === '/api/v1/pools' && request.method === 'POST') {
      const body = (await request.json()) as PoolBody;
      if (pools.some((pool) => pool.name.toLowerCase() === body.name.toLowerCase())) {
        return problemResponse({
          type: 'https://harbor-crm.dev/problems/pool-name-taken',
          title: 'A pool with this name exists',
          status: 409,
          errors: [{ field: 'name', message: 'is already used by another pool', code: 'TAKEN' }],
        });
      }
      const created: Pool = {
        ...mainPool,
        id: 20 + pools.length,
        name: body.name,
        everyone: body.everyone ?? false,
        isDefault: false,
        memberIds: body.everyone ? [] : (body.memberIds ?? []),
        teams: body.everyone ? [] : (body.teams ?? []),
        managerIds: body.managerIds ?? [],
        customerCount: 0,
      };
      pools.push(created);
      return jsonResponse(created, { status: 201 });
    }
    const id = Number(/\/pools\/(\d+)$/.exec(url.pathname)?.[1]);
    const index = pools.findIndex((pool) => pool.id === id);
    const pool = pools[index];
    if (!pool) return problemResponse({ type: 'https://harbor-crm.dev/problems/not-found', title: 'Not found', status: 404 });
    if (request.method === 'PUT') {
      const body = (await request.json()) as PoolBody;
      Object.assign(pool, {
        name: body.name,
        everyone: body.everyone ?? false,
        memberIds: body.everyone ? [] : (body.memberIds ?? []),
        teams: body.everyone ? [] : (body.teams ?? []),
        managerIds: body.managerIds ?? [],
        version: pool.version + 1,
      });
      return jsonResponse(pool);
    }
    if (request.method === 'DELETE') {
      pools.splice(index, 1);
      const main = pools.find((item) => item.isDefault);
      if (main) main.customerCount += pool.customerCount;
      return new Response(null, { status: 204 });
    }
    return jsonResponse({});
  });
  return { ...mock, pools };
}

const sent = (requests: Request[], method: string) => requests.filter((request) => request.method === method);

describe('Settings → Pools', () => {
  it('lists the default pool first, with its badge, who belongs and its customers', SLOW, async () => {
    poolsApi([mainPool, middleEast, fairLeads]);
    renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);

    expect(screen.getByRole('heading', { name: 'Pools', level: 1 })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'All pools' });
    const [main, gulf, fair] = within(list).getAllByRole('listitem');
    expect(main).toHaveTextContent(/^Main poolDefault/);
    expect(within(main!).getByText('Default')).toHaveClass('badge');
    expect(main).toHaveTextContent('Everyone');
    expect(main).toHaveTextContent('1,200 customers');
    expect(within(gulf!).queryByText('Default')).not.toBeInTheDocument();
    expect(await within(gulf!).findByText('Li Na, Omar Haddad')).toBeInTheDocument();
    expect(gulf).toHaveTextContent('3 customers');
    // Many members: counted, the first ones named.
    expect(fair).toHaveTextContent('5 members: Ann Lee, Li Na, Omar Haddad and 2 more');
    expect(fair).toHaveTextContent('1 customer');
  });

  it('adds a pool with two members, and says when the name is taken', SLOW, async () => {
    const { requests } = poolsApi([mainPool, middleEast]);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    const form = screen.getByRole('region', { name: 'Add a pool' });

    await user.type(within(form).getByLabelText('Pool name'), 'middle EAST');
    expect(within(form).getByRole('checkbox', { name: 'Open to everyone in the store' })).not.toBeChecked();
    await user.click(await within(form).findByRole('checkbox', { name: 'Li Na (Sales rep)' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Sara Kim (Sales rep)' }));
    expect(within(form).getByRole('checkbox', { name: 'Ann Lee (Manager)' })).not.toBeChecked();
    // Its manager: only the store's managers are offered.
    const managers = within(form).getByRole('group', { name: 'Pool managers' });
    expect(within(managers).getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual(['3']);
    await user.click(within(managers).getByRole('checkbox', { name: 'Ann Lee' }));
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));

    const name = within(form).getByLabelText('Pool name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('A pool with this name already exists.'));
    await waitFor(() => expect(name).toHaveFocus());
    expect(document.body).not.toHaveTextContent(/already used by another pool|A pool with this name exists/);

    await user.clear(name);
    await user.type(name, 'Gulf');
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));

    expect(await findToast('Added the pool “Gulf”.')).toHaveClass('toast-success');
    expect(await sent(requests, 'POST')[1]?.json()).toEqual({ name: 'Gulf', everyone: false, memberIds: [5, 9], teams: [], managerIds: [3] });
    const list = screen.getByRole('list', { name: 'All pools' });
    expect(await within(list).findByText('Gulf')).toBeInTheDocument();
    expect(within(list).getByText('Li Na, Sara Kim')).toBeInTheDocument();
    expect(within(list).getByText('Managed by Ann Lee')).toBeInTheDocument();
    // The form starts again empty.
    expect(within(form).getByLabelText('Pool name')).toHaveValue('');
    expect(within(form).getByRole('checkbox', { name: 'Li Na (Sales rep)' })).not.toBeChecked();
  });

  it('adds a whole team as members, offering the store’s teams once each with how many are in them', SLOW, async () => {
    const { requests } = poolsApi([mainPool, { ...middleEast, teams: ['Key accounts'] }]);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    const form = screen.getByRole('region', { name: 'Add a pool' });
    await user.type(within(form).getByLabelText('Pool name'), 'Export desk');
    // "Export" and "export" are one team: two people.
    const teams = await within(form).findByRole('group', { name: 'Teams' });
    expect(within(teams).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent?.trim())).toEqual([
      'Export (2 people)',
    ]);
    await user.click(within(teams).getByRole('checkbox', { name: 'Export (2 people)' }));
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));
    expect(await findToast('Added the pool “Export desk”.')).toHaveClass('toast-success');
    expect(await sent(requests, 'POST')[0]?.json()).toEqual({ name: 'Export desk', everyone: false, memberIds: [], teams: ['Export'], managerIds: [] });
    const list = screen.getByRole('list', { name: 'All pools' });
    expect(await within(list).findByText('Teams: Export')).toBeInTheDocument();
    // A pool's teams are said in its row before the users it names one by one.
    expect(within(list).getByText('Teams: Key accounts; Li Na, Omar Haddad')).toBeInTheDocument();
  });

  it('adds a pool open to everyone, without a member list', SLOW, async () => {
    const { requests } = poolsApi([mainPool]);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    const form = screen.getByRole('region', { name: 'Add a pool' });

    await user.click(await within(form).findByRole('checkbox', { name: 'Li Na (Sales rep)' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Open to everyone in the store' }));
    expect(within(form).queryByRole('group', { name: 'Members' })).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText('Pool name'), 'Walk-ins');
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));

    expect(await findToast('Added the pool “Walk-ins”.')).toBeInTheDocument();
    expect(await sent(requests, 'POST')[0]?.json()).toEqual({ name: 'Walk-ins', everyone: true, managerIds: [] });
  });

  it('shows every field error of a refusal at once, in its own words', SLOW, async () => {
    const { requests } = poolsApi([mainPool], (request) =>
      request.method === 'POST'
        ? problemResponse({
            type: 'https://harbor-crm.dev/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [
              { field: 'name', message: 'size must be between 0 and 80', code: 'LENGTH', min: 0, max: 80 },
              { field: 'memberIds[1]', message: 'must be an active user of this store' },
            ],
          })
        : undefined,
    );
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    const form = screen.getByRole('region', { name: 'Add a pool' });

    await user.type(within(form).getByLabelText('Pool name'), 'Gulf');
    await user.click(await within(form).findByRole('checkbox', { name: 'Li Na (Sales rep)' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Wang Wei (Sales rep)' }));
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));

    const name = within(form).getByLabelText('Pool name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('At most 80 characters.'));
    expect(within(form).getByRole('group', { name: 'Members' })).toHaveAccessibleDescription(
      /Someone chosen is no longer an active user of the store\. Reload the page and choose again\.$/,
    );
    expect(within(form).getByRole('checkbox', { name: 'Wang Wei (Sales rep)' })).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(name).toHaveFocus());
    expect(within(form).getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent(/size must|active user of this store|Validation failed/);
    expect(sent(requests, 'POST')).toHaveLength(1);
  });

  it('checks the name before sending it', SLOW, async () => {
    const { requests } = poolsApi([mainPool]);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    const form = screen.getByRole('region', { name: 'Add a pool' });

    await user.type(within(form).getByLabelText('Pool name'), '   ');
    await user.click(within(form).getByRole('button', { name: 'Add pool' }));
    expect(within(form).getByLabelText('Pool name')).toHaveAccessibleDescription('Required.');
    expect(sent(requests, 'POST')).toEqual([]);
  });

  it('edits a pool’s members with If-Match', SLOW, async () => {
    const { requests } = poolsApi([mainPool, middleEast]);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);

    await user.click(await screen.findByRole('button', { name: 'Edit the pool Middle East' }));
    const form = screen.getByRole('form', { name: 'Edit the pool Middle East' });
    expect(within(form).getByLabelText('Pool name')).toHaveValue('Middle East');
    expect(within(form).getByRole('checkbox', { name: 'Open to everyone in the store' })).not.toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Li Na (Sales rep)' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Omar Haddad (Sales rep)' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'Li Na (Sales rep)' }));
    await user.click(within(form).getByRole('checkbox', { name: 'Wang Wei (Sales rep)' }));
    await user.click(within(form).getByRole('button', { name: 'Save pool' }));

    expect(await findToast('Saved the pool “Middle East”.')).toHaveClass('toast-success');
    const put = sent(requests, 'PUT')[0];
    expect(put?.url).toMatch(/\/api\/v1\/pools\/4$/);
    expect(put?.headers.get('If-Match')).toBe('"2"');
    expect(await put?.json()).toEqual({ name: 'Middle East', everyone: false, memberIds: [7, 11], teams: [], managerIds: [] });
    expect(await screen.findByText('Omar Haddad, Wang Wei')).toBeInTheDocument();
  });

  it('says when someone else changed the pool first', SLOW, async () => {
    poolsApi([mainPool, middleEast], (request) =>
      request.method === 'PUT'
        ? problemResponse({ type: 'https://harbor-crm.dev/problems/precondition-failed', title: 'Someone else changed this first', status: 412 })
        : undefined,
    );
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);

    await user.click(await screen.findByRole('button', { name: 'Edit the pool Middle East' }));
    const form = screen.getByRole('form', { name: 'Edit the pool Middle East' });
    await user.clear(within(form).getByLabelText('Pool name'));
    await user.type(within(form).getByLabelText('Pool name'), 'Gulf');
    await user.click(within(form).getByRole('button', { name: 'Save pool' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this pool meanwhile. The list now shows the latest; try again.');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(document.body).not.toHaveTextContent('Someone else changed this first');
  });

  it('deletes a pool after confirmation; the default pool has no delete', SLOW, async () => {
    const { requests } = poolsApi([mainPool, middleEast]);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);

    expect(await screen.findByRole('button', { name: 'Edit the pool Main pool' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete the pool Main pool' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete the pool Middle East' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the pool “Middle East”?' });
    expect(dialog).toHaveAccessibleDescription('Its 3 customers move to the default pool.');
    expect(sent(requests, 'DELETE')).toEqual([]);
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveClass('button-danger');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await findToast('Deleted the pool “Middle East”. Its customers are in the default pool now.')).toHaveClass('toast-success');
    expect(sent(requests, 'DELETE')[0]?.url).toMatch(/\/api\/v1\/pools\/4$/);
    await waitFor(() => expect(screen.queryByText('Middle East')).not.toBeInTheDocument());
    expect(await screen.findByText('1,203 customers')).toBeInTheDocument();
  });

  it('shows a manager the pools without changing them', SLOW, async () => {
    const { requests } = poolsApi([mainPool, middleEast]);
    renderWithProviders(<MemoryRouter><PoolsScreen user={MANAGER} /></MemoryRouter>);

    const list = await screen.findByRole('list', { name: 'All pools' });
    expect(await within(list).findByText('Li Na, Omar Haddad')).toBeInTheDocument();
    expect(within(list).getByText('1,200 customers')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Add a pool' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    // The only buttons open each pool's distribution, which a manager reads.
    expect(within(list).getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual([
      'Distribution of Main pool',
      'Distribution of Middle East',
    ]);
    // Each pool's rules are one link away; the default pool's need no pool in the address.
    expect(within(list).getByRole('link', { name: 'Rules of Main pool' })).toHaveAttribute('href', '/settings/pool-rules');
    expect(within(list).getByRole('link', { name: 'Rules of Middle East' })).toHaveAttribute('href', '/settings/pool-rules?pool=4');
    expect(requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('speaks Chinese when chosen', SLOW, async () => {
    poolsApi([mainPool, fairLeads]);
    act(() => setLocale('zh-CN'));
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);

    expect(screen.getByRole('heading', { name: '公海池', level: 1 })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: '全部公海池' });
    const [main, fair] = within(list).getAllByRole('listitem');
    expect(main).toHaveTextContent('默认');
    expect(main).toHaveTextContent('所有人');
    expect(main).toHaveTextContent('1,200 个客户');
    expect(await within(fair!).findByText('5 名成员：Ann Lee、Li Na、Omar Haddad 及另外 2 人')).toBeInTheDocument();

    await user.click(within(fair!).getByRole('button', { name: '删除公海池 Trade fair leads' }));
    expect(screen.getByRole('alertdialog', { name: '删除公海池“Trade fair leads”？' })).toHaveAccessibleDescription(
      '其中的 1 个客户将移至默认公海池。',
    );
    const form = screen.getByRole('region', { name: '添加公海池' });
    expect(await within(form).findByRole('checkbox', { name: 'Li Na（业务员）' })).toBeInTheDocument();
  });
});
