import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { StoreLimitsCard } from './store-limits-card';

const SLOW = { timeout: 20_000 };

type Limits = { maxPrivateCustomersPerRep: number; maxClaimsPerRepPerDay: number };

/** The store's limits at a version; `beforeSave` may refuse a PUT (or change the stored limits first). */
function limitsApi(initial: Limits, beforeSave?: (state: { limits: Limits; version: number }) => Response | undefined) {
  const state = { limits: { ...initial }, version: 0 };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== '/api/v1/pool/limits') return jsonResponse({});
    if (request.method === 'PUT') {
      const refusal = beforeSave?.(state);
      if (refusal) return refusal;
      if (request.headers.get('If-Match') !== `"${state.version}"`) {
        return problemResponse({ type: 'https://harbor-crm.dev/problems/precondition-failed', title: 'Changed meanwhile', status: 412 });
      }
      state.limits = (await request.json()) as Limits;
      state.version += 1;
    }
    return jsonResponse(state.limits, { headers: { ETag: `"${state.version}"` } });
  });
  return { ...mock, state };
}

const puts = (requests: Request[]) => requests.filter((request) => request.method === 'PUT');

describe('Settings → Pools: limits across all pools', () => {
  it('saves both limits with the version edited, after checking them as the server does', SLOW, async () => {
    const user = userEvent.setup();
    const { requests, state } = limitsApi({ maxPrivateCustomersPerRep: 0, maxClaimsPerRepPerDay: 0 });
    renderWithProviders(<StoreLimitsCard canEdit />);

    expect(screen.getByRole('heading', { name: 'Limits across all pools' })).toBeInTheDocument();
    const held = await screen.findByRole('spinbutton', { name: 'Private customers per rep, all pools' });
    const daily = screen.getByRole('spinbutton', { name: 'Claims per rep per day, all pools' });
    expect(held).toHaveValue(0);

    // Emptied and too large: both said at once, nothing sent.
    await user.clear(held);
    await user.clear(daily);
    await user.type(daily, '10001');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(await screen.findByText('Enter a whole number, 0 for no limit.')).toBeInTheDocument();
    expect(screen.getByText('Enter a number from 0 to 10000.')).toBeInTheDocument();
    expect(puts(requests)).toHaveLength(0);

    await user.type(held, '300');
    await user.clear(daily);
    await user.type(daily, '25');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(await findToast('The limits across all pools are saved.')).toBeInTheDocument();
    const [sent] = puts(requests);
    expect(sent?.headers.get('If-Match')).toBe('"0"');
    expect(await sent?.json()).toEqual({ maxPrivateCustomersPerRep: 300, maxClaimsPerRepPerDay: 25 });
    expect(state.version).toBe(1);
    // The next save names the new version.
    await user.clear(daily);
    await user.type(daily, '30');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(puts(requests)).toHaveLength(2));
    expect(puts(requests)[1]?.headers.get('If-Match')).toBe('"1"');
  });

  it('shows what someone else saved meanwhile instead of overwriting it', SLOW, async () => {
    const user = userEvent.setup();
    let changedMeanwhile = false;
    limitsApi({ maxPrivateCustomersPerRep: 200, maxClaimsPerRepPerDay: 20 }, (state) => {
      if (!changedMeanwhile) {
        changedMeanwhile = true;
        state.limits = { maxPrivateCustomersPerRep: 150, maxClaimsPerRepPerDay: 10 };
        state.version += 1;
      }
      return undefined;
    });
    renderWithProviders(<StoreLimitsCard canEdit />);

    const held = await screen.findByRole('spinbutton', { name: 'Private customers per rep, all pools' });
    await user.clear(held);
    await user.type(held, '500');
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed these limits meanwhile.');
    await waitFor(() => expect(held).toHaveValue(150));
    expect(screen.getByRole('spinbutton', { name: 'Claims per rep per day, all pools' })).toHaveValue(10);
  });

  it('tells a manager the limits in a sentence, in English and Chinese', SLOW, async () => {
    limitsApi({ maxPrivateCustomersPerRep: 300, maxClaimsPerRepPerDay: 0 });
    renderWithProviders(<StoreLimitsCard canEdit={false} />);

    expect(
      await screen.findByText('At most 300 private customers per rep; no limit on claims per day, across all pools.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save limits' })).not.toBeInTheDocument();

    act(() => setLocale('zh-CN'));
    try {
      expect(await screen.findByText('每位销售最多 300 个私海客户；每天领取数不限（所有公海池合计）。')).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: '所有公海池合计上限' })).toBeInTheDocument();
    } finally {
      act(() => setLocale('en'));
    }
  });
});
