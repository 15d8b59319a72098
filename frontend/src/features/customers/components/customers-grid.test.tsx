import { act, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { deferred } from '@/testing/deferred';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { setLocale } from '@/lib/i18n';
import type { Customer } from '../api/list-customers';
import { columnSettingsKey } from '../lib/column-settings';
import { CustomersScreen, type Role } from './customers-screen';
import { customer, fakeApi, PROBLEMS } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

function renderScreen({ role = 'MANAGER', userId = 5 }: { role?: Role; userId?: number } = {}) {
  const router = createMemoryRouter(
    [
      { path: '/customers', element: <CustomersScreen role={role} me={{ id: userId, name: `User ${userId}` }} /> },
      { path: '/customers/:id', element: <p>detail</p> },
    ],
    { initialEntries: ['/customers'] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

/**
 * The row's editor of a field, opened as a person opens it: the grid shows a button that reads like the value, and
 * the native field only once it is used.
 */
async function openEditor(user: { click: (element: Element) => Promise<void> }, button: RegExp, field: string) {
  await user.click(await screen.findByRole('button', { name: button }));
  const editor = screen.getByLabelText(field);
  expect(editor).toHaveFocus();
  return editor;
}

const listRequests = (requests: Request[]) =>
  requests.filter((request) => new URL(request.url).pathname === '/api/v1/customers' && request.method === 'GET');

/** The table's column headers, in order, by their words. */
function headers() {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent?.replace(/[↑↓]/g, '').trim());
}

const DEFAULT_HEADERS = [
  'Select all shown customers',
  'Name',
  'Owner',
  'Stage',
  'Intention',
  'Tags',
  'Back to the pool',
  'Score',
  'Last follow-up',
  'Next follow-up',
  'Created',
];

function listApi(customers: Customer[] = [customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' })]) {
  return fakeApi((_request, url) => {
    if (url.pathname === '/api/v1/team') return jsonResponse({ items: [{ id: 1, name: 'Rita Rep', role: 'REP' }] });
    if (url.pathname === '/api/v1/customers') return jsonResponse({ items: customers, nextCursor: null });
    return undefined;
  });
}

describe('Customer list columns', () => {
  it('hides, shows and reorders columns, each person’s own, kept across visits, and resets them', SLOW, async () => {
    listApi();
    const first = renderScreen({ userId: 5 });
    const { user } = first;
    await screen.findByRole('link', { name: 'Anna' });
    expect(headers()).toEqual(DEFAULT_HEADERS);

    const button = screen.getByRole('button', { name: 'Columns' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('group', { name: 'Columns shown' });
    // The tick box and the name are not offered: always shown, always first.
    expect(within(panel).queryByRole('checkbox', { name: 'Name' })).not.toBeInTheDocument();

    await user.click(within(panel).getByRole('checkbox', { name: 'Score' }));
    expect(within(panel).getByRole('checkbox', { name: 'Score' })).not.toBeChecked();
    expect(screen.queryByRole('columnheader', { name: /Score/ })).not.toBeInTheDocument();
    await user.click(within(panel).getByRole('checkbox', { name: 'Score' }));
    expect(screen.getByRole('columnheader', { name: /Score/ })).toBeInTheDocument();

    await user.click(within(panel).getByRole('checkbox', { name: 'Tags' }));
    await user.click(within(panel).getByRole('button', { name: 'Move Stage down' }));
    await user.click(within(panel).getByRole('button', { name: 'Move Created up' }));
    // The focus stays on the button pressed, and the move is said.
    expect(within(panel).getByRole('button', { name: 'Move Created up' })).toHaveFocus();
    expect(within(panel).getByText('Created is now at place 8 of 9.')).toBeInTheDocument();
    const changed = [
      'Select all shown customers',
      'Name',
      'Owner',
      'Intention',
      'Stage',
      'Back to the pool',
      'Score',
      'Last follow-up',
      'Created',
      'Next follow-up',
    ];
    expect(headers()).toEqual(changed);
    // The cells follow their headers.
    const anna = screen.getByRole('row', { name: /Anna/ });
    expect(within(anna).getAllByRole('cell')[3]).toHaveAccessibleName(/Inquiry/);

    // Escape closes the panel, the focus back on its button.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Columns shown' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(localStorage.getItem(columnSettingsKey(5))).toContain('"hidden":["tags"]');
    first.unmount();

    // Someone else on this browser: their own columns, the defaults.
    const second = renderScreen({ userId: 6 });
    await screen.findByRole('link', { name: 'Anna' });
    expect(headers()).toEqual(DEFAULT_HEADERS);
    second.unmount();

    // The first person again: as they left them.
    const again = renderScreen({ userId: 5 });
    await screen.findByRole('link', { name: 'Anna' });
    expect(headers()).toEqual(changed);

    await again.user.click(screen.getByRole('button', { name: 'Columns' }));
    await again.user.click(screen.getByRole('button', { name: 'Reset columns' }));
    expect(headers()).toEqual(DEFAULT_HEADERS);
    expect(screen.getByRole('checkbox', { name: 'Tags' })).toBeChecked();
    expect(localStorage.getItem(columnSettingsKey(5))).toBeNull();
  });

  it('offers a rep no owner column, and moves around it', SLOW, async () => {
    listApi([customer(1, { name: 'Anna' })]);
    const { user } = renderScreen({ role: 'REP', userId: 1 });
    await screen.findByRole('link', { name: 'Anna' });
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    const panel = screen.getByRole('group', { name: 'Columns shown' });
    expect(within(panel).queryByRole('checkbox', { name: 'Owner' })).not.toBeInTheDocument();
    // Stage is the first column offered: it cannot go up.
    expect(within(panel).getByRole('button', { name: 'Move Stage up' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Move Intention up' }));
    expect(headers().slice(2, 4)).toEqual(['Intention', 'Stage']);
    // At the top, the focus goes to the button that can still move it.
    expect(within(panel).getByRole('button', { name: 'Move Intention down' })).toHaveFocus();
  });
});

describe('Changing stage and intention in the list', () => {
  /** A server holding the customers: the list reads them, a PATCH answers from `answer`. */
  function serverApi(customers: Customer[], answer: (request: Request, id: number) => Promise<Response> | Response) {
    const server = { customers };
    const api = fakeApi(async (request, url) => {
      if (url.pathname === '/api/v1/customers' && request.method === 'GET') {
        return jsonResponse({ items: server.customers, nextCursor: null });
      }
      const match = url.pathname.match(/^\/api\/v1\/customers\/(\d+)$/);
      if (match && request.method === 'PATCH') return answer(request, Number(match[1]));
      return undefined;
    });
    return { ...api, server };
  }

  it('shows the new stage at once, sends it with the listed version, and keeps it', SLOW, async () => {
    const reply = deferred<Response>();
    const { requests, server } = serverApi(
      [customer(1, { name: 'Anna', ownerId: 1 }), customer(2, { name: 'Bob', ownerId: 2 })],
      () => reply.promise,
    );
    const { user } = renderScreen({ role: 'REP', userId: 1 });

    // No native field until one is used: a light button that says the value and what it does.
    await screen.findByRole('button', { name: 'Inquiry: change the stage of Anna' });
    expect(screen.getByRole('table').querySelectorAll('select, input[type="date"]')).toHaveLength(0);
    // A rep changes their own customers only.
    expect(screen.queryByRole('button', { name: /change the stage of Bob/ })).not.toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /Bob/ })).getByText('Inquiry')).toBeInTheDocument();

    const stage = await openEditor(user, /^Inquiry: change the stage of Anna$/, 'Stage of Anna');
    expect(screen.getByRole('table').querySelectorAll('select, input[type="date"]')).toHaveLength(1);
    await user.selectOptions(stage, 'Sample order');
    // Shown before the server answers.
    expect(stage).toHaveValue('SAMPLE_ORDER');
    const patch = await waitFor(() => {
      const found = requests.find((request) => request.method === 'PATCH');
      expect(found).toBeDefined();
      return found as Request;
    });
    expect(new URL(patch.url).pathname).toBe('/api/v1/customers/1');
    expect(patch.headers.get('If-Match')).toBe('"1"');
    expect(await patch.json()).toEqual({ stage: 'SAMPLE_ORDER' });

    const saved = customer(1, { name: 'Anna', ownerId: 1, stage: 'SAMPLE_ORDER', version: 2 });
    server.customers = [saved, customer(2, { name: 'Bob', ownerId: 2 })];
    const listsBefore = listRequests(requests).length;
    reply.resolve(jsonResponse(saved, { headers: { ETag: '"2"' } }));
    // The list is read again, and still says so.
    await waitFor(() => expect(listRequests(requests).length).toBeGreaterThan(listsBefore));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Stage of Anna' })).toHaveValue('SAMPLE_ORDER'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Escape leaves the field, the button saying the new stage and keeping the focus.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox', { name: 'Stage of Anna' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sample order: change the stage of Anna' })).toHaveFocus();

    // The next change sends the new version.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /change the intention of Anna/ })).not.toHaveAttribute('aria-busy'),
    );
    const stars = await openEditor(user, /change the intention of Anna$/, 'Intention of Anna');
    await user.selectOptions(stars, 'High intention');
    await waitFor(() => expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(2));
    const second = requests.filter((request) => request.method === 'PATCH')[1] as Request;
    expect(second.headers.get('If-Match')).toBe('"2"');
    expect(await second.json()).toEqual({ stars: 3 });
  });

  it('puts the old stage back on a 412, says someone else changed the customer, and shows theirs', SLOW, async () => {
    const reply = deferred<Response>();
    const { requests, server } = serverApi([customer(1, { name: 'Anna', ownerId: 1 })], () => reply.promise);
    const { user } = renderScreen({ role: 'MANAGER' });

    const stage = await openEditor(user, /change the stage of Anna/, 'Stage of Anna');
    await user.selectOptions(stage, 'Transaction');
    expect(stage).toHaveValue('TRANSACTION');
    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));

    // Meanwhile someone else made Anna a high-intention customer.
    server.customers = [customer(1, { name: 'Anna', ownerId: 1, stars: 3, version: 2 })];
    const listsBefore = listRequests(requests).length;
    reply.resolve(problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 }));

    expect(
      await screen.findByText(
        'Someone else changed Anna meanwhile, so your change was not saved. The list now shows the latest; try again.',
      ),
    ).toHaveRole('alert');
    expect(stage).toHaveValue('INQUIRY');
    await waitFor(() => expect(listRequests(requests).length).toBeGreaterThan(listsBefore));
    // Leaving the field, the list shows theirs.
    await user.tab();
    await waitFor(() => expect(screen.getByRole('button', { name: /change the intention of Anna/ })).toHaveTextContent('★★★'));

    // In Chinese too.
    act(() => setLocale('zh-CN'));
    expect(screen.getByRole('alert')).toHaveTextContent('其他人刚刚修改了 Anna，您的更改未保存。列表已显示最新内容，请重试。');
  });

  it('says other failures in words, and puts the old value back', SLOW, async () => {
    serverApi([customer(1, { name: 'Anna', ownerId: null })], () =>
      problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 }),
    );
    const { user } = renderScreen({ role: 'ADMIN' });

    // A manager or admin changes any customer, one in the pool too.
    const stars = await openEditor(user, /change the intention of Anna/, 'Intention of Anna');
    await user.selectOptions(stars, 'Unrated');
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not change Anna: .+/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Forbidden');
    expect(stars).toHaveValue('1');
  });
});

