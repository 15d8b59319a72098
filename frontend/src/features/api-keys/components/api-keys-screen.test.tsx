import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { CreateApiKeyInput } from '../api/create-api-key';
import type { ApiKey } from '../api/list-api-keys';
import { ApiKeysScreen } from './api-keys-screen';

const PROBLEMS = 'https://harbor-crm.dev/problems';
const TOKEN = 'hc_live_3kTqZx8Lw2Vb9Nc4Rm7Pd1Sf6Gh0Jk5Yt';

const active: ApiKey = {
  id: 3,
  name: 'Website inquiry form',
  prefix: 'hc_live_Ab12',
  scopes: ['inquiries:write', 'customers:read'],
  rateLimitPerMinute: 600,
  expiresAt: null,
  status: 'ACTIVE',
  createdAt: '2025-03-05T08:00:00Z',
  createdById: 1,
  createdByName: 'Wang Wei',
  lastUsedAt: null,
  revokedAt: null,
  revokedByName: null,
};
const expired: ApiKey = {
  ...active,
  id: 2,
  name: 'Trade fair scanner',
  prefix: 'hc_live_Cd34',
  scopes: ['customers:write'],
  expiresAt: '2025-03-01T15:59:59Z',
  status: 'EXPIRED',
  createdAt: '2025-02-01T08:00:00Z',
  lastUsedAt: '2025-02-28T10:00:00Z',
};
const revoked: ApiKey = {
  ...active,
  id: 1,
  name: 'Old ERP sync',
  prefix: 'hc_live_Ef56',
  scopes: ['orders:read', 'products:read'],
  status: 'REVOKED',
  createdAt: '2025-01-10T08:00:00Z',
  revokedAt: '2025-01-20T08:00:00Z',
  revokedByName: 'Li Na',
};

