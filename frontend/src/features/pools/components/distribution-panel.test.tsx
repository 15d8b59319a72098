import { act, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import type { Pool } from '@/lib/pools';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { DistributionPreview, PoolDistribution } from '../api/pool-distribution';
import { PoolsScreen } from './pools-screen';

/** Who is looking: an administrator, or a manager (Ann Lee, id 3) whom no pool names unless a test says so. */
const ADMIN = { id: 1, role: 'ADMIN' };
const MANAGER = { id: 3, role: 'MANAGER' };

const SLOW = { timeout: 20_000 };
const AT = '2026-03-01T08:00:00Z';

const middleEast: Pool = {
  id: 4,
  name: 'Middle East',
  everyone: false,
  isDefault: false,
  memberIds: [3, 5, 7, 9],
  teams: [],
  managerIds: [],
  customerCount: 12,
  createdAt: AT,
  updatedAt: AT,
  version: 2,
};

const preview: DistributionPreview = {
  eligible: 12,
  wouldAssign: 11,
  wouldStay: 1,
  recipients: [
    { userId: 5, name: 'Li Na', holds: 18, wouldGet: 6, returningBuyers: 1 },
    { userId: 7, name: 'Omar Haddad', holds: 20, wouldGet: 5, returningBuyers: 0 },
  ],
  skipped: [
    { userId: 3, name: 'Ann Lee', reason: 'NOT_A_REP' },
    { userId: 9, name: 'Sara Kim', reason: 'ON_LEAVE' },
    { userId: 11, name: 'Wei Zhang', reason: 'FULL_IN_STORE' },
  ],
};

/**
 * One pool whose distribution is `initial`, managed by `managerIds`; saves bump the version, a run hands out `ran`
 * customers.
 */
function distributionApi(
  initial: PoolDistribution,
  { ran = 11, refuseSave, managerIds = [] }: { ran?: number; refuseSave?: Response; managerIds?: number[] } = {},
) {
  let settings = { ...initial };
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/team') return jsonResponse({ items: [] });
    if (url.pathname === '/api/v1/pools') return jsonResponse({ items: [{ ...middleEast, managerIds }] });
    if (url.pathname === '/api/v1/pools/4/distribution' && request.method === 'GET') return jsonResponse(settings);
    if (url.pathname === '/api/v1/pools/4/distribution' && request.method === 'PUT') {
      if (refuseSave) return refuseSave;
      const body = (await request.json()) as Omit<PoolDistribution, 'poolId' | 'version'>;
      settings = { ...settings, ...body, version: settings.version + 1 };
      return jsonResponse(settings);
    }
    if (url.pathname === '/api/v1/pools/4/distribution/preview') return jsonResponse(preview);
    if (url.pathname === '/api/v1/pools/4/distribution/run') return jsonResponse({ assigned: ran });
    return problemResponse({ type: 'https://harbor-crm.dev/problems/not-found', title: 'Not found', status: 404 });
  });
}

const off: PoolDistribution = { poolId: 4, mode: 'OFF', afterDays: 0, returningBuyerDays: 0, version: 0 };

