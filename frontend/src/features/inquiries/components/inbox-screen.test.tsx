import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/domain';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { InboxInquiry } from '../api/list-inbox';
import type { InquiryResult } from '../api/receive-inquiry';
import { InboxScreen } from './inbox-screen';

const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function inboxItem(id: number, overrides: Partial<InboxInquiry> = {}, inquiry: Partial<InboxInquiry['inquiry']> = {}): InboxInquiry {
  return {
    inquiry: {
      id,
      customerId: 5,
      channel: 'ALIBABA',
      product: 'LED panel 40w 600*600',
      message: 'Please quote 5,000 pcs FOB Ningbo',
      receivedAt: '2026-03-05T08:00:00Z',
      contact: { name: 'Ana Souza', companyName: 'Souza Importadora', email: 'ana@souza.com.br', phone: '+55 11 3456 7890' },
      repeat: true,
      ownerId: 2,
      ownerName: 'Li Na',
      createdBy: null,
      createdAt: '2026-03-05T08:00:00Z',
      matchedProduct: { id: 42, sku: 'LP-6060-40', name: 'LED panel light', active: true, stock: { onHand: 10, reserved: 0, available: 10 } },
      ...inquiry,
    },
    customer: { id: 5, name: 'Ana Souza', companyName: 'Souza Importadora', ownerId: 3, ownerName: 'Zhang Wei', inPool: false },
    ownerChanged: true,
    previousOwnerId: 2,
    previousOwnerName: 'Li Na',
    ...overrides,
  };
}

const poolItem = inboxItem(
  7,
  {
    customer: { id: 8, name: 'Bruno Costa', companyName: null, ownerId: null, ownerName: null, inPool: true },
    ownerChanged: true,
    previousOwnerId: null,
    previousOwnerName: null,
  },
  {
    customerId: 8,
    channel: 'IM',
    product: null,
    message: null,
    matchedProduct: null,
    contact: { name: 'Bruno Costa', email: 'b***@costa.com', mobile: '+55 ******** 90' },
  },
);

const newBuyer = inboxItem(
  9,
  {
    customer: { id: 12, name: 'Chen Jie', companyName: null, ownerId: null, ownerName: null, inPool: true },
    ownerChanged: false,
    previousOwnerId: null,
    previousOwnerName: null,
  },
  { customerId: 12, repeat: false, contact: { name: 'Chen Jie' }, product: 'Hinges', matchedProduct: null },
);

interface InboxApi {
  pages?: InboxInquiry[][];
  receive?: (request: Request) => Response | Promise<Response>;
}

/** GET /inquiries answers the pages (cursor = page index); POST /inquiries answers through `receive`. */
function inboxApi({ pages = [[inboxItem(1), poolItem]], receive }: InboxApi = {}) {
  const state = { pages };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/inquiries' && request.method === 'GET') {
      const index = Number(url.searchParams.get('cursor') ?? 0);
      return jsonResponse({ items: state.pages[index] ?? [], nextCursor: index + 1 < state.pages.length ? String(index + 1) : null });
    }
    if (url.pathname === '/api/v1/inquiries' && request.method === 'POST' && receive) return receive(request);
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  const gets = () => mock.requests.filter((request) => request.method === 'GET').map((request) => new URL(request.url));
  const posts = () => mock.requests.filter((request) => request.method === 'POST');
  return { ...mock, state, gets, posts };
}