/** A small in-memory /api-keys API, newest first; `override` answers a request first when it returns a response. */
function fakeApiKeysApi(
  initial: ApiKey[],
  { pageSize = 50, override }: { pageSize?: number; override?: (request: Request) => Response | undefined } = {},
) {
  const keys = initial.map((key) => ({ ...key }));
  const mock = mockFetch(async (request) => {
    const overridden = override?.(request);
    if (overridden) return overridden;
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/api-keys') {
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = start + pageSize;
      return jsonResponse({ items: keys.slice(start, end), nextCursor: end < keys.length ? String(end) : null });
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/api-keys') {
      const body = (await request.json()) as CreateApiKeyInput;
      const created: ApiKey = {
        ...active,
        id: Math.max(0, ...keys.map((key) => key.id)) + 1,
        name: body.name,
        prefix: TOKEN.slice(0, 12),
        scopes: body.scopes,
        rateLimitPerMinute: body.rateLimitPerMinute ?? 600,
        expiresAt: body.expiresAt ?? null,
        createdAt: '2025-04-01T08:00:00Z',
      };
      keys.unshift(created);
      return jsonResponse({ apiKey: created, token: TOKEN }, { status: 201 });
    }
    const match = /^\/api\/v1\/api-keys\/(\d+)$/.exec(url.pathname);
    const key = keys.find((candidate) => candidate.id === Number(match?.[1]));
    if (request.method === 'DELETE' && key) {
      Object.assign(key, { status: 'REVOKED', revokedAt: '2025-04-02T08:00:00Z', revokedByName: 'Wang Wei' });
      return new Response(null, { status: 204 });
    }
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  return { ...mock, keys };
}

function renderScreen() {
  return renderWithProviders(<ApiKeysScreen />);
}

async function findRow(name: string) {
  const table = await screen.findByRole('table', { name: 'All keys' });
  const header = await within(table).findByRole('rowheader', { name });
  return header.closest('tr') as HTMLElement;
}

describe('ApiKeysScreen', () => {
  it('lists the keys with their prefix, scopes, status, creator, last use and expiry', async () => {
    fakeApiKeysApi([active, expired, revoked]);
    renderScreen();

    expect(screen.getByRole('heading', { name: 'API keys', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'All keys' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Name',
      'Key',
      'Scopes',
      'Status',
      'Created',
      'Last used',
      'Expires',
      'Actions',
    ]);

    const website = await findRow('Website inquiry form');
    expect(website).toHaveTextContent('hc_live_Ab12…');
    expect(website).toHaveTextContent('600 requests a minute');
    expect(within(website).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual([
      'inquiries:write',
      'customers:read',
    ]);
    expect(within(website).getByText('Active')).toHaveClass('api-key-status-active');
    expect(within(website).getByText('Mar 5, 2025')).toHaveAttribute('datetime', '2025-03-05T08:00:00Z');
    expect(within(website).getByText('by Wang Wei')).toBeInTheDocument();
    // never used, never expires
    expect(within(website).getAllByText('Never')).toHaveLength(2);
    expect(within(website).getByRole('button', { name: 'Revoke Website inquiry form' })).toBeInTheDocument();

    const scanner = await findRow('Trade fair scanner');
    expect(within(scanner).getByText('Expired')).toHaveClass('api-key-status-expired');
    expect(within(scanner).getByText('Feb 28, 2025')).toHaveAttribute('datetime', '2025-02-28T10:00:00Z');
    expect(within(scanner).queryByRole('button')).not.toBeInTheDocument();

    const erp = await findRow('Old ERP sync');
    expect(within(erp).getByText('Revoked')).toHaveClass('api-key-status-revoked');
    expect(erp).toHaveTextContent('on Jan 20, 2025 by Li Na');
    expect(within(erp).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('loads the next page with the cursor the server gave, and says when there are none', async () => {
    const { requests } = fakeApiKeysApi([active, expired, revoked], { pageSize: 2 });
    const { user } = renderScreen();

    await findRow('Trade fair scanner');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await findRow('Old ERP sync')).toBeInTheDocument();
    expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('cursor')).toBe('2');
  });

  it('says when there are no keys yet', async () => {
    fakeApiKeysApi([]);
    renderScreen();
    expect(await screen.findByText('No API keys yet.')).toBeInTheDocument();
  });

  it('creates a key, shows its secret once with a warning, copies it, and forgets it when done', async () => {
    const { requests } = fakeApiKeysApi([active]);
    const { user } = renderScreen();
    await findRow('Website inquiry form');

    await user.type(screen.getByLabelText('Name'), 'ERP sync');
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    expect(within(scopes).getAllByRole('checkbox')).toHaveLength(11);
    await user.click(within(scopes).getByRole('checkbox', { name: 'customers:write — create and edit customers, follow-ups, tags' }));
    await user.click(within(scopes).getByRole('checkbox', { name: /^orders:read/ }));
    fireEvent.change(screen.getByLabelText('Expires on (optional)'), { target: { value: '2030-01-31' } });
    await user.type(screen.getByLabelText('Requests per minute (optional)'), '120');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const panel = await screen.findByRole('region', { name: 'Your new key “ERP sync”' });
    const secret = within(panel).getByRole('textbox', { name: 'Secret key' });
    expect(secret).toHaveValue(TOKEN);
    expect(secret).toHaveAttribute('readonly');
    expect(secret).toHaveFocus();
    expect(secret).toHaveAccessibleDescription(/it will not be shown again/);
    // no second key while this secret is on screen
    expect(screen.queryByRole('button', { name: 'Create key' })).not.toBeInTheDocument();

    expect(await requests.find((request) => request.method === 'POST')?.json()).toEqual({
      name: 'ERP sync',
      scopes: ['customers:write', 'orders:read'],
      expiresAt: new Date(2030, 0, 31, 23, 59, 59).toISOString(),
      rateLimitPerMinute: 120,
    });

    await user.click(within(panel).getByRole('button', { name: 'Copy' }));
    expect(within(panel).getByRole('status')).toHaveTextContent('Copied.');
    expect(await navigator.clipboard.readText()).toBe(TOKEN);

    // the list shows the new key by its prefix only
    const row = await findRow('ERP sync');
    expect(row).toHaveTextContent('hc_live_3kTq…');
    expect(row).not.toHaveTextContent(TOKEN);

    await user.click(within(panel).getByRole('button', { name: 'Done' }));
    expect(panel).not.toBeInTheDocument();
    expect(screen.queryByDisplayValue(TOKEN)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(TOKEN);
    // ready for the next key
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });

  it('says so when the clipboard cannot be used, with the secret selected for copying by hand', async () => {
    fakeApiKeysApi([]);
    const { user } = renderScreen();
    await screen.findByText('No API keys yet.');
    await user.type(screen.getByLabelText('Name'), 'ERP sync');
    await user.click(screen.getByRole('checkbox', { name: /^stats:read/ }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const panel = await screen.findByRole('region', { name: 'Your new key “ERP sync”' });

    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Not allowed', 'NotAllowedError')) },
    });
    try {
      await user.click(within(panel).getByRole('button', { name: 'Copy' }));
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    }

    expect(await within(panel).findByRole('status')).toHaveTextContent('Could not copy. The key is selected');
    expect(within(panel).getByRole('textbox', { name: 'Secret key' })).toHaveFocus();
  });

  it('checks every field before asking the server, in the words it would use, and focuses the first', async () => {
    const { requests } = fakeApiKeysApi([]);
    const { user } = renderScreen();
    await screen.findByText('No API keys yet.');

    fireEvent.change(screen.getByLabelText('Expires on (optional)'), { target: { value: '2020-01-01' } });
    await user.type(screen.getByLabelText('Requests per minute (optional)'), '500000');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const name = screen.getByLabelText('Name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Required\.$/);
    await waitFor(() => expect(name).toHaveFocus());
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    expect(scopes).toHaveAccessibleDescription('Give the key only what it needs. Choose at least one scope.');
    expect(screen.getByLabelText('Expires on (optional)')).toHaveAccessibleDescription(/Choose today or a later day\.$/);
    const rateLimit = screen.getByLabelText('Requests per minute (optional)');
    expect(rateLimit).toHaveAccessibleDescription(/Enter a whole number from 1 to 100,000\.$/);
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Checked again as it changes, once submitted.
    await user.click(within(scopes).getByRole('checkbox', { name: /^stats:read/ }));
    expect(scopes).toHaveAccessibleDescription('Give the key only what it needs.');
    await user.clear(rateLimit);
    await user.type(rateLimit, '500');
    expect(rateLimit).not.toHaveAttribute('aria-invalid');
  });

  it('shows the refused fields next to them, in words of its own rather than the server’s', async () => {
    const { requests } = fakeApiKeysApi([], {
      override: (request) =>
        request.method === 'POST'
          ? problemResponse({
              type: `${PROBLEMS}/validation`,
              title: 'Validation failed',
              status: 400,
              errors: [
                { field: 'name', message: 'must not be blank', code: 'REQUIRED' },
                { field: 'scopes[1]', message: 'must be one of the scopes', code: 'ONE_OF' },
                { field: 'expiresAt', message: 'must be a future date', code: 'INVALID' },
                { field: 'rateLimitPerMinute', message: 'must be less than or equal to 100000', code: 'RANGE', max: 100000 },
              ],
            })
          : undefined,
    });
    const { user } = renderScreen();
    await screen.findByText('No API keys yet.');

    // What the form itself takes: only the server can refuse it (its clock, its scopes).
    await user.type(screen.getByLabelText('Name'), 'ERP sync');
    await user.click(screen.getByRole('checkbox', { name: /^customers:read/ }));
    await user.click(screen.getByRole('checkbox', { name: /^orders:read/ }));
    fireEvent.change(screen.getByLabelText('Expires on (optional)'), { target: { value: '2030-01-31' } });
    await user.type(screen.getByLabelText('Requests per minute (optional)'), '500');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/Required\.$/);
    await waitFor(() => expect(name).toHaveFocus());
    // `scopes[1]` is about the one group of boxes.
    expect(screen.getByRole('group', { name: 'Scopes' })).toHaveAccessibleDescription(
      'Give the key only what it needs. Choose only scopes from this list.',
    );
    expect(screen.getByLabelText('Expires on (optional)')).toHaveAccessibleDescription(/Choose today or a later day\.$/);
    expect(screen.getByLabelText('Requests per minute (optional)')).toHaveAccessibleDescription(
      /Enter a whole number from 1 to 100,000\.$/,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    // the server's own words are never shown
    expect(document.body).not.toHaveTextContent(/must be|must not|less than or equal/);
    expect(await requests.find((request) => request.method === 'POST')?.json()).toEqual({
      name: 'ERP sync',
      scopes: ['customers:read', 'orders:read'],
      expiresAt: new Date(2030, 0, 31, 23, 59, 59).toISOString(),
      rateLimitPerMinute: 500,
    });
  });

  it('keeps a rate limit that is not a whole number from the server', async () => {
    const { requests } = fakeApiKeysApi([]);
    const { user } = renderScreen();
    await screen.findByText('No API keys yet.');
    await user.type(screen.getByLabelText('Name'), 'ERP sync');
    await user.click(screen.getByRole('checkbox', { name: /^stats:read/ }));
    const rateLimit = screen.getByLabelText('Requests per minute (optional)');
    await user.type(rateLimit, '2.5');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    expect(rateLimit).toHaveAccessibleDescription(/Enter a whole number from 1 to 100,000\.$/);
    await waitFor(() => expect(rateLimit).toHaveFocus());
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('explains that the store holds as many keys as it may', async () => {
    fakeApiKeysApi([active], {
      override: (request) =>
        request.method === 'POST' ? problemResponse({ type: `${PROBLEMS}/conflict`, title: 'Conflict', status: 409 }) : undefined,
    });
    const { user } = renderScreen();
    await findRow('Website inquiry form');
    await user.type(screen.getByLabelText('Name'), 'One too many');
    await user.click(screen.getByRole('checkbox', { name: /^customers:read/ }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The store already has as many active keys as it may hold. Revoke one it no longer needs first.',
    );
    expect(screen.queryByRole('region', { name: /Your new key/ })).not.toBeInTheDocument();
  });

  it('revokes a key only after a danger confirmation, then shows it revoked', async () => {
    const { requests } = fakeApiKeysApi([active, revoked]);
    const { user } = renderScreen();
    const row = await findRow('Website inquiry form');

    await user.click(within(row).getByRole('button', { name: 'Revoke Website inquiry form' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Revoke “Website inquiry form”?' });
    expect(dialog).toHaveAccessibleDescription(/stops working at once.*cannot be undone/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(within(dialog).getByRole('button', { name: 'Revoke' })).toHaveClass('button-danger');

    // Escape changes nothing
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Revoke Website inquiry form' })).toHaveFocus();
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);

    await user.click(within(row).getByRole('button', { name: 'Revoke Website inquiry form' }));
    const gets = requests.filter((request) => request.method === 'GET').length;
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke' }));

    expect(await findToast('“Website inquiry form” is revoked and no longer works.')).toHaveClass('toast-success');
    const deletion = requests.find((request) => request.method === 'DELETE');
    expect(new URL(deletion?.url ?? '').pathname).toBe('/api/v1/api-keys/3');
    expect(within(row).getByText('Revoked')).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    // the list is read again: who revoked it
    await waitFor(() => expect(row).toHaveTextContent('on Apr 2, 2025 by Wang Wei'));
    expect(requests.filter((request) => request.method === 'GET').length).toBeGreaterThan(gets);
    expect(within(row).getByRole('rowheader')).toHaveFocus();
  });

  it('says why a revocation failed', async () => {
    fakeApiKeysApi([active], {
      override: (request) =>
        request.method === 'DELETE'
          ? problemResponse({ type: `${PROBLEMS}/internal`, title: 'Internal', status: 500, errorId: 'err-42' })
          : undefined,
    });
    const { user } = renderScreen();
    const row = await findRow('Website inquiry form');
    await user.click(within(row).getByRole('button', { name: 'Revoke Website inquiry form' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke' }));

    const failed = await findToast(/^Could not revoke “Website inquiry form”\. Something went wrong on our side\./);
    expect(failed).toHaveClass('toast-error');
    expect(failed).toHaveTextContent('err-42');
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Revoke Website inquiry form' })).toHaveFocus();
  });

  it('speaks Chinese', async () => {
    setLocale('zh-CN');
    fakeApiKeysApi([active, revoked]);
    renderScreen();

    expect(screen.getByRole('heading', { name: 'API 密钥', level: 1 })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '全部密钥' });
    expect(within(table).getByRole('button', { name: '撤销 Website inquiry form' })).toBeInTheDocument();
    expect(within(table).getByText('有效')).toBeInTheDocument();
    expect(within(table).getByText('已撤销')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '权限范围' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'customers:write — 创建和编辑客户、跟进记录、标签' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '创建密钥' })).toBeInTheDocument();
  });
});
