import { screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/domain';
import { setLocale } from '@/lib/i18n';
import { deferred } from '@/testing/deferred';
import { problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import { PipelineScreen } from './pipeline-screen';
import { customer, pipelineApi, PROBLEMS } from './test-api';

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };

const board = [
  customer(1, {
    name: 'John Miller',
    companyName: 'Miller Hardware',
    stars: 3,
    version: 3,
    nextFollowUpAt: '2020-01-06T08:00:00Z',
    tags: [{ id: 3, name: 'VIP', color: '#d92d20' }],
  }),
  customer(2, { name: 'Zhao Lei', ownerId: 6, stars: 0 }),
  customer(3, { name: 'Anna Schmidt', stage: 'SAMPLE_ORDER', nextFollowUpAt: '2099-01-06T08:00:00Z' }),
  customer(4, { name: 'Pedro Alves', stage: 'UNMARKED', ownerId: null }),
  customer(5, { name: 'Old Buyer', status: 'LOST' }),
];

function renderBoard(role: Role = 'REP', path = '/pipeline') {
  const router = createMemoryRouter(
    [
      { path: '/pipeline', element: <PipelineScreen role={role} /> },
      { path: '/customers', element: <p>Customer list</p> },
      { path: '/customers/:id', element: <p>Customer page</p> },
    ],
    { initialEntries: [path] },
  );
  return { ...renderWithProviders(<RouterProvider router={router} />), router };
}

const column = (name: string) => screen.getByRole('region', { name });
const cardNames = (name: string) =>
  within(column(name))
    .queryAllByRole('group')
    .map((card) => within(card).getByRole('link').textContent);

/** jsdom lays nothing out: the columns side by side, 200 px apart, and each card at the top of its column. */
function layOutBoard() {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const columns = [...document.querySelectorAll('.pipeline-column')];
    const index = columns.findIndex((candidate) => candidate === this.closest('.pipeline-column'));
    if (index < 0) return new DOMRect(0, 0, 0, 0);
    return this.classList.contains('pipeline-column') ? new DOMRect(index * 200, 100, 190, 500) : new DOMRect(index * 200 + 5, 150, 180, 80);
  });
}

