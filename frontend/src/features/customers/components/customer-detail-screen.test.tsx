import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { TimelineEntry } from '../api/get-timeline';
import type { Customer } from '../api/list-customers';
import { CustomerDetailScreen } from './customer-detail-screen';
import type { Role } from './customers-screen';
import { customer, fakeApi, PROBLEMS, tags } from './test-api';

/** A one-customer API with a timeline, merge-patch updates checked against If-Match, and follow-ups. */
function detailApi(initial: Customer, timeline: TimelineEntry[] = []) {
  const state = { customer: { ...initial }, timeline: [...timeline] };
  const mock = fakeApi(async (request, url) => {
    const base = `/api/v1/customers/${state.customer.id}`;
    if (url.pathname === base && request.method === 'GET') return jsonResponse(state.customer);
    if (url.pathname === base && request.method === 'PATCH') {
      if (request.headers.get('If-Match') !== `"${state.customer.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      const patch = (await request.json()) as Partial<Customer>;
      state.customer = { ...state.customer, ...patch, version: state.customer.version + 1 };
      return jsonResponse(state.customer);
    }
    if (url.pathname === `${base}/tags` && request.method === 'PUT') {
      const { tagIds } = (await request.json()) as { tagIds: number[] };
      const chosen = tags.filter((tag) => tagIds.includes(tag.id)).map(({ id, name, color }) => ({ id, name, color }));
      state.customer = { ...state.customer, tags: chosen, version: state.customer.version + 1 };
      return jsonResponse(state.customer);
    }
    if (url.pathname === `${base}/timeline`) {
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = state.timeline.slice(start, start + 20);
      return jsonResponse({ items, nextCursor: start + 20 < state.timeline.length ? String(start + 20) : null });
    }
    if (url.pathname === `${base}/follow-ups` && request.method === 'POST') {
      const body = (await request.json()) as { type: string; content: string; nextFollowUpAt?: string };
      const at = '2026-03-05T10:00:00Z';
      state.timeline.unshift({ kind: 'FOLLOW_UP', id: 99, at, type: body.type, actorName: 'Li Na', content: body.content });
      state.customer = { ...state.customer, lastFollowUpAt: at, version: state.customer.version + 1 };
      return jsonResponse({ id: 99, customerId: state.customer.id, ...body, occurredAt: at, authorId: 1, authorName: 'Li Na', createdAt: at, updatedAt: at, version: 0 }, { status: 201 });
    }
    return undefined;
  });
  return { ...mock, state };
}

function renderScreen(id: number, role: Role = 'MANAGER') {
  const router = createMemoryRouter(
    [
      { path: '/customers/:id', element: <CustomerDetailScreen customerId={id} role={role} /> },
      { path: '/customers', element: <p>List</p> },
    ],
    { initialEntries: [`/customers/${id}`] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

describe('Customer detail', () => {
  it.each([
    ['a manager, the owner by name', 'MANAGER' as Role, 4, 'Owner: Rita Rep'],
    ['a rep, their own', 'REP' as Role, 9, 'Your customer'],
    ['anyone, a pool customer', 'MANAGER' as Role, null, 'In the pool — nobody owns it yet'],
  ])('says under the name whose customer it is: %s', SLOW, async (_, role, ownerId, sentence) => {
    const { requests } = fakeApi((_request, url) =>
      url.pathname === '/api/v1/customers/5'
        ? jsonResponse(customer(5, { name: 'John Miller', ownerId }))
        : url.pathname === '/api/v1/team'
          ? jsonResponse({ items: [{ id: 4, name: 'Rita Rep', role: 'REP' }] })
          : undefined,
    );
    const router = createMemoryRouter(
      [{ path: '/customers/:id', element: <CustomerDetailScreen customerId={5} role={role} meId={9} /> }],
      { initialEntries: ['/customers/5'] },
    );
    renderWithProviders(<RouterProvider router={router} />);
    expect(await screen.findByText(sentence)).toBeInTheDocument();
    // A rep may not read the team list (403): the page does not ask.
    const askedTeam = requests.some((request) => new URL(request.url).pathname === '/api/v1/team');
    expect(askedTeam).toBe(role !== 'REP');
  });

  it('shows the profile, the score with its meaning, and readable timeline sentences', SLOW, async () => {
    detailApi(customer(5, { name: 'John Miller', companyName: 'Miller Hardware', potentialScore: 72, tags: [{ id: 7, name: 'Key account', color: '#E53935' }] }), [
      { kind: 'EVENT', id: 3, at: '2026-03-03T08:00:00Z', type: 'TAGS_CHANGED', actorName: 'Li Na', data: { added: [8], removed: [7] } },
      { kind: 'EVENT', id: 2, at: '2026-03-02T08:00:00Z', type: 'STAGE_CHANGED', actorName: 'Li Na', data: { from: 'INQUIRY', to: 'SAMPLE_ORDER' } },
      { kind: 'EVENT', id: 1, at: '2026-03-01T08:00:00Z', type: 'CREATED', actorName: 'Li Na', data: {} },
    ]);
    renderScreen(5);

    expect(await screen.findByRole('heading', { name: 'John Miller', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('72 / 100')).toBeInTheDocument();
    expect(screen.getByText('High potential')).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const entries = within(timeline).getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Tags changed. Added: Hinges. Removed: Key account.');
    expect(entries[1]).toHaveTextContent('Stage changed from Inquiry to Sample order');
    expect(entries[2]).toHaveTextContent('Customer created');
  });

  it("shows the customer's own stage and purchase intention, then the ones just chosen", SLOW, async () => {
    detailApi(customer(5, { stage: 'SAMPLE_ORDER', stars: 3 }));
    const { user } = renderScreen(5);

    const stars = await screen.findByRole('combobox', { name: 'Purchase intention' });
    expect(stars).toHaveValue('3');
    expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveValue('SAMPLE_ORDER');
    await user.selectOptions(stars, '1');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Purchase intention' })).toHaveValue('1'));
    expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveValue('SAMPLE_ORDER');
  });

  it('records a follow-up with Ctrl+Enter and shows it at the top of the timeline', SLOW, async () => {
    const { requests } = detailApi(customer(5), [
      { kind: 'EVENT', id: 1, at: '2026-03-01T08:00:00Z', type: 'CREATED', actorName: 'Li Na', data: {} },
    ]);
    const { user } = renderScreen(5);

    await screen.findByRole('list', { name: 'Timeline' });
    await user.selectOptions(screen.getByLabelText('Type'), 'Quotation');
    await user.type(screen.getByLabelText('Next follow-up on'), '2026-03-10');
    await user.type(screen.getByLabelText('What happened'), 'Sent the quotation for 2,000 hinges');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await findToast('Follow-up recorded.')).toHaveClass('toast-success');
    const post = requests.find((request) => request.method === 'POST');
    const body = (await post?.json()) as Record<string, string>;
    expect(body.type).toBe('QUOTATION');
    expect(body.content).toBe('Sent the quotation for 2,000 hinges');
    expect(new Date(body.nextFollowUpAt ?? '').getDate()).toBe(10);
    await waitFor(() => {
      const first = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem')[0];
      expect(first).toHaveTextContent('Quotation');
      expect(first).toHaveTextContent('Sent the quotation for 2,000 hinges');
    });
    expect(screen.getByLabelText('What happened')).toHaveValue('');
  });

  it('moves between its sections with the arrow keys, the follow-ups first', SLOW, async () => {
    detailApi(customer(5, { name: 'John Miller' }));
    const { user } = renderScreen(5);

    const activity = await screen.findByRole('tab', { name: 'Follow-ups & timeline', selected: true });
    expect(screen.getByRole('tabpanel', { name: 'Follow-ups & timeline' })).toContainElement(
      screen.getByRole('heading', { name: 'Record a follow-up' }),
    );
    activity.focus();
    await user.keyboard('{ArrowRight}');
    // Selecting a tab writes it to the address (?tab=file): the router applies it a moment later.
    expect(await screen.findByRole('tab', { name: 'Customer file', selected: true })).toHaveFocus();
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Record a follow-up' })).not.toBeInTheDocument();
  });

  it('puts the contacts under the name, to write or call at once', SLOW, async () => {
    detailApi(customer(5, { name: 'John Miller', email: 'john@miller.example', mobile: '+1 (555) 010-2030', phone: null,
      imAccounts: [{ channel: 'WHATSAPP', handle: '+15550102030' }] }));
    renderScreen(5, 'REP');

    const contacts = await screen.findByRole('list', { name: 'Contacts' });
    expect(within(contacts).getByRole('link', { name: 'john@miller.example' })).toHaveAttribute('href', 'mailto:john@miller.example');
    expect(within(contacts).getByRole('link', { name: '+1 (555) 010-2030' })).toHaveAttribute('href', 'tel:+15550102030');
    expect(contacts).toHaveTextContent('WhatsApp +15550102030');
    expect(within(contacts).getAllByRole('listitem')).toHaveLength(3);
  });

  it('edits with If-Match, and on 412 re-applies my changes on top of their version', SLOW, async () => {
    const { requests, state } = detailApi(customer(5, { name: 'John Miller', position: 'Buyer', version: 3 }));
    const { user } = renderScreen(5);

    await user.click(await screen.findByRole('tab', { name: 'Customer file' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const position = screen.getByLabelText('Position');
    await user.clear(position);
    await user.type(position, 'Purchasing manager');
    // Meanwhile a colleague changes the company.
    state.customer = { ...state.customer, companyName: 'Miller Hardware', version: 4 };
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this customer while you were editing.');
    const patches = () => requests.filter((request) => request.method === 'PATCH');
    expect(patches()[0]?.headers.get('If-Match')).toBe('"3"');
    expect(await patches()[0]?.clone().json()).toEqual({ position: 'Purchasing manager' });

    await user.click(within(alert).getByRole('button', { name: 'Re-apply my changes on top of it' }));

    expect(await findToast('Changes saved.')).toHaveClass('toast-success');
    expect(patches()[1]?.headers.get('If-Match')).toBe('"4"');
    expect(await patches()[1]?.json()).toEqual({ position: 'Purchasing manager' });
    expect(state.customer).toMatchObject({ companyName: 'Miller Hardware', position: 'Purchasing manager', version: 5 });
    expect(screen.getByText('Miller Hardware', { selector: 'dd' })).toBeInTheDocument();
  });

  it('shows every customer field in the file, and edits the purchase categories', SLOW, async () => {
    const { requests } = detailApi(customer(5, {
      name: 'John Miller', region: 'Illinois', postcode: '60601', businessType: 'Wholesaler', companySize: '51-200 employees',
      annualPurchaseAmount: 'US$1M-2.5M', purchaseCategories: ['Hinges', 'Handles'], version: 2,
    }));
    const { user } = renderScreen(5);

    await user.click(await screen.findByRole('tab', { name: 'Customer file' }));
    const profile = await screen.findByRole('region', { name: 'Customer file' });
    const value = (label: string) => within(profile).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(value('Region / province')).toHaveTextContent('Illinois');
    expect(value('Postcode')).toHaveTextContent('60601');
    expect(value('Business type')).toHaveTextContent('Wholesaler');
    expect(value('Company size')).toHaveTextContent('51-200 employees');
    expect(value('Annual purchase amount')).toHaveTextContent('US$1M-2.5M');
    expect(value('Purchase categories')).toHaveTextContent('Hinges, Handles');

    await user.click(within(profile).getByRole('button', { name: 'Edit' }));
    expect(screen.getByLabelText('Region / province')).toHaveValue('Illinois');
    await user.click(screen.getByRole('button', { name: 'Remove purchase category Hinges' }));
    await user.type(screen.getByLabelText('New purchase category'), 'Locks{Enter}');
    await user.clear(screen.getByLabelText('Postcode'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await findToast('Changes saved.')).toHaveClass('toast-success');
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(await patch?.json()).toEqual({ postcode: null, purchaseCategories: ['Handles', 'Locks'] });
    expect(value('Purchase categories')).toHaveTextContent('Handles, Locks');
  });

  it('on 412 can reload their version instead, dropping my edit', SLOW, async () => {
    const { requests, state } = detailApi(customer(5, { name: 'John Miller', version: 3 }));
    const { user } = renderScreen(5);

    await user.click(await screen.findByRole('tab', { name: 'Customer file' }));
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    await user.type(screen.getByLabelText('City'), 'Chicago');
    state.customer = { ...state.customer, city: 'Boston', version: 4 };
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Reload their version' }));

    expect(await screen.findByText('Boston', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });

  it('changes the stage in one step, and offers delete to managers only', SLOW, async () => {
    const { requests } = detailApi(customer(5, { stage: 'INQUIRY', version: 2 }));
    const { user } = renderScreen(5);

    const stage = await screen.findByRole('combobox', { name: 'Stage' });
    await user.selectOptions(stage, 'Sample order');
    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"2"');
    expect(await patch?.json()).toEqual({ stage: 'SAMPLE_ORDER' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveDisplayValue('Sample order'));
    expect(screen.getByRole('button', { name: 'Delete customer' })).toBeInTheDocument();
  });

  it('adds a tag found by typing, at once, offering only the tags it has not', SLOW, async () => {
    const { requests } = detailApi(customer(5, { tags: [{ id: 7, name: 'Key account', color: '#E53935' }] }));
    const { user } = renderScreen(5);

    const add = await screen.findByRole('combobox', { name: 'Add a tag' });
    expect(add).toHaveTextContent('Choose a tag…');
    await user.click(add);
    await screen.findByRole('option', { name: 'Purchase category: Hinges' });
    expect(screen.queryByRole('option', { name: 'Key account' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('combobox', { name: 'Search tags…' }), 'hin');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = requests.find((request) => request.method === 'PUT');
    expect(new URL(put?.url ?? '').pathname).toBe('/api/v1/customers/5/tags');
    expect(await put?.json()).toEqual({ tagIds: [7, 8] });
    expect(await screen.findByRole('button', { name: 'Remove the tag Hinges' })).toBeInTheDocument();
    await waitFor(() => expect(add).toHaveFocus());
  });

  it('hides delete from reps', SLOW, async () => {
    detailApi(customer(5));
    renderScreen(5, 'REP');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('button', { name: 'Delete customer' })).not.toBeInTheDocument();
  });

  it('shows when and why the customer returns to the pool, highlighted when close', SLOW, async () => {
    detailApi(customer(5, { poolReturn: { at: '2026-03-08T08:00:00Z', rule: 'NO_FOLLOW_UP', daysLeft: 3 } }));
    renderScreen(5, 'REP');
    const timer = await screen.findByText('Returns to the pool in 3 days: no follow-up');
    expect(timer).toHaveClass('pool-timer-close');
    expect(timer).toHaveAttribute('title', expect.stringMatching(/^Returns on .*2026/));
  });

  it('releases to the pool only with a reason from the store’s list', SLOW, async () => {
    const reasons = [
      { id: 11, name: 'Price', archived: false, position: 1 },
      { id: 12, name: 'Old reason', archived: true, position: 2 },
      { id: 13, name: 'Went to a competitor', archived: false, position: 3 },
    ];
    const { requests, state } = detailApi(customer(5, { name: 'John Miller', poolReturn: { at: '2026-04-01T08:00:00Z', rule: 'NO_DEAL', daysLeft: 20 } }));
    mockReleaseRoutes(state, reasons);
    const { user } = renderScreen(5, 'REP');

    expect(await screen.findByText('Returns to the pool in 20 days: no deal yet')).not.toHaveClass('pool-timer-close');
    await user.click(screen.getByRole('button', { name: 'Give back to the pool…' }));
    const form = screen.getByRole('form', { name: 'Give back to the pool' });
    const reason = within(form).getByLabelText('Reason');
    await waitFor(() => expect(within(reason).getByRole('option', { name: 'Price' })).toBeInTheDocument());
    expect(within(reason).queryByRole('option', { name: 'Old reason' })).not.toBeInTheDocument();

    await user.click(within(form).getByRole('button', { name: 'Give back to the pool' }));
    expect(await within(form).findByText('Choose why you give this customer back.')).toBeInTheDocument();
    expect(requests.some((request) => request.url.endsWith('/release'))).toBe(false);

    await user.selectOptions(reason, 'Went to a competitor');
    await user.type(within(form).getByLabelText('Note (optional)'), 'Bought from Foshan');
    await user.click(within(form).getByRole('button', { name: 'Give back to the pool' }));
    expect(await screen.findByText('This customer is in the pool: nobody owns it yet.')).toBeInTheDocument();
    const release = requests.find((request) => request.url.endsWith('/api/v1/customers/5/release'));
    expect(await release?.json()).toEqual({ reasonId: 13, note: 'Bought from Foshan' });
  });

  it('releases into another of the user’s pools when they see more than one', SLOW, async () => {
    const reasons = [{ id: 11, name: 'Price', archived: false, position: 1 }];
    const { requests, state } = detailApi(customer(5, { name: 'John Miller', poolId: 0 }));
    mockReleaseRoutes(state, reasons);
    const previous = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname !== '/api/v1/pools') return previous(request);
      return jsonResponse({
        items: [
          { id: 0, name: 'Main pool', everyone: true, isDefault: true, memberIds: [], customerCount: 12, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
          { id: 7, name: 'Samples', everyone: false, isDefault: false, memberIds: [1], customerCount: 3, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
        ],
      });
    });
    const { user } = renderScreen(5, 'REP');

    await user.click(await screen.findByRole('button', { name: 'Give back to the pool…' }));
    const form = screen.getByRole('form', { name: 'Give back to the pool' });
    const into = await within(form).findByLabelText('Into the pool');
    expect(within(into).getAllByRole('option').map((option) => option.textContent)).toEqual(['Main pool (where it came from)', 'Samples']);
    await user.selectOptions(within(form).getByLabelText('Reason'), 'Price');
    await user.selectOptions(into, 'Samples');
    await user.click(within(form).getByRole('button', { name: 'Give back to the pool' }));
    await waitFor(() => expect(requests.some((request) => request.url.endsWith('/api/v1/customers/5/release'))).toBe(true));
    const release = requests.find((request) => request.url.endsWith('/api/v1/customers/5/release'));
    expect(await release?.json()).toEqual({ reasonId: 11, poolId: 7 });
  });

  it('shows a rep a pool customer to read, not to edit, until they claim it', SLOW, async () => {
    detailApi(customer(5, { name: 'John Miller', ownerId: null, email: 'j***@miller.example', stage: 'INQUIRY', stars: 2, tags: [{ id: 7, name: 'Key account', color: '#E53935' }] }));
    const { user } = renderScreen(5, 'REP');

    expect(await screen.findByText('This customer is in the pool: nobody owns it yet.')).toBeInTheDocument();
    expect(screen.getByText(/Claim it to work on it/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Claim' })).toBeInTheDocument();
    // Stage and intention are read, not chosen; the tags are there without their controls.
    expect(screen.queryByRole('combobox', { name: 'Stage' })).not.toBeInTheDocument();
    expect(screen.getByText('Inquiry')).toBeInTheDocument();
    expect(screen.getByText('Medium intention')).toBeInTheDocument();
    expect(screen.getByText('Key account')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Add a tag' })).not.toBeInTheDocument();
    // No follow-up form, no editing of the profile, and the masked email is no mailto: link.
    expect(screen.getByRole('tab', { name: 'Follow-ups & timeline', selected: true })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Record a follow-up' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Customer file' }));
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    for (const masked of screen.getAllByText('j***@miller.example')) expect(masked.closest('a')).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Contacts' })).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Status' })).toHaveTextContent('Waiting in the pool for someone to claim it.');
  });

  it('tells a rep which contacts the customer’s pool hides until claimed', SLOW, async () => {
    const pooled = customer(5, { name: 'Li Wei', ownerId: null, poolId: 3, email: 'li.wei@dragon-trade.example', mobile: '*** *** 5678' });
    const asked: string[] = [];
    fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers/5') return jsonResponse(pooled);
      if (url.pathname === '/api/v1/pool/rules') {
        asked.push(url.searchParams.get('poolId') ?? '');
        return jsonResponse({
          returnAfterDaysWithoutFollowUp: 30, returnAfterDaysWithoutDeal: 90, warnDaysBeforeReturn: 3,
          maxPrivateCustomersPerRep: 200, maxClaimsPerRepPerDay: 20, reclaimCooldownDays: 7, purgeUnclaimedAfterDays: 0,
          maskContacts: true,
          fieldVisibility: { email: 'VISIBLE', phone: 'HIDDEN', mobile: 'MASKED', fax: 'MASKED', imAccounts: 'HIDDEN', website: 'VISIBLE' },
        });
      }
      return undefined;
    });
    renderScreen(5, 'REP');
    const contacts = await screen.findByRole('list', { name: 'Contacts' });
    await waitFor(() =>
      expect(contacts).toHaveTextContent('Hidden until you claim this customer: Phone, Chat handles (WhatsApp, WeChat…)'),
    );
    expect(contacts).toHaveTextContent('li.wei@dragon-trade.example');
    expect(asked).toContain('3');
  });

  it('asks nothing of the pool’s rules for a customer the reader sees whole', SLOW, async () => {
    const asked: string[] = [];
    fakeApi((_request, url) => {
      if (url.pathname === '/api/v1/customers/5') return jsonResponse(customer(5, { name: 'Li Wei', ownerId: null, poolId: 3, email: 'li@x.example' }));
      if (url.pathname === '/api/v1/pool/rules') asked.push(url.pathname);
      return undefined;
    });
    renderScreen(5, 'MANAGER');
    const contacts = await screen.findByRole('list', { name: 'Contacts' });
    expect(contacts).not.toHaveTextContent('Hidden until you claim');
    expect(asked).toEqual([]);
  });

  it('lets a manager work on a pool customer directly', SLOW, async () => {
    detailApi(customer(5, { name: 'John Miller', ownerId: null, email: 'john@miller.example' }));
    const { user } = renderScreen(5, 'MANAGER');

    expect(await screen.findByRole('combobox', { name: 'Stage' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Record a follow-up' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Customer file' }));
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    const profile = screen.getByRole('region', { name: 'Customer file' });
    expect(within(profile).getByRole('link', { name: 'john@miller.example' })).toHaveAttribute('href', 'mailto:john@miller.example');
  });

  it('claims a pool customer from its page, saying why when the rules refuse', SLOW, async () => {
    const { state } = detailApi(customer(5, { name: 'John Miller', ownerId: null }));
    let attempts = 0;
    const previous = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname !== '/api/v1/pool/claim') return previous(request);
      attempts += 1;
      if (attempts === 1) return jsonResponse({ claimed: [], failed: [{ id: 5, reason: 'DAILY_LIMIT' }] });
      state.customer = { ...state.customer, ownerId: 1, poolReturn: { at: '2026-04-01T08:00:00Z', rule: 'NO_FOLLOW_UP', daysLeft: 30 }, version: 2 };
      return jsonResponse({ claimed: [5], failed: [] });
    });
    const { user } = renderScreen(5, 'REP');

    expect(await screen.findByText('This customer is in the pool: nobody owns it yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Claim' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not claimed: you have used all of today’s claims. Try again tomorrow.');
    await user.click(screen.getByRole('button', { name: 'Claim' }));
    expect(await screen.findByText('Returns to the pool in 30 days: no follow-up')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Give back to the pool…' })).toBeInTheDocument();
  });
});

/** Adds /lost-reasons and /release to a detailApi: releasing empties the owner. */
function mockReleaseRoutes(state: { customer: Customer }, reasons: unknown[]) {
  const previous = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/lost-reasons') return jsonResponse({ items: reasons, nextCursor: null });
    if (path === `/api/v1/customers/${state.customer.id}/release`) {
      await previous(request.clone());
      state.customer = { ...state.customer, ownerId: null, poolReturn: null, version: state.customer.version + 1 };
      return jsonResponse(state.customer);
    }
    return previous(request);
  });
}

describe('Customer detail: status and inquiries', () => {
  it('lets a rep mark their own customer lost, but not a pool customer before claiming it', SLOW, async () => {
    detailApi(customer(5, { name: 'Own one', ownerId: 3 }));
    const { unmount, user } = renderScreen(5, 'REP');
    const status = await screen.findByRole('region', { name: 'Status' });
    expect(within(status).getByRole('button', { name: 'Mark as lost…' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Inquiries' }));
    expect(await screen.findByText('No inquiries received for this customer.')).toBeInTheDocument();
    unmount();

    detailApi(customer(6, { name: 'Pool one', ownerId: null }));
    renderScreen(6, 'REP');
    const poolStatus = await screen.findByRole('region', { name: 'Status' });
    expect(poolStatus).toHaveTextContent('Active');
    expect(within(poolStatus).queryByRole('button')).not.toBeInTheDocument();
  });

  it('lets a manager mark a pool customer lost', SLOW, async () => {
    detailApi(customer(6, { name: 'Pool one', ownerId: null }));
    renderScreen(6, 'MANAGER');
    const status = await screen.findByRole('region', { name: 'Status' });
    expect(within(status).getByRole('button', { name: 'Mark as lost…' })).toBeInTheDocument();
  });
});