describe('Moving a next follow-up in the list', () => {
  const TOMORROW = new Date(Date.now() + 86_400_000).toISOString();
  const day = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date(iso));

  function rescheduleApi(listed: Customer[], answer: (request: Request) => Response | Promise<Response>) {
    return fakeApi((request, url) => {
      if (url.pathname === '/api/v1/team') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/customers') return jsonResponse({ items: listed, nextCursor: null });
      if (url.pathname.startsWith('/api/v1/agenda/items/') && request.method === 'POST') return answer(request);
      return undefined;
    });
  }

  function renderInUtc(role: Role = 'MANAGER') {
    const router = createMemoryRouter([{ path: '/customers', element: <CustomersScreen role={role} timeZone="UTC" /> }], {
      initialEntries: ['/customers'],
    });
    return renderWithProviders(<RouterProvider router={router} />);
  }

  it('moves it to the day chosen, at once, through the agenda item of the customer, on Enter or on leaving the field', SLOW, async () => {
    const reply = deferred<Response>();
    const anna = customer(1, { name: 'Anna', lastFollowUpAt: '2026-01-02T08:00:00Z', nextFollowUpAt: TOMORROW });
    const { requests } = rescheduleApi([anna, customer(2, { name: 'Bob', lastFollowUpAt: null, nextFollowUpAt: null })], () => reply.promise);
    const { user } = renderInUtc();

    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(TOMORROW));
    // A button saying the day until it is used; then the day field, focused.
    const field = await openEditor(user, new RegExp(`^${shown}: move the next follow-up of Anna$`), 'Next follow-up of Anna');
    expect(field).toHaveValue(day(TOMORROW));
    // Nothing to plan from without a follow-up: Bob's is not a field.
    expect(screen.queryByRole('button', { name: /next follow-up of Bob/ })).not.toBeInTheDocument();

    await user.clear(field);
    await user.type(field, '2099-03-04');
    // Typing alone sends nothing: a half-typed year would be a day in the past.
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    await user.keyboard('{Enter}');
    const post = await waitFor(() => {
      const found = requests.find((request) => request.method === 'POST');
      expect(found).toBeDefined();
      return found as Request;
    });
    expect(new URL(post.url).pathname).toBe('/api/v1/agenda/items/next-1/reschedule');
    expect(await post.json()).toEqual({ on: '2099-03-04' });
    // The field gave way to the button, which keeps the focus; one move was sent, not a second on leaving.
    expect(screen.getByRole('button', { name: /move the next follow-up of Anna/ })).toHaveFocus();
    reply.resolve(new Response(null, { status: 204 }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /move the next follow-up of Anna/ })).toHaveTextContent('Mar 4, 2099'),
    );
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('puts the day back and says why in words when the server refuses, and Escape undoes what was typed', SLOW, async () => {
    const anna = customer(1, { name: 'Anna', lastFollowUpAt: '2026-01-02T08:00:00Z', nextFollowUpAt: TOMORROW });
    rescheduleApi([anna], () =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Invalid',
        status: 400,
        errors: [{ field: 'on', code: 'INVALID', message: 'must not be in the past' }],
      }),
    );
    const { user } = renderInUtc();

    let field = await openEditor(user, /move the next follow-up of Anna/, 'Next follow-up of Anna');
    await user.clear(field);
    await user.type(field, '2099-05-06');
    await user.keyboard('{Escape}');
    // Nothing sent; opened again, the field holds the planned day.
    field = await openEditor(user, /move the next follow-up of Anna/, 'Next follow-up of Anna');
    expect(field).toHaveValue(day(TOMORROW));

    await user.clear(field);
    await user.type(field, '2098-01-01');
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not change Anna: .+/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('must not be in the past');
    field = await openEditor(user, /move the next follow-up of Anna/, 'Next follow-up of Anna');
    expect(field).toHaveValue(day(TOMORROW));
  });
});

