import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { User } from '../api/list-users';
import { UsersScreen } from './users-screen';

const PROBLEMS = 'https://harbor-crm.dev/problems';
const admin: User = {
  id: 1,
  name: 'Wang Wei',
  email: 'wang@example.com',
  role: 'ADMIN',
  active: true,
  createdAt: '2025-03-01T08:00:00Z',
  version: 0,
};
const rep: User = {
  id: 2,
  name: 'Li Na',
  email: 'li@example.com',
  role: 'REP',
  active: true,
  createdAt: '2025-03-02T08:00:00Z',
  version: 3,
};

/** A small in-memory /users API; `override` answers a request first when it returns a response. */
function fakeUsersApi(
  initial: User[],
  { pageSize = 50, override }: { pageSize?: number; override?: (request: Request) => Response | undefined } = {},
) {
  const users = initial.map((user) => ({ ...user }));
  const mock = mockFetch(async (request) => {
    const overridden = override?.(request);
    if (overridden) return overridden;
    const url = new URL(request.url);
    if (request.method === 'GET' && url.pathname === '/api/v1/users') {
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const end = start + pageSize;
      return jsonResponse({ items: users.slice(start, end), nextCursor: end < users.length ? String(end) : null });
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/users') {
      const body = (await request.json()) as Pick<User, 'name' | 'email' | 'role'>;
      const created: User = { id: users.length + 1, active: true, createdAt: '2025-04-01T08:00:00Z', version: 0, ...body };
      users.push(created);
      return jsonResponse(created, { status: 201 });
    }
    const managerPath = /^\/api\/v1\/users\/(\d+)\/manager$/.exec(url.pathname);
    if (managerPath) {
      const managed = users.find((candidate) => candidate.id === Number(managerPath[1]))!;
      const managerId = request.method === 'PUT' ? ((await request.json()) as { managerId: number }).managerId : null;
      Object.assign(managed, { managerId, version: managed.version + 1 });
      return jsonResponse(managed);
    }
    const leavePath = /^\/api\/v1\/users\/(\d+)\/leave$/.exec(url.pathname);
    if (leavePath) {
      const away = users.find((candidate) => candidate.id === Number(leavePath[1]))!;
      const leave = request.method === 'PUT' ? ((await request.json()) as { from: string; until: string }) : null;
      Object.assign(away, { leave, version: away.version + 1 });
      return jsonResponse(away);
    }
    const match = /^\/api\/v1\/users\/(\d+)$/.exec(url.pathname);
    const user = users.find((candidate) => candidate.id === Number(match?.[1]));
    if (request.method === 'PATCH' && user) {
      if (request.headers.get('If-Match') !== `"${user.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Precondition failed', status: 412 });
      }
      Object.assign(user, await request.json(), { version: user.version + 1 });
      return jsonResponse(user, { headers: { ETag: `"${user.version}"` } });
    }
    return problemResponse({ type: `${PROBLEMS}/not-found`, title: 'Not found', status: 404 });
  });
  return { ...mock, users };
}

function renderScreen() {
  return renderWithProviders(<UsersScreen currentUserId={admin.id} timeZone="Asia/Shanghai" />);
}

async function findRow(name: string) {
  const table = await screen.findByRole('table', { name: 'All users' });
  const header = await within(table).findByRole('rowheader', { name: new RegExp(`^${name}`) });
  return header.closest('tr') as HTMLElement;
}

describe('UsersScreen', () => {
  it('lists the users with role, account status and date added, marking the signed-in admin', async () => {
    fakeUsersApi([admin, { ...rep, active: false }]);
    renderScreen();

    expect(screen.getByText('Loading…')).toHaveRole('status');
    const table = await screen.findByRole('table', { name: 'All users' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Name',
      'Email',
      'Role',
      'Team',
      'Manager',
      'Account',
      'Added',
      'Actions',
    ]);
    const adminRow = await findRow('Wang Wei');
    expect(within(adminRow).getByRole('rowheader')).toHaveTextContent('Wang Wei (you)');
    expect(within(adminRow).getByRole('combobox', { name: 'Role of Wang Wei' })).toHaveDisplayValue('Administrator');
    expect(adminRow).toHaveTextContent('Mar 1, 2025');
    // locking oneself out is not offered
    expect(within(adminRow).queryByRole('button', { name: 'Deactivate Wang Wei' })).not.toBeInTheDocument();
    expect(adminRow).toHaveTextContent('You cannot deactivate yourself');

    const repRow = await findRow('Li Na');
    expect(repRow).toHaveTextContent('li@example.com');
    expect(repRow).toHaveTextContent('Deactivated');
    expect(within(repRow).getByRole('button', { name: 'Activate Li Na' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('loads the next page with the cursor the server gave', async () => {
    const third: User = { ...rep, id: 3, name: 'Zhao Lei', email: 'zhao@example.com' };
    const { requests } = fakeUsersApi([admin, rep, third], { pageSize: 2 });
    const { user } = renderScreen();

    await findRow('Li Na');
    expect(screen.queryByRole('rowheader', { name: 'Zhao Lei' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await findRow('Zhao Lei')).toBeInTheDocument();
    expect(new URL(requests.at(-1)?.url ?? '').searchParams.get('cursor')).toBe('2');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('sets and removes a user’s team, the label the activity filters go by', async () => {
    const { requests } = fakeUsersApi([admin, { ...rep, team: 'Export East' }]);
    const { user } = renderScreen();
    const row = await findRow('Li Na');
    const team = within(row).getByRole('textbox', { name: 'Team of Li Na' });
    expect(team).toHaveValue('Export East');

    await user.clear(team);
    await user.type(team, 'Export West');
    await user.click(within(row).getByRole('button', { name: 'Save team of Li Na' }));
    expect(await findToast('Li Na is now in the team “Export West”.')).toHaveClass('toast-success');
    const patch = requests.filter((request) => request.method === 'PATCH').at(-1);
    expect(patch?.headers.get('If-Match')).toBe('"3"');
    expect(await patch?.json()).toEqual({ team: 'Export West' });

    // Empty removes it (Enter saves too).
    const saved = within(await findRow('Li Na')).getByRole('textbox', { name: 'Team of Li Na' });
    expect(saved).toHaveValue('Export West');
    await user.clear(saved);
    await user.type(saved, '{Enter}');
    expect(await findToast('Li Na is no longer in a team.')).toHaveClass('toast-success');
    expect(await requests.filter((request) => request.method === 'PATCH').at(-1)?.json()).toEqual({ team: '' });
    expect(within(await findRow('Li Na')).getByRole('textbox', { name: 'Team of Li Na' })).toHaveValue('');
  });

  it('says when there are no users, and offers a retry when the list cannot load', async () => {
    let fail = true;
    fakeUsersApi([], {
      override: () =>
        fail ? problemResponse({ type: `${PROBLEMS}/internal`, title: 'Internal', status: 500 }) : undefined,
    });
    const { user } = renderScreen();

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('No users yet.')).toBeInTheDocument();
  });

  it('adds a user, says so, and shows them in the list', async () => {
    const { requests } = fakeUsersApi([admin]);
    const { user } = renderScreen();
    await findRow('Wang Wei');

    await user.type(screen.getByLabelText('Name'), 'Zhou Min');
    await user.type(screen.getByLabelText('Email'), 'zhou@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    expect(screen.getByLabelText('Role')).toHaveDisplayValue('Sales rep');
    await user.selectOptions(screen.getByLabelText('Role'), 'Manager');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    expect(await findToast('Zhou Min was added and can log in as zhou@example.com.')).toHaveClass('toast-success');
    const post = requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({
      name: 'Zhou Min',
      email: 'zhou@example.com',
      password: 'long enough',
      role: 'MANAGER',
    });
    const row = await findRow('Zhou Min');
    expect(within(row).getByRole('combobox', { name: 'Role of Zhou Min' })).toHaveDisplayValue('Manager');
    // The form is empty again and ready for the next one.
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(screen.getByLabelText('Name')).toHaveFocus();
  });

  it('checks every field before asking the server, in the words it would use, and focuses the first', async () => {
    const { requests } = fakeUsersApi([admin]);
    const { user } = renderScreen();
    await findRow('Wang Wei');

    await user.type(screen.getByLabelText('Email'), 'not-an-address');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    const name = screen.getByLabelText('Name');
    expect(name).toHaveAccessibleDescription('Required.');
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter an e-mail address such as name@example.com.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'At least 8 characters. Give it to them yourself; they log in with their email. Use 8 to 72 characters.',
    );
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Checked again as it changes, once submitted.
    await user.type(name, 'Zhou Min');
    expect(name).not.toHaveAttribute('aria-invalid');
  });

  it('shows field errors next to their fields, and a taken email next to the email', async () => {
    const answers = [
      problemResponse({
        type: `${PROBLEMS}/validation`,
        title: 'Validation failed',
        status: 400,
        errors: [
          { field: 'name', message: 'must not be blank', code: 'REQUIRED' },
          { field: 'password', message: 'size must be between 8 and 72', code: 'LENGTH', min: 8, max: 72 },
        ],
      }),
      problemResponse({ type: `${PROBLEMS}/email-taken`, title: 'Email taken', status: 409 }),
    ];
    const { requests } = fakeUsersApi([admin], { override: (request) => (request.method === 'POST' ? answers.shift() : undefined) });
    const { user } = renderScreen();
    await findRow('Wang Wei');

    await user.type(screen.getByLabelText('Name'), 'Wang Wei');
    await user.type(screen.getByLabelText('Email'), 'wang@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Add user' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('Required.'));
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'At least 8 characters. Give it to them yourself; they log in with their email. Use 8 to 72 characters.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(document.body).not.toHaveTextContent(/must not be blank|size must/);

    await user.click(screen.getByRole('button', { name: 'Add user' }));

    const email = screen.getByLabelText('Email');
    await waitFor(() =>
      expect(email).toHaveAccessibleDescription('This email already belongs to an account. Use another email.'),
    );
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(2);
  });

  it('changes a role, sending the version it showed', async () => {
    const { requests } = fakeUsersApi([admin, rep]);
    const { user } = renderScreen();

    const role = within(await findRow('Li Na')).getByRole('combobox', { name: 'Role of Li Na' });
    await user.selectOptions(role, 'Manager');

    expect(await findToast('Li Na is now Manager.')).toHaveClass('toast-success');
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(new URL(patch?.url ?? '').pathname).toBe('/api/v1/users/2');
    expect(patch?.headers.get('If-Match')).toBe('"3"');
    expect(await patch?.json()).toEqual({ role: 'MANAGER' });
    expect(role).toHaveDisplayValue('Manager');
  });

  it('deactivates only after confirmation, and can be cancelled with Escape', async () => {
    const { requests } = fakeUsersApi([admin, rep]);
    const { user } = renderScreen();
    const row = await findRow('Li Na');

    await user.click(within(row).getByRole('button', { name: 'Deactivate Li Na' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Deactivate Li Na?' });
    expect(dialog).toHaveAccessibleDescription(/can no longer log in/);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    // taking someone's access away is a destructive action, and looks it
    expect(within(dialog).getByRole('button', { name: 'Deactivate' })).toHaveClass('button-danger');
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Deactivate Li Na' })).toHaveFocus();
    expect(requests.some((request) => request.method === 'PATCH')).toBe(false);

    await user.keyboard('{Enter}');
    await user.tab();
    await user.keyboard('{Enter}');

    expect(await findToast('Li Na is deactivated and can no longer log in.')).toHaveClass('toast-success');
    expect(await requests.find((request) => request.method === 'PATCH')?.json()).toEqual({ active: false });
    expect(row).toHaveTextContent('Deactivated');
    expect(within(row).getByRole('button', { name: 'Activate Li Na' })).toHaveFocus();
  });

  it('explains why the last administrator cannot be demoted, and keeps the role shown', async () => {
    fakeUsersApi([admin], {
      override: (request) =>
        request.method === 'PATCH'
          ? problemResponse({ type: `${PROBLEMS}/conflict`, title: 'Conflict', status: 409 })
          : undefined,
    });
    const { user } = renderScreen();

    const role = within(await findRow('Wang Wei')).getByRole('combobox', { name: 'Role of Wang Wei' });
    await user.selectOptions(role, 'Sales rep');

    expect(
      await findToast('Could not change Wang Wei. A store needs at least one active administrator: make someone else an administrator first.'),
    ).toHaveClass('toast-error');
    expect(role).toHaveDisplayValue('Administrator');
  });

  it('after a stale write, shows the latest version and asks to try again', async () => {
    const { users } = fakeUsersApi([admin, rep]);
    const { user } = renderScreen();
    const role = within(await findRow('Li Na')).getByRole('combobox', { name: 'Role of Li Na' });

    // Another admin renames her meanwhile.
    Object.assign(users[1] ?? {}, { name: 'Li Na (Export)', version: 4 });
    await user.selectOptions(role, 'Manager');

    expect(
      await findToast('Could not change Li Na. Someone else changed this user meanwhile. The list now shows the latest; try again.'),
    ).toHaveClass('toast-error');
    const fresh = await findRow('Li Na \\(Export\\)');
    expect(within(fresh).getByRole('combobox', { name: 'Role of Li Na (Export)' })).toHaveDisplayValue('Sales rep');
  });

  it('speaks Chinese when chosen', async () => {
    localStorage.setItem('harbor.locale', 'zh-CN');
    fakeUsersApi([admin, rep]);
    renderScreen();

    expect(screen.getByRole('heading', { level: 1, name: '用户管理' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '全部用户' });
    expect(within(table).getByRole('combobox', { name: 'Li Na 的角色' })).toHaveDisplayValue('业务员');
    expect(within(table).getByRole('button', { name: '停用 Li Na' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '添加用户' })).toBeInTheDocument();
  });

  it('gives a user a manager from the active managers and admins, and takes it away', async () => {
    const manager: User = { ...rep, id: 3, name: 'Max Manager', email: 'max@example.com', role: 'MANAGER' };
    const former: User = { ...rep, id: 4, name: 'Old Boss', email: 'old@example.com', role: 'MANAGER', active: false };
    const { requests, users } = fakeUsersApi([admin, rep, manager, former]);
    const { user } = renderScreen();

    const row = await findRow('Li Na');
    const select = within(row).getByRole('combobox', { name: 'Manager of Li Na' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'No manager',
      'Wang Wei',
      'Max Manager',
    ]);
    // A manager is never offered to manage themselves.
    const maxRow = await findRow('Max Manager');
    expect(
      within(within(maxRow).getByRole('combobox', { name: 'Manager of Max Manager' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['No manager', 'Wang Wei']);

    await user.selectOptions(select, 'Max Manager');
    expect(
      await findToast('Max Manager now manages Li Na, and hears when Li Na’s customers are about to go back to the pool.'),
    ).toBeInTheDocument();
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.url).toMatch(/\/api\/v1\/users\/2\/manager$/);
    expect(await put?.json()).toEqual({ managerId: 3 });
    expect(users.find((candidate) => candidate.id === 2)?.managerId).toBe(3);
    await waitFor(() => expect(select).toHaveValue('3'));

    await user.selectOptions(select, 'No manager');
    expect(await findToast('Li Na has no manager now.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'DELETE' && request.url.endsWith('/users/2/manager'))).toBe(true);
    await waitFor(() => expect(select).toHaveValue(''));
  });

  it('keeps showing a manager since deactivated, until someone else is chosen', async () => {
    const former: User = { ...rep, id: 4, name: 'Old Boss', email: 'old@example.com', role: 'MANAGER', active: false };
    fakeUsersApi([admin, { ...rep, managerId: 4 }, former]);
    renderScreen();
    const select = within(await findRow('Li Na')).getByRole('combobox', { name: 'Manager of Li Na' });
    expect(select).toHaveValue('4');
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'No manager',
      'A former manager (inactive)',
      'Wang Wei',
    ]);
  });

  it('plans a user’s leave in store days, checks the days first, then changes and ends it', async () => {
    const { requests, users } = fakeUsersApi([admin, rep]);
    const { user } = renderScreen();
    const row = await findRow('Li Na');
    await user.click(within(row).getByRole('button', { name: 'Plan leave for Li Na' }));
    const dialog = await screen.findByRole('form', { name: 'Leave of Li Na' });
    const from = within(dialog).getByLabelText('First day away');
    const until = within(dialog).getByLabelText('Last day away');

    // The last day before the first: said in the server's words, nothing sent.
    await user.clear(from);
    await user.type(from, '2027-01-10');
    await user.clear(until);
    await user.type(until, '2027-01-03');
    await user.click(within(dialog).getByRole('button', { name: 'Save leave' }));
    await waitFor(() => expect(until).toHaveAccessibleDescription('Must not be before “First day away”.'));
    const leaveWrites = () => requests.filter((request) => new URL(request.url).pathname.endsWith('/leave'));
    expect(leaveWrites()).toHaveLength(0);

    await user.clear(from);
    await user.type(from, '2026-12-21');
    await user.click(within(dialog).getByRole('button', { name: 'Save leave' }));
    expect(await findToast(/Li Na’s leave: /)).toHaveClass('toast-success');
    expect(users[1]?.leave).toEqual({ from: '2026-12-21', until: '2027-01-03' });
    expect(within(await findRow('Li Na')).getByText(/^Leave planned|^On leave/)).toBeInTheDocument();

    // Ended: a DELETE, and the row says nothing of leave any more.
    await user.click(within(await findRow('Li Na')).getByRole('button', { name: 'Change leave of Li Na' }));
    const again = await screen.findByRole('form', { name: 'Leave of Li Na' });
    expect(within(again).getByLabelText('First day away')).toHaveValue('2026-12-21');
    await user.click(within(again).getByRole('button', { name: /Remove this leave|End leave now/ }));
    expect(await findToast('Li Na is no longer on leave.')).toHaveClass('toast-success');
    expect(leaveWrites().map((request) => request.method)).toEqual(['PUT', 'DELETE']);
    expect(within(await findRow('Li Na')).queryByText(/^Leave planned|^On leave/)).not.toBeInTheDocument();
    // Every active user may be given leave, the signed-in admin too.
    expect(within(await findRow('Wang Wei')).getByRole('button', { name: 'Plan leave for Wang Wei' })).toBeInTheDocument();
  });
});