function renderInbox(role: Role = 'MANAGER', path = '/inquiries') {
  const router = createMemoryRouter(
    [
      { path: '/inquiries', element: <InboxScreen role={role} timeZone="Asia/Shanghai" /> },
      { path: '/customers/:id', element: <p>customer page</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

async function findRow(name: string, tableName = 'Inquiries') {
  const table = await screen.findByRole('table', { name: tableName });
  const header = await within(table).findByRole('rowheader', { name: new RegExp(`^${name}`) });
  return header.closest('tr') as HTMLElement;
}

const result = (overrides: Partial<InquiryResult> = {}): InquiryResult => ({
  inquiryId: 9,
  customerId: 12,
  repeat: false,
  inquiryCount: 1,
  previousInquiryAt: null,
  ownerId: null,
  ownerChanged: false,
  previousOwnerId: null,
  inPool: true,
  matchedOn: [],
  ...overrides,
});

async function openLogForm(user: ReturnType<typeof renderInbox>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Log an inquiry' }));
  return screen.getByRole('region', { name: 'Log an inquiry' });
}

describe('Inquiry inbox', () => {
  it('lists each inquiry with its customer, owner now, product, message, contact and the owner-changed insight', SLOW, async () => {
    const { gets } = inboxApi();
    renderInbox();

    const row = await findRow('Ana Souza');
    expect(within(row).getByRole('link', { name: 'Ana Souza' })).toHaveAttribute('href', '/customers/5');
    expect(row).toHaveTextContent('Returning buyer');
    expect(row).toHaveTextContent('Alibaba');
    // Received, in the store's time zone (08:00 UTC is 16:00 in Shanghai).
    expect(within(row).getByText(/4:00\s?PM/)).toHaveAttribute('datetime', '2026-03-05T08:00:00Z');
    expect(row).toHaveTextContent('LED panel 40w 600*600');
    expect(within(row).getByRole('link', { name: 'LP-6060-40' })).toHaveAttribute('href', '/products/42');
    expect(row).toHaveTextContent('Please quote 5,000 pcs FOB Ningbo');
    expect(row).toHaveTextContent('Zhang Wei');
    expect(row).toHaveTextContent('Owner changed since the last inquiry (was Li Na)');
    // A manager reads contacts in full: links to write and call.
    expect(within(row).getByRole('link', { name: 'ana@souza.com.br' })).toHaveAttribute('href', 'mailto:ana@souza.com.br');
    expect(within(row).getByRole('link', { name: '+55 11 3456 7890' })).toHaveAttribute('href', 'tel:+551134567890');

    const pool = await findRow('Bruno Costa');
    expect(pool).toHaveTextContent('In the pool');
    expect(pool).toHaveTextContent('Owner changed since the last inquiry (was in the pool)');
    expect(pool).toHaveTextContent('Instant messaging');
    // Masked contacts are text, never links.
    expect(within(pool).getByText('b***@costa.com', { exact: false })).not.toHaveAttribute('href');
    expect(within(pool).queryAllByRole('link').map((link) => link.textContent)).toEqual(['Bruno Costa']);

    expect(gets()[0]?.searchParams.get('limit')).toBe('50');
    expect(gets()[0]?.searchParams.has('channel')).toBe(false);
  });

  it('shows a rep the contacts of pool customers as plain text', SLOW, async () => {
    inboxApi({ pages: [[inboxItem(1, { customer: { id: 5, name: 'Ana Souza', companyName: null, ownerId: null, ownerName: null, inPool: true } })]] });
    renderInbox('REP');
    const row = await findRow('Ana Souza');
    expect(within(row).queryByRole('link', { name: 'ana@souza.com.br' })).not.toBeInTheDocument();
    expect(within(row).getByText('ana@souza.com.br', { exact: false })).toBeInTheDocument();
    expect(screen.getByText(/The inquiries of your customers and of the pool/)).toBeInTheDocument();
  });

  it('filters by channel, new or returning buyers, owner changed, and days received', SLOW, async () => {
    const { gets } = inboxApi();
    const { user, router } = renderInbox();
    await findRow('Ana Souza');

    await user.selectOptions(screen.getByLabelText('Channel'), 'Trade show');
    await user.selectOptions(screen.getByLabelText('Buyers'), 'Returning buyers');
    await user.click(screen.getByRole('checkbox', { name: 'Owner changed only' }));
    await user.type(screen.getByLabelText('Received from'), '2026-03-01');
    await user.type(screen.getByLabelText('Received until'), '2026-03-31');

    await waitFor(() => expect(gets().at(-1)?.searchParams.get('to')).toBe('2026-03-31'));
    const last = gets().at(-1);
    expect(last?.searchParams.get('channel')).toBe('EXHIBITION');
    expect(last?.searchParams.get('repeat')).toBe('true');
    expect(last?.searchParams.get('ownerChanged')).toBe('true');
    expect(last?.searchParams.get('from')).toBe('2026-03-01');
    expect(router.state.location.search).toContain('buyers=returning');

    await user.selectOptions(screen.getByLabelText('Buyers'), 'New buyers');
    await waitFor(() => expect(gets().at(-1)?.searchParams.get('repeat')).toBe('false'));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect([...(gets().at(-1)?.searchParams.keys() ?? [])]).toEqual(['limit']));
  });

  it('says next to the days when the server refuses them', SLOW, async () => {
    mockFetch((request) =>
      new URL(request.url).searchParams.has('from')
        ? problemResponse({
            type: `${PROBLEMS}/validation`,
            title: 'Validation failed',
            status: 400,
            errors: [{ field: 'to', message: 'must not be before from', code: 'NOT_BEFORE_FIELD', otherField: 'from' }],
          })
        : jsonResponse({ items: [], nextCursor: null }),
    );
    renderInbox('MANAGER', '/inquiries?from=2026-03-10&to=2026-03-01');
    const to = screen.getByLabelText('Received until');
    await waitFor(() => expect(to).toHaveAttribute('aria-invalid', 'true'));
    expect(to).toHaveAccessibleDescription('Must not be before “From”.');
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
  });

  it('loads the next page with the cursor', SLOW, async () => {
    const { gets } = inboxApi({ pages: [[inboxItem(1)], [poolItem]] });
    const { user } = renderInbox();
    await findRow('Ana Souza');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await findRow('Bruno Costa');
    expect(gets().at(-1)?.searchParams.get('cursor')).toBe('1');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('logs a new buyer’s inquiry with an Idempotency-Key, says the customer was made in the pool, and refreshes the list', SLOW, async () => {
    const api = inboxApi({
      receive: () => {
        api.state.pages = [[newBuyer, inboxItem(1)]];
        return jsonResponse(result(), { status: 201 });
      },
    });
    const { user } = renderInbox();
    const form = await openLogForm(user);

    await user.selectOptions(within(form).getByLabelText('Channel'), 'Trade show');
    await user.type(within(form).getByLabelText('Product asked about'), 'Hinges');
    await user.type(within(form).getByLabelText('Message'), 'Met at the Canton Fair');
    await user.type(within(form).getByLabelText('Name'), 'Chen Jie');
    await user.type(within(form).getByLabelText('Email'), 'chen@example.com');
    await user.click(within(form).getByRole('combobox', { name: 'Country' }));
    await user.type(screen.getByRole('combobox', { name: 'Search countries…' }), 'br');
    await user.keyboard('{Enter}');
    expect(within(form).getByRole('combobox', { name: 'Country' })).toHaveTextContent('Brazil');
    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));

    expect(await screen.findByText('New buyer: customer created (in the pool).')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Chen Jie' })).toHaveAttribute('href', '/customers/12');
    const post = api.posts()[0];
    expect(post?.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(await post?.json()).toEqual({
      channel: 'EXHIBITION',
      product: 'Hinges',
      message: 'Met at the Canton Fair',
      contact: { name: 'Chen Jie', email: 'chen@example.com', country: 'BR' },
    });
    // The list is read again, and the new inquiry is on it.
    expect(await findRow('Chen Jie')).toHaveTextContent('Hinges');
    expect(screen.queryByRole('region', { name: 'Log an inquiry' })).not.toBeInTheDocument();
  });

  it('says a returning buyer’s inquiry was counted on their customer, and that their owner changed', SLOW, async () => {
    const api = inboxApi({
      pages: [[poolItem]],
      receive: () => {
        api.state.pages = [[inboxItem(30), poolItem]];
        return jsonResponse(
          result({ inquiryId: 30, customerId: 5, repeat: true, inquiryCount: 3, ownerId: 3, ownerChanged: true, previousOwnerId: 2, inPool: false, matchedOn: ['email'] }),
        );
      },
    });
    const { user } = renderInbox();
    const form = await openLogForm(user);
    await user.type(within(form).getByLabelText('Name'), 'Ana');
    await user.type(within(form).getByLabelText('Email'), 'ana@souza.com.br');
    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));

    const outcome = await screen.findByText('Returning buyer: counted on Ana Souza (3 inquiries in all).');
    const feedback = outcome.closest('[role="status"]') as HTMLElement;
    expect(feedback).toHaveTextContent('Owner changed since the last inquiry (was Li Na)');
    expect(within(feedback).getByRole('link', { name: 'Open Ana Souza' })).toHaveAttribute('href', '/customers/5');
  });

  it('sends a retry of the same inquiry with the same key, and a changed inquiry with a new one', SLOW, async () => {
    let calls = 0;
    const api = inboxApi({
      receive: () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Failed to fetch');
        if (calls === 2) return problemResponse({ type: `${PROBLEMS}/internal`, title: 'Internal', status: 500, errorId: 'e-1' });
        return jsonResponse(result(), { status: 201 });
      },
    });
    const { user } = renderInbox();
    const form = await openLogForm(user);
    await user.type(within(form).getByLabelText('Name'), 'Chen Jie');
    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));
    expect(await within(form).findByText(/Cannot reach Harbor CRM/)).toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));
    expect(await within(form).findByText(/Something went wrong on our side/)).toBeInTheDocument();

    await user.type(within(form).getByLabelText('Company'), 'Chen Trading');
    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));
    await screen.findByText('New buyer: customer created (in the pool).');

    const keys = api.posts().map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('shows field errors next to their inputs', SLOW, async () => {
    inboxApi({
      receive: () =>
        problemResponse({
          type: `${PROBLEMS}/validation`,
          title: 'Validation failed',
          status: 400,
          errors: [
            { field: 'contact.email', message: 'must be a well-formed email address', code: 'EMAIL' },
            { field: 'receivedAt', message: 'must not be in the future', code: 'NOT_FUTURE' },
          ],
        }),
    });
    const { user } = renderInbox();
    const form = await openLogForm(user);
    await user.type(within(form).getByLabelText('Name'), 'Chen Jie');
    // Fine by this form's checks; the server has its reasons.
    await user.type(within(form).getByLabelText('Email'), 'chen@example.com');
    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));

    const email = within(form).getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    const receivedAt = within(form).getByLabelText('Received at');
    expect(receivedAt).toHaveAccessibleDescription('Leave empty for now. Cannot be in the future.');
    // The first field to fix has the focus.
    expect(receivedAt).toHaveFocus();
    expect(within(form).getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(within(form).getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('names every mistake by its field before sending, in the server’s words, and sends nothing', SLOW, async () => {
    const api = inboxApi({ receive: () => jsonResponse(result(), { status: 201 }) });
    const { user } = renderInbox();
    const form = await openLogForm(user);
    await user.type(within(form).getByLabelText('Received at'), '2099-01-01T10:00');
    await user.type(within(form).getByLabelText('Company'), 'x'.repeat(201));
    await user.type(within(form).getByLabelText('Email'), 'chen@example');
    await user.type(within(form).getByLabelText('Telephone'), 'call me');
    await user.click(within(form).getByRole('button', { name: 'Log inquiry' }));

    const receivedAt = within(form).getByLabelText('Received at');
    expect(receivedAt).toHaveAccessibleDescription('Leave empty for now. Cannot be in the future.');
    expect(within(form).getByLabelText('Name')).toHaveAccessibleDescription('Required.');
    expect(within(form).getByLabelText('Company')).toHaveAccessibleDescription('At most 200 characters.');
    expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(within(form).getByLabelText('Telephone')).toHaveAccessibleDescription('This is not in the expected form.');
    expect(within(form).getByLabelText('Mobile')).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(receivedAt).toHaveFocus());
    expect(api.posts()).toHaveLength(0);
    // Nothing from the server: no alert.
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();

    await user.clear(receivedAt);
    expect(receivedAt).not.toHaveAttribute('aria-invalid');
  });

  it('speaks Chinese', SLOW, async () => {
    setLocale('zh-CN');
    inboxApi();
    const { user } = renderInbox();
    expect(await screen.findByRole('heading', { name: '询盘', level: 1 })).toBeInTheDocument();
    const row = await findRow('Ana Souza', '询盘');
    expect(row).toHaveTextContent('老买家');
    expect(row).toHaveTextContent('阿里巴巴');
    expect(row).toHaveTextContent('自上次询盘以来负责人已变更（原为 Li Na）');
    expect(await findRow('Bruno Costa', '询盘')).toHaveTextContent('在公海中');
    const table = screen.getByRole('table', { name: '询盘' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['客户', '收到时间', '渠道', '询盘内容', '询盘人', '当前负责人']);
    expect(screen.getByLabelText('买家')).toBeInTheDocument();
    // No English words but the data's.
    const data = ['Ana Souza', 'Souza Importadora', 'ana@souza.com.br', 'LED panel 40w 600*600', 'LP-6060-40', 'Please quote 5,000 pcs FOB Ningbo', 'Zhang Wei', 'Li Na', 'Bruno Costa', 'b***@costa.com'];
    const text = data.reduce((rest, value) => rest.split(value).join(''), document.body.textContent ?? '');
    expect(text.match(/[A-Za-z]{2,}/g)).toBeNull();
    await user.click(screen.getByRole('button', { name: '登记询盘' }));
    expect(screen.getByRole('region', { name: '登记询盘' })).toHaveTextContent('询问的产品');
  });
});