describe('Changing tags in the list', () => {
  function tagsApi(listed: Customer[], answer: (request: Request) => Response | Promise<Response>) {
    return fakeApi((request, url) => {
      if (url.pathname === '/api/v1/team') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/customers') return jsonResponse({ items: listed, nextCursor: null });
      if (/^\/api\/v1\/customers\/\d+\/tags$/.test(url.pathname) && request.method === 'PUT') return answer(request);
      return undefined;
    });
  }

  it('adds a tag from the store\'s tags, shown at once, sending the whole set', SLOW, async () => {
    const reply = deferred<Response>();
    const anna = customer(1, { name: 'Anna', ownerId: 1, tags: [{ id: 8, name: 'Hinges', color: '#1E88E5' }] });
    const { requests } = tagsApi([anna, customer(2, { name: 'Bob', ownerId: 2 })], () => reply.promise);
    const { user } = renderScreen({ role: 'REP', userId: 1 });

    const trigger = await screen.findByRole('combobox', { name: 'Tags of Anna' });
    // A rep changes their own customers only.
    expect(screen.queryByRole('combobox', { name: 'Tags of Bob' })).not.toBeInTheDocument();
    await user.click(trigger);
    await user.click(await screen.findByRole('option', { name: 'Key account' }));

    const row = screen.getByRole('row', { name: /Anna/ });
    // Shown before the server answers.
    expect(within(row).getByText('Key account')).toBeInTheDocument();
    const put = await waitFor(() => {
      const found = requests.find((request) => request.method === 'PUT');
      expect(found).toBeDefined();
      return found as Request;
    });
    expect(new URL(put.url).pathname).toBe('/api/v1/customers/1/tags');
    expect(await put.json()).toEqual({ tagIds: [7, 8] });
    reply.resolve(jsonResponse({ ...anna, tags: [{ id: 7, name: 'Key account', color: '#E53935' }, { id: 8, name: 'Hinges', color: '#1E88E5' }], version: 2 }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Tags of Anna' })).not.toBeDisabled());
  });

  it('takes the tag away again and says why in words when the server refuses', SLOW, async () => {
    const anna = customer(1, { name: 'Anna', ownerId: 1, tags: [] });
    tagsApi([anna], () => problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 }));
    const { user } = renderScreen({ role: 'MANAGER' });

    await user.click(await screen.findByRole('combobox', { name: 'Tags of Anna' }));
    await user.click(await screen.findByRole('option', { name: 'Key account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Could not change Anna: .+/);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Forbidden');
    await waitFor(() => expect(within(screen.getByRole('row', { name: /Anna/ })).queryByText('Key account')).not.toBeInTheDocument());
  });
});

describe('Keyboard in the customer list', () => {
  it('moves between rows with the arrows, Home and End, ticks with Space and opens with Enter', SLOW, async () => {
    listApi([customer(1, { name: 'Anna' }), customer(2, { name: 'Bob' }), customer(3, { name: 'Cid' })]);
    const { user, router } = renderScreen();

    const anna = await screen.findByRole('link', { name: 'Anna' });
    const bob = screen.getByRole('link', { name: 'Bob' });
    const cid = screen.getByRole('link', { name: 'Cid' });
    // One tab stop for the rows' names.
    expect(anna).toHaveAttribute('tabindex', '0');
    expect(bob).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('table')).toHaveAccessibleDescription(/↑ and ↓ move between customers/);

    act(() => anna.focus());
    await user.keyboard('{ArrowDown}');
    expect(bob).toHaveFocus();
    expect(bob).toHaveAttribute('tabindex', '0');
    expect(anna).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{End}');
    expect(cid).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(cid).toHaveFocus();
    await user.keyboard('{Home}');
    expect(anna).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(anna).toHaveFocus();

    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'Select Anna' })).toBeChecked();
    expect(screen.getByRole('form', { name: 'Change the selected customers' })).toHaveTextContent('1 selected');
    expect(anna).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: 'Select Anna' })).not.toBeChecked();

    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/2'));
  });
});