describe('a pool’s automatic distribution', () => {
  it('lets an admin switch it on, with the preview of who would get how many', SLOW, async () => {
    const { requests } = distributionApi(off);
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);

    const toggle = await screen.findByRole('button', { name: 'Distribution of Middle East' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = await screen.findByRole('region', { name: 'Automatic distribution: Middle East' });
    const form = await within(panel).findByRole('form', { name: 'Distribution settings of Middle East' });
    expect(within(form).getByRole('radio', { name: /^Off/ })).toBeChecked();
    // Off, nothing would run: no "Distribute now".
    expect(within(form).queryByRole('button', { name: 'Distribute now' })).not.toBeInTheDocument();

    const table = await within(panel).findByRole('table', { name: 'If the pool handed out now' });
    expect(within(panel).getByText('12 customers wait: 11 would go to reps, 1 would stay in the pool.')).toBeInTheDocument();
    expect(within(panel).getByText('Distribution is off: this is what round-robin would do.')).toBeInTheDocument();
    const [, liNa] = within(table).getAllByRole('row');
    expect(liNa).toHaveTextContent(/Li Na\s*18\s*6\s*1/);
    const skipped = within(panel).getByRole('list', { name: 'Members who would get none' });
    expect(skipped).toHaveTextContent('Ann Lee: managers and administrators are assigned by hand');
    expect(skipped).toHaveTextContent('Sara Kim: on leave');
    expect(skipped).toHaveTextContent('Wei Zhang: at the store’s limit of private customers across all pools');

    await user.click(within(form).getByRole('radio', { name: /^Capacity/ }));
    const wait = within(form).getByLabelText('Days a customer waits first');
    await user.clear(wait);
    await user.type(wait, '2');
    // The preview follows the form once it settles.
    await waitFor(() =>
      expect(
        requests.some((request) => request.url.endsWith('/distribution/preview') && request.method === 'POST'),
      ).toBe(true),
    );
    await user.click(within(form).getByRole('button', { name: 'Save distribution' }));

    expect(await findToast('Saved the distribution of “Middle East”.')).toBeInTheDocument();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"0"');
    expect(await put?.clone().json()).toEqual({ mode: 'CAPACITY', afterDays: 2, returningBuyerDays: 0 });
    // On: it can run now.
    expect(await within(panel).findByRole('button', { name: 'Distribute now' })).toBeInTheDocument();
  });

  it('refuses days out of range before asking the server, and says when someone else saved first', SLOW, async () => {
    const { requests } = distributionApi(off, {
      refuseSave: problemResponse({ type: 'https://harbor-crm.dev/problems/precondition-failed', title: 'Changed', status: 412 }),
    });
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    await user.click(await screen.findByRole('button', { name: 'Distribution of Middle East' }));
    const form = await screen.findByRole('form', { name: 'Distribution settings of Middle East' });

    const buyers = within(form).getByLabelText('Returning buyers (days)');
    await user.clear(buyers);
    await user.type(buyers, '4000');
    await user.click(within(form).getByRole('button', { name: 'Save distribution' }));
    await waitFor(() => expect(buyers).toHaveAccessibleDescription(/Enter a number from 0 to 3,?650\./));
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
    expect(await screen.findByText('Correct the marked fields to see what would happen.')).toBeInTheDocument();

    await user.clear(buyers);
    await user.type(buyers, '14');
    await user.click(within(form).getByRole('button', { name: 'Save distribution' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Someone else changed these settings meanwhile.');
  });

  it('shows a manager the settings without changing them, and lets them distribute now', SLOW, async () => {
    const { requests } = distributionApi({ ...off, mode: 'ROUND_ROBIN', returningBuyerDays: 14, version: 3 }, { ran: 3 });
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={MANAGER} /></MemoryRouter>);
    await user.click(await screen.findByRole('button', { name: 'Distribution of Middle East' }));
    const form = await screen.findByRole('form', { name: 'Distribution settings of Middle East' });

    expect(within(form).getByRole('radio', { name: /^Round-robin/ })).toBeChecked();
    expect(within(form).getByRole('radio', { name: /^Off/ })).toBeDisabled();
    expect(within(form).getByLabelText('Returning buyers (days)')).toHaveAttribute('readonly');
    expect(within(form).queryByRole('button', { name: 'Save distribution' })).not.toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Distribute now' }));
    expect(await findToast('Handed out 3 customers.')).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => new URL(request.url).pathname)).toContain(
      '/api/v1/pools/4/distribution/run',
    );
    expect(requests.some((request) => request.method === 'PUT')).toBe(false);
  });

  it('lets the pool’s own manager change it', SLOW, async () => {
    const { requests } = distributionApi(off, { managerIds: [MANAGER.id] });
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={MANAGER} /></MemoryRouter>);
    await user.click(await screen.findByRole('button', { name: 'Distribution of Middle East' }));
    const form = await screen.findByRole('form', { name: 'Distribution settings of Middle East' });

    await user.click(within(form).getByRole('radio', { name: /^Capacity/ }));
    await user.click(within(form).getByRole('button', { name: 'Save distribution' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = requests.find((request) => request.method === 'PUT');
    expect(new URL(put!.url).pathname).toBe('/api/v1/pools/4/distribution');
    expect(await put!.json()).toMatchObject({ mode: 'CAPACITY' });
    // Still not an administrator: no pool is added, changed or deleted from here.
    expect(screen.queryByRole('region', { name: 'Add a pool' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit the pool Middle East' })).not.toBeInTheDocument();
  });

  it('speaks Chinese when chosen', SLOW, async () => {
    distributionApi(off);
    act(() => setLocale('zh-CN'));
    const { user } = renderWithProviders(<MemoryRouter><PoolsScreen user={ADMIN} /></MemoryRouter>);
    await user.click(await screen.findByRole('button', { name: 'Middle East 的自动分配' }));
    const panel = await screen.findByRole('region', { name: '自动分配：Middle East' });
    expect(within(panel).getByRole('radio', { name: /^按容量分配/ })).toBeInTheDocument();
    expect(await within(panel).findByText('12 个客户等待中：11 个会分给业务员，1 个留在公海。')).toBeInTheDocument();
    expect(within(panel).getByText('Sara Kim：休假中')).toBeInTheDocument();
    expect(within(panel).getByText('Wei Zhang：已达所有公海池合计的私海客户上限')).toBeInTheDocument();
  });
});
