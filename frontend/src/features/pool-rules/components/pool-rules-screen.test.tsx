import { screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { jsonResponse, mockFetch, problemResponse } from '@/testing/fetch-mock';
import { renderWithProviders } from '@/testing/render';
import { findToast } from '@/testing/toasts';
import type { PoolRules } from '@/lib/pool-rules';
import { PoolRulesScreen } from './pool-rules-screen';

/** Who is looking: an administrator, or a manager (Ann Lee, id 3) whom no pool names unless a test says so. */
const ADMIN = { id: 1, role: 'ADMIN' };
const MANAGER = { id: 3, role: 'MANAGER' };

// Many interactions per test, on a shared 2-core machine.
const SLOW = { timeout: 20_000 };
const PROBLEMS = 'https://harbor-crm.dev/problems';

const defaults: PoolRules = {
  returnAfterDaysWithoutFollowUp: 30,
  returnAfterDaysWithoutDeal: 90,
  warnDaysBeforeReturn: 3,
  escalateDaysBeforeReturn: 0,
  maxPrivateCustomersPerRep: 200,
  maxClaimsPerRepPerDay: 20,
  reclaimCooldownDays: 7,
  purgeUnclaimedAfterDays: 0,
  maskContacts: true,
  stageFollowUpDays: { INQUIRY: 180 },
};

/** Preview counts that grow as the follow-up days shrink, so a test sees them follow the form. */
function previewFor(rules: PoolRules) {
  const due = Math.max(0, 40 - rules.returnAfterDaysWithoutFollowUp);
  return {
    today: { total: due, byRep: due ? [{ userId: 6, userName: 'Sam Rep', count: due }] : [] },
    tomorrow: { total: 1, byRep: [{ userId: 7, userName: 'Kim Rep', count: 1 }] },
    within7Days: { total: due + 3, byRep: [{ userId: 6, userName: 'Sam Rep', count: due + 1 }, { userId: 7, userName: 'Kim Rep', count: 2 }] },
  };
}

interface RulesApiOptions {
  stale?: boolean;
  rules?: Partial<PoolRules>;
  /** A refusal of the previewed or saved rules, for a rule only the server knows; undefined: accepted. */
  refusePreview?: (rules: PoolRules) => Response | undefined;
  refuseSave?: (rules: PoolRules) => Response | undefined;
}

/** A 400 naming one field, as the server words it. */
function invalid(error: Record<string, unknown>) {
  return problemResponse({ type: `${PROBLEMS}/validation`, title: 'Invalid', status: 400, errors: [error] });
}

function rulesApi(options: RulesApiOptions = {}) {
  const state = { rules: { ...defaults, ...options.rules }, version: 4, stale: options.stale ?? false };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/pool/rules' && request.method === 'GET') {
      return jsonResponse(state.rules, { headers: { ETag: `"${state.version}"` } });
    }
    if (url.pathname === '/api/v1/pool/rules/preview') {
      const rules = (await request.json()) as PoolRules;
      return options.refusePreview?.(rules) ?? jsonResponse(previewFor(rules));
    }
    if (url.pathname === '/api/v1/pool/rules' && request.method === 'PUT') {
      if (state.stale) {
        // Someone else saved meanwhile.
        state.stale = false;
        state.version += 1;
        state.rules = { ...state.rules, maxClaimsPerRepPerDay: 50 };
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      if (request.headers.get('If-Match') !== `"${state.version}"`) {
        return problemResponse({ type: `${PROBLEMS}/precondition-failed`, title: 'Stale', status: 412 });
      }
      const rules = (await request.json()) as PoolRules;
      const refusal = options.refuseSave?.(rules);
      if (refusal) return refusal;
      state.rules = rules;
      state.version += 1;
      return jsonResponse(state.rules, { headers: { ETag: `"${state.version}"` } });
    }
    return jsonResponse({});
  });
  return { ...mock, state };
}

const puts = (requests: Request[]) =>
  requests.filter((request) => request.method === 'PUT' && new URL(request.url).pathname === '/api/v1/pool/rules');

