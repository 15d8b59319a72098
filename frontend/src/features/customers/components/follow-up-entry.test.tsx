import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import type { Customer } from '../api/list-customers';
import type { FollowUp } from '../api/list-follow-ups';
import { CustomerDetailScreen } from './customer-detail-screen';
import type { Role } from './customers-screen';
import { customer, fakeApi, PROBLEMS } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

function followUp(id: number, overrides: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    customerId: 5,
    type: 'CALL',
    content: `Follow-up ${id}`,
    occurredAt: '2026-03-04T10:00:00Z',
    nextFollowUpAt: null,
    authorId: 3,
    authorName: 'Li Na',
    createdAt: '2026-03-04T10:00:00Z',
    updatedAt: '2026-03-04T10:00:00Z',
    version: 0,
    ...overrides,
  };
}

/** A customer whose timeline shows its follow-ups; they change with If-Match checked, and go on DELETE. */
function followUpApi(initial: Customer, followUps: FollowUp[], refusePatch?: () => Response) {
  const state = { customer: { ...initial }, followUps: [...followUps] };
  const mock = fakeApi(async (request, url) => {
    const base = `/api/v1/customers/${state.customer.id}`;
    if (url.pathname === base && request.method === 'GET') return jsonResponse(state.customer);
    if (url.pathname === `${base}/timeline`) {
      const items = state.followUps.map((item) => ({
        kind: 'FOLLOW_UP',
        id: item.id,
        at: item.occurredAt,
        type: item.type,
        actorId: item.authorId,
        actorName: item.authorName,
        content: item.content,
        nextFollowUpAt: item.nextFollowUpAt,
      }));
      return jsonResponse({ items, nextCursor: null });
    }
    const match = new RegExp(`^${base}/follow-ups/(\\d+)$`).exec(url.pathname);
    const index = match ? state.followUps.findIndex((item) => item.id === Number(match[1])) : -1;
    if (match && index < 0) return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
    const current = state.followUps[index];
    if (current && request.method === 'GET') return jsonResponse(current);
    if (current && request.method === 'PATCH') {
      if (refusePatch) return refusePatch();
      if (request.headers.get('If-Match') !== `"${current.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      const patch = (await request.json()) as Partial<FollowUp>;
      const updated = { ...current, ...patch, version: current.version + 1 };
      state.followUps[index] = updated;
      return jsonResponse(updated);
    }
    if (current && request.method === 'DELETE') {
      state.followUps.splice(index, 1);
      return new Response(null, { status: 204 });
    }
    return undefined;
  });
  return { ...mock, state };
}

function renderScreen(role: Role, meId: number) {
  const router = createMemoryRouter(
    [{ path: '/customers/:id', element: <CustomerDetailScreen customerId={5} role={role} meId={meId} /> }],
    { initialEntries: ['/customers/5'] },
  );
  return renderWithProviders(<RouterProvider router={router} />);
}

const timelineItem = async (text: string, listName = 'Timeline') => {
  const timeline = await screen.findByRole('list', { name: listName });
  return within(timeline).getAllByRole('listitem').find((item) => item.textContent?.includes(text)) as HTMLElement;
};

describe('Follow-ups on the timeline', () => {
  it('edits my follow-up in place, sending the changed members with If-Match', SLOW, async () => {
    const { requests, state } = followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: 'Called about hinges', version: 4 })]);
    const { user } = renderScreen('REP', 3);

    const item = await timelineItem('Called about hinges');
    await user.click(within(item).getByRole('button', { name: /^Edit the Call follow-up of / }));
    const form = await within(item).findByRole('form', { name: 'Edit follow-up' });
    const content = within(form).getByLabelText('What happened');
    expect(content).toHaveValue('Called about hinges');
    await user.selectOptions(within(form).getByLabelText('Type'), 'Meeting');
    await user.clear(content);
    await user.type(content, 'Met at the Canton Fair');
    await user.click(within(form).getByRole('button', { name: 'Save follow-up' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit follow-up' })).not.toBeInTheDocument());
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(new URL(patch?.url ?? '').pathname).toBe('/api/v1/customers/5/follow-ups/11');
    expect(patch?.headers.get('If-Match')).toBe('"4"');
    expect(await patch?.json()).toEqual({ type: 'MEETING', content: 'Met at the Canton Fair' });
    expect(state.followUps[0]).toMatchObject({ content: 'Met at the Canton Fair', version: 5 });
    expect(await timelineItem('Met at the Canton Fair')).toHaveTextContent('Meeting');
  });

  it('on 412 says someone else changed it, shows their version, and saves against it', SLOW, async () => {
    const { requests, state } = followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: 'Called', version: 1 })]);
    const { user } = renderScreen('MANAGER', 9);

    const item = await timelineItem('Called');
    await user.click(within(item).getByRole('button', { name: /^Edit the Call follow-up/ }));
    const content = await within(item).findByLabelText('What happened');
    // Meanwhile its author corrects it.
    state.followUps[0] = { ...followUp(11), content: 'Called twice', version: 2 };
    await user.clear(content);
    await user.type(content, 'Called, no answer');
    await user.click(within(item).getByRole('button', { name: 'Save follow-up' }));

    expect(await within(item).findByRole('alert')).toHaveTextContent(
      'Someone else changed this follow-up meanwhile. Their version is shown now: check it and save again.',
    );
    await waitFor(() => expect(within(item).getByLabelText('What happened')).toHaveValue('Called twice'));
    await user.click(within(item).getByRole('button', { name: 'Save follow-up' }));
    // Nothing changed on their version: the form just closes.
    await waitFor(() => expect(within(item).queryByRole('form')).not.toBeInTheDocument());
    const patches = requests.filter((request) => request.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]?.headers.get('If-Match')).toBe('"1"');
  });

  it('names every mistake by its field, in the server’s words, and sends nothing', SLOW, async () => {
    const { requests } = followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: 'Called', occurredAt: '2026-03-04T10:00:00Z' })]);
    const { user } = renderScreen('REP', 3);

    const item = await timelineItem('Called');
    await user.click(within(item).getByRole('button', { name: /^Edit the Call follow-up/ }));
    const form = await within(item).findByRole('form', { name: 'Edit follow-up' });
    const content = within(form).getByLabelText('What happened');
    await user.clear(content);
    // The next follow-up before this one.
    await user.type(within(form).getByLabelText('Next follow-up on'), '2026-03-01');
    await user.click(within(form).getByRole('button', { name: 'Save follow-up' }));

    expect(content).toHaveAccessibleDescription('Required.');
    expect(within(form).getByLabelText('Next follow-up on')).toHaveAccessibleDescription(
      'Leave empty for no reminder. Must be later than “When”.',
    );
    // The first in the page: the day comes before the text.
    await waitFor(() => expect(within(form).getByLabelText('Next follow-up on')).toHaveFocus());
    expect(requests.some((request) => request.method === 'PATCH')).toBe(false);

    // Checked again as it changes.
    await user.type(content, 'Called twice');
    expect(content).not.toHaveAttribute('aria-invalid');
  });

  it('shows the server’s field error by its input', SLOW, async () => {
    followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: 'Called' })], () =>
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Invalid',
        status: 400,
        // The server's clock says later than ours.
        errors: [{ field: 'occurredAt', message: 'must not be in the future', code: 'NOT_FUTURE' }],
      }),
    );
    const { user } = renderScreen('REP', 3);

    const item = await timelineItem('Called');
    await user.click(within(item).getByRole('button', { name: /^Edit the Call follow-up/ }));
    const form = await within(item).findByRole('form', { name: 'Edit follow-up' });
    const when = within(form).getByLabelText('When');
    await user.clear(when);
    await user.type(when, '2026-03-05T09:30');
    await user.click(within(form).getByRole('button', { name: 'Save follow-up' }));

    await waitFor(() => expect(when).toHaveAccessibleDescription('Cannot be in the future.'));
    expect(when).toHaveFocus();
    expect(within(form).getByRole('alert')).toHaveTextContent('Some details need fixing');
  });

  it('deletes a follow-up only after a confirmation', SLOW, async () => {
    const { requests } = followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: 'Wrong customer' }), followUp(12, { content: 'Keep me' })]);
    const { user } = renderScreen('REP', 3);

    const item = await timelineItem('Wrong customer');
    await user.click(within(item).getByRole('button', { name: /^Delete the Call follow-up/ }));
    let dialog = within(item).getByRole('alertdialog', { name: 'Delete this follow-up?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(item).queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(requests.some((request) => request.method === 'DELETE')).toBe(false);

    await user.click(within(item).getByRole('button', { name: /^Delete the Call follow-up/ }));
    dialog = within(item).getByRole('alertdialog', { name: 'Delete this follow-up?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete follow-up' });
    expect(confirm).toHaveClass('button-danger');
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByText('Wrong customer')).not.toBeInTheDocument());
    const deletes = requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/customers/5/follow-ups/11']);
    expect(screen.getByText('Keep me')).toBeInTheDocument();
  });

  it("offers no edit or delete of another rep's follow-up, nor on a pool customer", SLOW, async () => {
    followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: 'Mine' }), followUp(12, { content: 'By a colleague', authorId: 4, authorName: 'Wang Wei' })]);
    const { unmount } = renderScreen('REP', 3);

    const theirs = await timelineItem('By a colleague');
    expect(within(theirs).queryByRole('button')).not.toBeInTheDocument();
    expect(within(await timelineItem('Mine')).getAllByRole('button')).toHaveLength(2);
    unmount();

    // A manager may change anyone's.
    followUpApi(customer(5, { ownerId: 3 }), [followUp(12, { content: 'By a colleague', authorId: 4 })]);
    const manager = renderScreen('MANAGER', 9);
    expect(within(await timelineItem('By a colleague')).getAllByRole('button')).toHaveLength(2);
    manager.unmount();

    // A rep reads a pool customer's history, even their own follow-ups, without changing it.
    followUpApi(customer(5, { ownerId: null }), [followUp(11, { content: 'Mine before release' })]);
    renderScreen('REP', 3);
    expect(within(await timelineItem('Mine before release')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('speaks Chinese', SLOW, async () => {
    setLocale('zh-CN');
    followUpApi(customer(5, { ownerId: 3 }), [followUp(11, { content: '电话沟通' })]);
    const { user } = renderScreen('REP', 3);

    const item = await timelineItem('电话沟通', '时间线');
    expect(within(item).getByRole('button', { name: /^编辑 .* 的电话跟进$/ })).toHaveTextContent('编辑');
    await user.click(within(item).getByRole('button', { name: /^删除 .* 的电话跟进$/ }));
    const dialog = within(item).getByRole('alertdialog', { name: '删除这条跟进？' });
    expect(within(dialog).getByRole('button', { name: '删除跟进' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '取消' })).toBeInTheDocument();
  });
});