/** dnd-kit's live region: what a screen reader hears while a card is dragged. */
const live = () => document.querySelector('[id^="DndLiveRegion"]');
/** The keyboard sensor listens for the arrows from the next tick on. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function loaded() {
  await within(await screen.findByRole('region', { name: 'Inquiry' })).findByRole('link', { name: 'John Miller' });
}

describe('Pipeline board', () => {
  it('shows a column per trade stage with its count and cards, then Lost', SLOW, async () => {
    const { columnRequests, customerLists } = pipelineApi(board);
    renderBoard();
    await loaded();

    expect(screen.getByRole('heading', { name: 'My pipeline', level: 1 })).toBeInTheDocument();
    const whole = screen.getByRole('region', { name: 'My pipeline' });
    expect(within(whole).getAllByRole('region').map((region) => region.getAttribute('aria-label'))).toEqual([
      'Unmarked',
      'Inquiry',
      'Sample order',
      'Quoted, no deal',
      'Transaction',
      'Repeat purchase',
      'Lost',
    ]);
    expect(within(column('Inquiry')).getByRole('button', { name: 'Inquiry 2 customers' })).toHaveAttribute('aria-expanded', 'true');
    expect(cardNames('Inquiry')).toEqual(['John Miller', 'Zhao Lei']);
    expect(cardNames('Sample order')).toEqual(['Anna Schmidt']);
    expect(within(column('Sample order')).getByRole('button', { name: 'Sample order 1 customer' })).toBeInTheDocument();
    expect(within(column('Transaction')).getByText('No customers at this stage.')).toBeInTheDocument();
    expect(within(column('Transaction')).getByRole('button', { name: 'Transaction 0 customers' })).toBeInTheDocument();
    await waitFor(() => expect(within(column('Lost')).getByText('1 customer')).toBeInTheDocument());

    // A compact card: name (to the customer's page), company, intention, the next follow-up, overdue said in words.
    const john = screen.getByRole('group', { name: 'John Miller' });
    expect(within(john).getByRole('link', { name: 'John Miller' })).toHaveAttribute('href', '/customers/1');
    expect(john).toHaveTextContent('Miller Hardware');
    expect(within(john).getByRole('img', { name: 'High intention' })).toHaveTextContent('★★★');
    expect(john).toHaveTextContent('Next follow-up Jan 6, 2020 overdue');
    expect(screen.getByRole('group', { name: 'Anna Schmidt' })).not.toHaveTextContent('overdue');
    // A rep's cards are all their own: no owner on them.
    expect(john).not.toHaveTextContent('Owner');

    // Each column asks for its stage's active customers, 30 at first, with the total.
    const inquiry = new URL(columnRequests('INQUIRY')[0]?.url ?? '').searchParams;
    expect(inquiry.getAll('stage')).toEqual(['INQUIRY']);
    expect(inquiry.getAll('status')).toEqual(['ACTIVE']);
    expect(inquiry.get('includeTotal')).toBe('true');
    expect(inquiry.get('limit')).toBe('30');
    const lostCount = customerLists().find((request) => new URL(request.url).searchParams.get('status') === 'LOST');
    expect(new URL(lostCount?.url ?? '').searchParams.get('includeTotal')).toBe('true');
  });

  it('shows 30 cards of a long column and more on demand', SLOW, async () => {
    const many = Array.from({ length: 32 }, (_, index) => customer(100 + index, { name: `Buyer ${index + 1}`, stage: 'TRANSACTION' }));
    const { columnRequests } = pipelineApi([...board, ...many]);
    const { user } = renderBoard();
    const transaction = await screen.findByRole('region', { name: 'Transaction' });
    await within(transaction).findByRole('link', { name: 'Buyer 1' });
    expect(within(transaction).getAllByRole('group')).toHaveLength(30);
    expect(within(transaction).getByRole('button', { name: 'Transaction 32 customers' })).toBeInTheDocument();

    await user.click(within(transaction).getByRole('button', { name: 'Show more in Transaction' }));
    await within(transaction).findByRole('link', { name: 'Buyer 32' });
    expect(within(transaction).getAllByRole('group')).toHaveLength(32);
    expect(within(transaction).queryByRole('button', { name: 'Show more in Transaction' })).not.toBeInTheDocument();
    expect(new URL(columnRequests('TRANSACTION').at(-1)?.url ?? '').searchParams.get('cursor')).toBe('30');
  });

  it('moves a card with its "Move to…" list at once, sending the new stage with If-Match', SLOW, async () => {
    const answer = deferred<void>();
    const { requests } = pipelineApi(board, async (request) => {
      if (request.method === 'PATCH') await answer.promise;
      return undefined;
    });
    const { user } = renderBoard();
    await loaded();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Move John Miller to…' }), 'Sample order');

    // Optimistic: in its new column, counts updated, before the server has answered.
    await waitFor(() => expect(cardNames('Sample order')).toEqual(['John Miller', 'Anna Schmidt']));
    expect(cardNames('Inquiry')).toEqual(['Zhao Lei']);
    expect(within(column('Sample order')).getByRole('button', { name: 'Sample order 2 customers' })).toBeInTheDocument();
    expect(within(column('Inquiry')).getByRole('button', { name: 'Inquiry 1 customer' })).toBeInTheDocument();
    // Its list offers the other stages now, and cannot be used again until the answer.
    const moved = screen.getByRole('combobox', { name: 'Move John Miller to…' });
    expect(moved).toBeDisabled();
    expect(within(moved).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Move to…',
      'Unmarked',
      'Inquiry',
      'Quoted, no deal',
      'Transaction',
      'Repeat purchase',
      'Lost…',
    ]);

    const patch = requests.find((request) => request.method === 'PATCH');
    expect(new URL(patch?.url ?? '').pathname).toBe('/api/v1/customers/1');
    expect(patch?.headers.get('If-Match')).toBe('"3"');
    expect(await patch?.json()).toEqual({ stage: 'SAMPLE_ORDER' });

    answer.resolve();
    expect(await findToast('John Miller moved to Sample order.')).toHaveClass('toast-success');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Move John Miller to…' })).toBeEnabled());
    expect(cardNames('Sample order')).toContain('John Miller');
    expect(cardNames('Inquiry')).toEqual(['Zhao Lei']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts the card back and says why when someone else changed the customer (412), then reloads', SLOW, async () => {
    const { columnRequests } = pipelineApi(board, (request) =>
      request.method === 'PATCH'
        ? problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Precondition Failed', status: 412 })
        : undefined,
    );
    const { user } = renderBoard();
    await loaded();
    const before = columnRequests('INQUIRY').length;

    await user.selectOptions(screen.getByRole('combobox', { name: 'Move John Miller to…' }), 'Transaction');

    expect(
      await findToast(
        'John Miller was changed by someone else, so it was not moved. The pipeline was reloaded: look again and try again.',
      ),
    ).toHaveClass('toast-error');
    expect(cardNames('Inquiry')).toContain('John Miller');
    expect(cardNames('Transaction')).toEqual([]);
    expect(within(column('Transaction')).getByRole('button', { name: 'Transaction 0 customers' })).toBeInTheDocument();
    await waitFor(() => expect(columnRequests('INQUIRY').length).toBeGreaterThan(before));
    await waitFor(() => expect(within(column('Inquiry')).getByRole('button', { name: 'Inquiry 2 customers' })).toBeInTheDocument());
    // The server's words are never shown.
    expect(screen.queryByText(/Precondition Failed/)).not.toBeInTheDocument();
  });

  it('says a rep cannot change a customer the server refuses them (403)', SLOW, async () => {
    pipelineApi(board, (request) =>
      request.method === 'PATCH' ? problemResponse({ type: `${PROBLEMS}/forbidden`, title: 'Forbidden', status: 403 }) : undefined,
    );
    const { user } = renderBoard();
    await loaded();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move Zhao Lei to…' }), 'Unmarked');
    expect(
      await findToast(
        'You cannot change Zhao Lei: a sales rep changes only their own customers (claim a pool customer first).',
      ),
    ).toHaveClass('toast-error');
    expect(cardNames('Inquiry')).toEqual(['John Miller', 'Zhao Lei']);
    expect(cardNames('Unmarked')).toEqual(['Pedro Alves']);
  });

  it('asks for a reason before marking a customer lost, and sends it', SLOW, async () => {
    const { requests } = pipelineApi(board);
    const { user } = renderBoard();
    await loaded();
    await waitFor(() => expect(within(column('Lost')).getByText('1 customer')).toBeInTheDocument());

    await user.selectOptions(screen.getByRole('combobox', { name: 'Move John Miller to…' }), 'Lost…');
    const dialog = await screen.findByRole('dialog', { name: 'Mark John Miller as lost' });
    // Off the board while the question is open.
    expect(cardNames('Inquiry')).toEqual(['Zhao Lei']);
    const reason = within(dialog).getByRole('combobox', { name: 'Reason' });
    expect(reason).toHaveFocus();
    await waitFor(() => expect(within(reason).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose a reason', 'Price too high', 'Went silent']));

    // A reason is required.
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(within(dialog).getByText('Choose why this customer is lost.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    await user.selectOptions(reason, 'Price too high');
    await user.type(within(dialog).getByLabelText('Note (optional)'), 'Found a cheaper supplier');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));

    expect(await findToast('John Miller is marked as lost.')).toHaveClass('toast-success');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const post = requests.find((request) => request.method === 'POST');
    expect(new URL(post?.url ?? '').pathname).toBe('/api/v1/customers/1/lost');
    expect(await post?.json()).toEqual({ reasonId: 7, note: 'Found a cheaper supplier' });
    expect(cardNames('Inquiry')).toEqual(['Zhao Lei']);
    await waitFor(() => expect(within(column('Lost')).getByText('2 customers')).toBeInTheDocument());
    expect(within(column('Inquiry')).getByRole('button', { name: 'Inquiry 1 customer' })).toBeInTheDocument();
  });

  it('puts the card back when the lost question is cancelled', SLOW, async () => {
    const { requests } = pipelineApi(board);
    const { user } = renderBoard();
    await loaded();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Move John Miller to…' }), 'Lost…');
    const dialog = await screen.findByRole('dialog', { name: 'Mark John Miller as lost' });
    expect(within(column('Inquiry')).getByRole('button', { name: 'Inquiry 1 customer' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(cardNames('Inquiry')).toEqual(['John Miller', 'Zhao Lei']);
    expect(within(column('Inquiry')).getByRole('button', { name: 'Inquiry 2 customers' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Move John Miller to…' })).toHaveFocus());
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    // Escape cancels too.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move Zhao Lei to…' }), 'Lost…');
    await screen.findByRole('dialog', { name: 'Mark Zhao Lei as lost' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(cardNames('Inquiry')).toEqual(['John Miller', 'Zhao Lei']);
  });

  it('moves a card with the keyboard (pick up, arrow to the next stage, drop), saying each step', SLOW, async () => {
    layOutBoard();
    const { requests } = pipelineApi(board);
    const { user } = renderBoard();
    await loaded();
    const handle = screen.getByRole('button', { name: 'Drag John Miller' });
    expect(handle).toHaveAttribute('aria-roledescription', 'movable card');
    expect(handle).toHaveAccessibleDescription(/press Space or Enter, use the arrow keys to go from stage to stage/);

    handle.focus();
    await user.keyboard('[Space]');
    await waitFor(() => expect(live()).toHaveTextContent('Picked up John Miller, now in Inquiry.'));
    await tick();
    await user.keyboard('[ArrowRight]');
    await waitFor(() => expect(live()).toHaveTextContent('John Miller is over Sample order.'));
    await user.keyboard('[Space]');

    await waitFor(() => expect(cardNames('Sample order')).toContain('John Miller'));
    expect(live()).toHaveTextContent('John Miller was dropped on Sample order.');
    const patch = requests.find((request) => request.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"3"');
    expect(await patch?.json()).toEqual({ stage: 'SAMPLE_ORDER' });
    expect(await findToast('John Miller moved to Sample order.')).toHaveClass('toast-success');
  });

  it('drags a card to Lost with the keyboard and asks for the reason; Escape while dragging leaves it', SLOW, async () => {
    layOutBoard();
    const { requests } = pipelineApi(board);
    const { user } = renderBoard();
    await loaded();

    screen.getByRole('button', { name: 'Drag Zhao Lei' }).focus();
    await user.keyboard('[Space]');
    await tick();
    await user.keyboard('[ArrowRight]');
    await waitFor(() => expect(live()).toHaveTextContent('Zhao Lei is over Sample order.'));
    await user.keyboard('[Escape]');
    await waitFor(() => expect(live()).toHaveTextContent('Moving Zhao Lei was cancelled: it stays in Inquiry.'));
    expect(cardNames('Inquiry')).toEqual(['John Miller', 'Zhao Lei']);

    screen.getByRole('button', { name: 'Drag Zhao Lei' }).focus();
    await user.keyboard('[Space]');
    await tick();
    for (let step = 0; step < 5; step += 1) await user.keyboard('[ArrowRight]');
    await waitFor(() => expect(live()).toHaveTextContent('Zhao Lei is over Lost.'));
    await user.keyboard('[Enter]');
    const dialog = await screen.findByRole('dialog', { name: 'Mark Zhao Lei as lost' });
    expect(live()).toHaveTextContent('Zhao Lei was dropped on Lost: choose a reason.');
    await waitFor(() => expect(within(dialog).getAllByRole('option')).toHaveLength(3));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Reason' }), 'Went silent');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await findToast('Zhao Lei is marked as lost.')).toHaveClass('toast-success');
    const post = requests.find((request) => request.method === 'POST');
    expect(await post?.json()).toEqual({ reasonId: 8 });
  });

  it('folds and unfolds a column', SLOW, async () => {
    pipelineApi(board);
    const { user } = renderBoard();
    await loaded();
    const toggle = within(column('Inquiry')).getByRole('button', { name: 'Inquiry 2 customers' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(column('Inquiry')).queryByRole('group')).not.toBeInTheDocument();
    await user.click(toggle);
    expect(cardNames('Inquiry')).toEqual(['John Miller', 'Zhao Lei']);
  });

  it('filters a rep’s board by search and tag in the URL, under the customer list’s names, without an owner filter', SLOW, async () => {
    const { columnRequests } = pipelineApi(board);
    const { user, router } = renderBoard('REP', '/pipeline?ownerId=6');
    await loaded();
    const filters = screen.getByRole('search', { name: 'Filter the pipeline' });
    expect(within(filters).queryByLabelText('Owner')).not.toBeInTheDocument();
    // A rep's board is their own: an owner in the URL is not sent.
    expect(new URL(columnRequests('INQUIRY')[0]?.url ?? '').searchParams.has('ownerId')).toBe(false);

    await user.type(within(filters).getByLabelText('Search'), 'john');
    await user.selectOptions(within(filters).getByLabelText('Tag'), 'VIP');
    await user.click(within(filters).getByRole('button', { name: 'Apply filters' }));

    // The ignored owner goes with the old filters.
    await waitFor(() => expect(router.state.location.search).toBe('?q=john&tag=3'));
    await waitFor(() => expect(cardNames('Inquiry')).toEqual(['John Miller']));
    const last = new URL(columnRequests('INQUIRY').at(-1)?.url ?? '').searchParams;
    expect(last.get('q')).toBe('john');
    expect(last.getAll('tag')).toEqual(['3']);
    expect(screen.getByRole('link', { name: 'Show as a list' })).toHaveAttribute('href', '/customers?q=john&tag=3');

    await user.click(within(screen.getByRole('search')).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows a manager every owner, and filters by one', SLOW, async () => {
    const { columnRequests } = pipelineApi(board);
    const { user, router } = renderBoard('MANAGER');
    expect(await screen.findByRole('heading', { name: 'Pipeline', level: 1 })).toBeInTheDocument();
    await loaded();
    await waitFor(() => expect(screen.getByRole('group', { name: 'John Miller' })).toHaveTextContent('Owner: Li Na'));
    expect(screen.getByRole('group', { name: 'Zhao Lei' })).toHaveTextContent('Owner: Wang Wei');
    expect(screen.getByRole('group', { name: 'Pedro Alves' })).toHaveTextContent('In the pool');

    const owner = within(screen.getByRole('search')).getByLabelText('Owner');
    expect(within(owner).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Anyone',
      'Me',
      'Nobody (in the pool)',
      'Li Na',
      'Wang Wei',
    ]);
    await user.selectOptions(owner, 'Wang Wei');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?ownerId=6'));
    await waitFor(() => expect(cardNames('Inquiry')).toEqual(['Zhao Lei']));
    expect(new URL(columnRequests('INQUIRY').at(-1)?.url ?? '').searchParams.get('ownerId')).toBe('6');
  });

  it('speaks Chinese, with no English besides the data', SLOW, async () => {
    setLocale('zh-CN');
    pipelineApi(board);
    const { user } = renderBoard('MANAGER');
    const inquiry = await screen.findByRole('region', { name: '询盘' });
    await within(inquiry).findByRole('link', { name: 'John Miller' });
    await waitFor(() => expect(screen.getByRole('group', { name: 'John Miller' })).toHaveTextContent('负责人：Li Na'));
    await waitFor(() => expect(within(screen.getByRole('region', { name: '流失' })).getByText('1 位客户')).toBeInTheDocument());
    expect(screen.getByRole('heading', { name: '销售看板', level: 1 })).toBeInTheDocument();
    expect(within(inquiry).getByRole('button', { name: '询盘 2 位客户' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'John Miller' })).toHaveTextContent('下次跟进 2020年1月6日 已逾期');
    expect(screen.getByRole('img', { name: '采购意向高' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: '将 John Miller 移到…' }), '流失…');
    await screen.findByRole('dialog', { name: '将 John Miller 标记为流失' });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Price too high' })).toBeInTheDocument());

    const data = ['John Miller', 'Zhao Lei', 'Anna Schmidt', 'Pedro Alves', 'Miller Hardware', 'Li Na', 'Wang Wei', 'VIP', 'Price too high', 'Went silent', 'Harbor CRM'];
    const labels = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].map((element) =>
      ['aria-label', 'placeholder', 'title'].map((name) => element.getAttribute(name) ?? '').join(' '),
    );
    let words = [document.body.textContent ?? '', ...labels].join(' ');
    for (const value of data) words = words.split(value).join(' ');
    expect(words.match(/[A-Za-z]{2,}/g)).toBeNull();
  });
});