/** Two pools (the default and Middle East, 7) with rules of their own; `managerIds` name Middle East's managers. */
function twoPoolsApi(managerIds: number[] = []) {
  const pools = [
    { id: 0, name: 'Main pool', everyone: true, isDefault: true, memberIds: [], managerIds: [], customerCount: 1200, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
    { id: 7, name: 'Middle East', everyone: false, isDefault: false, memberIds: [5], managerIds, customerCount: 3, createdAt: '2026-03-01T08:00:00Z', updatedAt: '2026-03-01T08:00:00Z', version: 0 },
  ];
  const byPool = new Map<string, PoolRules>([
    ['0', defaults],
    ['7', { ...defaults, returnAfterDaysWithoutFollowUp: 12 }],
  ]);
  const { requests } = mockFetch(async (request) => {
    const url = new URL(request.url);
    const pool = url.searchParams.get('poolId') ?? '0';
    if (url.pathname === '/api/v1/pools') return jsonResponse({ items: pools });
    if (url.pathname === '/api/v1/pool/rules' && request.method === 'GET') {
      return jsonResponse(byPool.get(pool), { headers: { ETag: '"0"' } });
    }
    if (url.pathname === '/api/v1/pool/rules/preview') {
      return jsonResponse(previewFor((await request.json()) as PoolRules));
    }
    if (url.pathname === '/api/v1/pool/rules' && request.method === 'PUT') {
      byPool.set(pool, (await request.json()) as PoolRules);
      return jsonResponse(byPool.get(pool), { headers: { ETag: '"1"' } });
    }
    return jsonResponse({});
  });
  return { requests, byPool };
}

describe('Pool rules', () => {
  it('previews, per rep, what the edited rules would return before saving, then saves with If-Match', SLOW, async () => {
    const { requests, state } = rulesApi();
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);

    const days = await screen.findByLabelText('Days without follow-up');
    expect(days).toHaveValue(30);
    expect(screen.getByLabelText('Inquiry')).toHaveValue(180);
    expect(screen.getByLabelText('Sample order')).toHaveValue(null);
    // Looked up anew each time: the table gives way to a message while the typed rules are invalid.
    const row = (name: RegExp) =>
      within(screen.getByRole('table', { name: 'Customers that would return to the pool' })).getByRole('row', { name });
    await waitFor(() => expect(row(/Everyone/)).toHaveTextContent('Everyone10113'));

    await user.clear(days);
    await user.type(days, '10');
    await user.type(screen.getByLabelText('Sample order'), '45');
    await waitFor(() => expect(row(/Everyone/)).toHaveTextContent('Everyone30133'), { timeout: 8000 });
    expect(row(/Sam Rep/)).toHaveTextContent('Sam Rep30031');
    expect(row(/Kim Rep/)).toHaveTextContent('Kim Rep012');
    // Nothing saved by previewing.
    expect(puts(requests)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await findToast('Pool rules saved.')).toHaveClass('toast-success');
    const [put] = puts(requests);
    expect(put?.headers.get('If-Match')).toBe('"4"');
    expect(state.rules.returnAfterDaysWithoutFollowUp).toBe(10);
    expect(state.rules.stageFollowUpDays).toEqual({ INQUIRY: 180, SAMPLE_ORDER: 45 });
  });

  it('chooses per contact what reps see before claiming, with an example of each, and saves it', SLOW, async () => {
    const { requests, state } = rulesApi({ rules: { fieldVisibility: { website: 'VISIBLE' } } });
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const table = await screen.findByRole('table', { name: 'What reps see before claiming' });
    // Fields the saved rule does not name are masked; each row shows what a rep would see.
    expect(within(table).getByRole('radio', { name: 'Website: Whole' })).toBeChecked();
    expect(within(table).getByRole('radio', { name: 'Email: Masked' })).toBeChecked();
    expect(within(table).getByRole('row', { name: /Email/ })).toHaveTextContent('l***@dragon-trade.com');

    await user.click(within(table).getByRole('radio', { name: 'Chat handles (WhatsApp, WeChat…): Hidden' }));
    await user.click(within(table).getByRole('radio', { name: 'Email: Whole' }));
    expect(within(table).getByRole('row', { name: /Chat handles/ })).toHaveTextContent('nothing shown');
    expect(within(table).getByRole('row', { name: /Email/ })).toHaveTextContent('li.wei@dragon-trade.com');
    // What reps see changes no return: the preview is not asked again for it.
    const previews = () => requests.filter((request) => new URL(request.url).pathname === '/api/v1/pool/rules/preview');
    await waitFor(() => expect(previews().length).toBeGreaterThan(0));
    const asked = previews().length;

    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await findToast('Pool rules saved.')).toHaveClass('toast-success');
    expect(state.rules.fieldVisibility).toEqual({
      email: 'VISIBLE', phone: 'MASKED', mobile: 'MASKED', fax: 'MASKED', imAccounts: 'HIDDEN', website: 'VISIBLE',
    });
    expect(previews()).toHaveLength(asked);

    // Masking off: every contact whole, the choices kept but waiting.
    await user.click(screen.getByLabelText('Protect pool customers’ contacts from reps until they claim them'));
    expect(within(table).getByRole('radio', { name: 'Chat handles (WhatsApp, WeChat…): Hidden' })).toBeDisabled();
    expect(within(table).getByRole('row', { name: /Chat handles/ })).toHaveTextContent('dragon_li_88');
    expect(table).toHaveAccessibleDescription(/Reps see every contact of this pool’s customers whole/);
  });

  it('names the contacts and their choices in Chinese', SLOW, async () => {
    setLocale('zh-CN');
    rulesApi();
    renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const table = await screen.findByRole('table', { name: '领取前业务员能看到的内容' });
    expect(within(table).getByRole('radio', { name: '聊天账号（WhatsApp、微信…）：打码' })).toBeChecked();
    expect(within(table).getByRole('columnheader', { name: '隐藏' })).toBeInTheDocument();
  });

  it('says as the admin types what the server would refuse, in its words, and neither previews nor saves it', SLOW, async () => {
    const { requests } = rulesApi();
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const warn = await screen.findByLabelText('Warn days before');
    await screen.findByRole('table', { name: 'Customers that would return to the pool' });

    await user.clear(warn);
    await user.type(warn, '45');
    await waitFor(() => expect(warn).toHaveAccessibleDescription(/Must be less than “Days without follow-up” \(30\)\.$/));
    expect(warn).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Fix the rules marked in the form to see the preview.')).toBeInTheDocument();

    // A stage's own days count too, named as the form labels them.
    await user.clear(warn);
    await user.type(warn, '25');
    await user.type(screen.getByLabelText('Sample order'), '20');
    await waitFor(() => expect(warn).toHaveAccessibleDescription(/Must be less than “Sample order” \(20\)\.$/));

    await user.clear(warn);
    await waitFor(() => expect(warn).toHaveAccessibleDescription(/Enter a whole number, 0 or more\.$/));
    await user.clear(screen.getByLabelText('Claims per rep per day'));
    await user.type(screen.getByLabelText('Claims per rep per day'), '20000');
    await waitFor(() =>
      expect(screen.getByLabelText('Claims per rep per day')).toHaveAccessibleDescription(/Enter a number from 0 to 10000\.$/),
    );
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    // The first rule to fix has the focus; nothing went to the server.
    await waitFor(() => expect(warn).toHaveFocus());
    expect(puts(requests)).toHaveLength(0);
    const previewed = await Promise.all(
      requests
        .filter((request) => new URL(request.url).pathname === '/api/v1/pool/rules/preview')
        .map((request) => request.clone().json() as Promise<PoolRules>),
    );
    // Only rules the server would take were previewed.
    const takes = (rules: PoolRules) =>
      [rules.returnAfterDaysWithoutFollowUp, rules.returnAfterDaysWithoutDeal, ...Object.values(rules.stageFollowUpDays ?? {})].every(
        (days) => days === 0 || rules.warnDaysBeforeReturn < days,
      );
    expect(previewed.length).toBeGreaterThan(0);
    expect(previewed.filter((rules) => !takes(rules))).toEqual([]);
  });

  it('shows a refused save’s field error next to its field, and what the preview refuses too', SLOW, async () => {
    const { requests } = rulesApi({
      // Limits this form does not know.
      refusePreview: (rules) =>
        rules.reclaimCooldownDays > 100 ? invalid({ field: 'reclaimCooldownDays', message: 'too long', code: 'RANGE', min: 0, max: 100 }) : undefined,
      refuseSave: (rules) =>
        rules.maxClaimsPerRepPerDay > 50
          ? invalid({ field: 'maxClaimsPerRepPerDay', message: 'must be at most 50', code: 'RANGE', min: 0, max: 50 })
          : undefined,
    });
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const claims = await screen.findByLabelText('Claims per rep per day');
    await user.clear(claims);
    await user.type(claims, '60');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    await waitFor(() => expect(claims).toHaveAccessibleDescription(/Enter a number from 0 to 50\.$/));
    expect(claims).toHaveAttribute('aria-invalid', 'true');
    expect(claims).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need fixing');
    expect(puts(requests)).toHaveLength(1);

    const cooldown = screen.getByLabelText('Days before claiming back');
    await user.clear(cooldown);
    await user.type(cooldown, '200');
    await waitFor(() => expect(cooldown).toHaveAccessibleDescription(/Enter a number from 0 to 100\.$/), { timeout: 8000 });
    expect(screen.getByText('Fix the rules marked in the form to see the preview.')).toBeInTheDocument();
  });

  it('when someone else saved first (412), offers their rules or mine over them', SLOW, async () => {
    const { requests, state } = rulesApi({ stale: true });
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const claims = await screen.findByLabelText('Claims per rep per day');
    await user.clear(claims);
    await user.type(claims, '25');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed the pool rules while you were editing.');
    await user.click(within(alert).getByRole('button', { name: 'Save mine over them' }));
    expect(await findToast('Pool rules saved.')).toHaveClass('toast-success');
    expect(puts(requests).at(-1)?.headers.get('If-Match')).toBe('"5"');
    expect(state.rules.maxClaimsPerRepPerDay).toBe(25);
  });

  it('loads the other person’s rules when asked', SLOW, async () => {
    rulesApi({ stale: true });
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const claims = await screen.findByLabelText('Claims per rep per day');
    await user.clear(claims);
    await user.type(claims, '25');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    await user.click(await screen.findByRole('button', { name: 'Load their rules' }));
    await waitFor(() => expect(screen.getByLabelText('Claims per rep per day')).toHaveValue(50));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps customers with open deals with their owner when the box is ticked, and sends it with the rest', SLOW, async () => {
    const { requests, state } = rulesApi();
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    // Rules saved before the rule existed have no value: off.
    const openDeals = await screen.findByRole('checkbox', { name: 'Open deals keep the customer' });
    expect(openDeals).not.toBeChecked();
    expect(openDeals).toHaveAccessibleDescription(
      'A customer with a sent quotation, or a sample order or order confirmed or paid but not yet shipped, stays with its owner and does not return to the pool by itself.',
    );

    await user.click(openDeals);
    expect(openDeals).toBeChecked();
    // The preview already counts with it.
    await waitFor(async () => {
      const previews = requests.filter((request) => new URL(request.url).pathname === '/api/v1/pool/rules/preview');
      expect(((await previews.at(-1)?.clone().json()) as PoolRules).exemptOpenDeals).toBe(true);
    });
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await findToast('Pool rules saved.')).toHaveClass('toast-success');
    const sent = (await puts(requests)[0]?.json()) as PoolRules;
    // Every contact named: the rules saved before the list existed meant them all masked.
    const allMasked = { email: 'MASKED', phone: 'MASKED', mobile: 'MASKED', fax: 'MASKED', imAccounts: 'MASKED', website: 'MASKED' };
    expect(sent).toEqual({ ...defaults, exemptOpenDeals: true, fieldVisibility: allMasked });
    expect(state.rules.exemptOpenDeals).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Open deals keep the customer' })).toBeChecked();

    // Ticked off again, it is sent as false (not left out).
    await user.click(screen.getByRole('checkbox', { name: 'Open deals keep the customer' }));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(state.rules.exemptOpenDeals).toBe(false));
  });

  it('copies the manager some days before a return, a notice that must come before every return rule', SLOW, async () => {
    const { state } = rulesApi();
    const { user } = renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    const escalate = await screen.findByRole('spinbutton', { name: 'Copy the manager days before' });
    expect(escalate).toHaveValue(0);
    expect(escalate).toHaveAccessibleDescription(
      'The owner’s manager is notified this many days before a return; 0 is off. Fewer than every return rule.',
    );
    await user.clear(escalate);
    await user.type(escalate, '30');
    expect(
      await screen.findByText('Must be less than “Days without follow-up” (30).', { selector: '.field-error' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(state.rules.escalateDaysBeforeReturn).toBe(0);

    await user.clear(escalate);
    await user.type(escalate, '1');
    await waitFor(() => expect(screen.queryByText(/Must be less than/)).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(state.rules.escalateDaysBeforeReturn).toBe(1));
  });

  it('lets a manager try values and see the preview, but not save', SLOW, async () => {
    rulesApi({ rules: { exemptOpenDeals: true } });
    renderWithProviders(<MemoryRouter><PoolRulesScreen user={MANAGER} /></MemoryRouter>);
    expect(await screen.findByRole('table', { name: 'Customers that would return to the pool' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Open deals keep the customer' })).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Save rules' })).not.toBeInTheDocument();
    expect(screen.getByText(/Only administrators and this pool’s managers change its rules/)).toBeInTheDocument();
  });

  it('edits each pool’s own rules, chosen from the store’s pools', SLOW, async () => {
    const { requests, byPool } = twoPoolsApi();
    const { user } = renderWithProviders(
      <MemoryRouter initialEntries={['/settings/pool-rules?pool=7']}>
        <PoolRulesScreen user={ADMIN} />
      </MemoryRouter>,
    );
    const chooser = await screen.findByRole('combobox', { name: 'Rules of the pool' });
    expect(chooser).toHaveValue('7');
    expect(await screen.findByLabelText('Days without follow-up')).toHaveValue(12);

    await user.clear(screen.getByLabelText('Days without follow-up'));
    await user.type(screen.getByLabelText('Days without follow-up'), '15');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await findToast('Pool rules saved.')).toHaveClass('toast-success');
    expect(byPool.get('7')?.returnAfterDaysWithoutFollowUp).toBe(15);
    expect(byPool.get('0')?.returnAfterDaysWithoutFollowUp).toBe(30);
    const previews = requests.filter((request) => new URL(request.url).pathname === '/api/v1/pool/rules/preview');
    expect(previews.every((request) => new URL(request.url).searchParams.get('poolId') === '7')).toBe(true);

    // The default pool's rules, another form.
    await user.selectOptions(chooser, 'Main pool (Default)');
    await waitFor(() => expect(screen.getByLabelText('Days without follow-up')).toHaveValue(30));
  });

  it('lets a manager save the rules of the pools that name them, and only read the others', SLOW, async () => {
    const { byPool } = twoPoolsApi([MANAGER.id]);
    const { user } = renderWithProviders(
      <MemoryRouter initialEntries={['/settings/pool-rules?pool=7']}>
        <PoolRulesScreen user={MANAGER} />
      </MemoryRouter>,
    );
    const days = await screen.findByLabelText('Days without follow-up');
    await waitFor(() => expect(days).toHaveValue(12));
    await user.clear(days);
    await user.type(days, '20');
    await user.click(await screen.findByRole('button', { name: 'Save rules' }));
    expect(await findToast('Pool rules saved.')).toBeInTheDocument();
    expect(byPool.get('7')?.returnAfterDaysWithoutFollowUp).toBe(20);

    // The default pool does not name them: read and preview only.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rules of the pool' }), 'Main pool (Default)');
    await waitFor(() => expect(screen.getByLabelText('Days without follow-up')).toHaveValue(30));
    expect(screen.queryByRole('button', { name: 'Save rules' })).not.toBeInTheDocument();
    expect(screen.getByText(/Only administrators and this pool’s managers change its rules/)).toBeInTheDocument();
  });

  it('speaks Chinese when chosen', SLOW, async () => {
    setLocale('zh-CN');
    rulesApi();
    renderWithProviders(<MemoryRouter><PoolRulesScreen user={ADMIN} /></MemoryRouter>);
    expect(await screen.findByRole('heading', { name: '公海规则', level: 1 })).toBeInTheDocument();
    expect(await screen.findByLabelText('未跟进天数')).toHaveValue(30);
    expect(screen.getByRole('checkbox', { name: '有进行中的交易时客户不退回' })).not.toBeChecked();
    expect(await screen.findByRole('table', { name: '将退回公海的客户' })).toBeInTheDocument();
  });
});
