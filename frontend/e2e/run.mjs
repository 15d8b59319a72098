// Browser tests: the built backend and SPA, driven in Debian's Chromium through playwright-core.
// Usage: npm run e2e   (needs PostgreSQL with the harbor_e2e database: `make e2e` prepares everything)
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import {
  assertPortsFree,
  backendJar,
  baseUrl,
  buildSpa,
  compressedUrl,
  contractViolations,
  jarMissing,
  resultsDir,
  startBackend,
  startCompressedServer,
  startContractProxy,
  startPreview,
  stopServers,
} from './servers.mjs';
import { describe as describeLighthouse, measure as lighthouse } from './lighthouse.mjs';

if (jarMissing()) {
  console.error(`e2e: the backend jar ${backendJar} is missing: run \`make build\` first.`);
  process.exit(1);
}

let browser;
let page;
const pageErrors = [];

async function shutDown() {
  await browser?.close().catch(() => {});
  await stopServers();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`\ne2e: ${signal}, stopping the servers`);
    await shutDown();
    process.exit(130);
  });
}

before(
  async () => {
    await assertPortsFree();
    await Promise.all([startBackend(), buildSpa()]);
    await startContractProxy();
    await startPreview();
    await startCompressedServer();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
      // Our own handlers stop the servers too.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    // English by browser language: the app picks its language from it.
    const context = await browser.newContext({ locale: 'en-US', baseURL: baseUrl });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error));
  },
  { timeout: 420_000 },
);

after(shutDown, { timeout: 30_000 });

let failedStep = null;

/** One step of the story: skipped after a failed one, with a screenshot when it fails. */
function step(name, body, timeout = 30_000) {
  test(name, { timeout }, async (t) => {
    if (failedStep) return t.skip(`needs "${failedStep}"`);
    try {
      await body();
      assert.deepEqual(pageErrors, [], 'the page threw errors');
    } catch (error) {
      failedStep = name;
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page?.screenshot({ path, fullPage: true }).catch(() => {});
      throw error;
    }
  });
}

/** Retries an assertion until it holds (the UI settles after the server answers). */
async function eventually(check, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

const runId = Date.now().toString(36);
const password = 'harbor-e2e-secret';
const admin = { name: 'Avery Admin', email: `admin-${runId}@example.com` };
const rep = { name: 'Sam Rep', email: `sam-${runId}@example.com` };

const mainNav = () => page.getByRole('navigation', { name: 'Main' });
// What an action did is said in a toast (src/components/toast.tsx), in this region.
const toasts = () => page.getByRole('region', { name: 'Notifications (F8)' });

step('an admin opens a store from the sign-up screen and lands on the agenda, then the store’s Customers', async () => {
  await page.goto('/signup');
  await page.getByLabel('Store name').fill(`E2E Trading ${runId}`);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Open my store' }).click();

  // The agenda is everyone's start page: nothing is due in a new store.
  await page.getByRole('heading', { name: 'Agenda', exact: true, level: 1 }).waitFor();
  await page.getByText('Nothing due — enjoy your day.').waitFor();
  await mainNav().getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('heading', { name: 'Customers', exact: true, level: 1 }).waitFor();
  await page.getByText('No customers yet. Add your first one.').waitFor();
  await mainNav().getByRole('link', { name: 'My profile' }).click();
  await page.getByRole('heading', { name: 'My profile' }).waitFor();
  await page.getByRole('banner').getByText(`${admin.name}, Administrator`).waitFor();
  await page.getByRole('main').getByText(admin.email).waitFor();
});

step('the admin adds a sales rep, sees them listed, and makes them a manager', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();

  await page.getByLabel('Name', { exact: true }).fill(rep.name);
  await page.getByLabel('Email', { exact: true }).fill(rep.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Sales rep' });
  await page.getByRole('button', { name: 'Add user' }).click();

  await toasts().getByText(`${rep.name} was added`).waitFor();
  const row = page.getByRole('table', { name: 'All users' }).getByRole('row').filter({ hasText: rep.email });
  await row.waitFor();
  const role = row.getByRole('combobox', { name: `Role of ${rep.name}` });
  assert.equal(await role.inputValue(), 'REP');
  assert.match(await row.textContent(), /Active/);

  await role.selectOption({ label: 'Manager' });
  await toasts().getByText(`${rep.name} is now Manager.`).waitFor();

  // Saved on the server, not only shown:
  await page.reload();
  await eventually(async () =>
    assert.equal(await page.getByRole('combobox', { name: `Role of ${rep.name}` }).inputValue(), 'MANAGER'),
  );
});

step('the sub-account logs in and sees their profile', async () => {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to Harbor CRM' }).waitFor();

  await page.getByLabel('Email').fill(rep.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await page.getByRole('heading', { name: 'Agenda', exact: true, level: 1 }).waitFor();
  await mainNav().getByRole('link', { name: 'My profile' }).click();
  const profile = page.getByRole('region', { name: 'My profile' });
  await profile.waitFor();
  await profile.getByText(rep.email).waitFor();
  await profile.getByText(rep.name).waitFor();
  await profile.getByText('Manager', { exact: true }).waitFor();
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.getByRole('link', { name: 'Users' }).count(), 0, 'a manager is offered Users');
});

const buyer = { name: `John Miller ${runId}`, email: `john-${runId}@millerhardware.example` };

step('the manager creates a customer and lands on its file', async () => {
  await mainNav().getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByRole('heading', { name: 'New customer', level: 1 }).waitFor();

  await page.getByLabel('Name', { exact: true }).fill(buyer.name);
  await page.getByLabel('Company', { exact: true }).fill('Miller Hardware Imports LLC');
  await page.getByLabel('Email', { exact: true }).fill(buyer.email);
  await page.getByRole('combobox', { name: 'Country', exact: true }).click();
  await page.getByPlaceholder('Search countries…').fill('us');
  await page.getByRole('option', { name: 'United States', exact: true }).click();
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Inquiry' });
  await page.getByRole('button', { name: 'Create customer' }).click();

  await page.getByRole('heading', { name: buyer.name, level: 1 }).waitFor();
  await page.getByText('Miller Hardware Imports LLC').first().waitFor();
  await page.getByRole('list', { name: 'Timeline' }).getByText('Customer created').waitFor();
});

step('the manager records a follow-up and sees it in the timeline', async () => {
  const content = `Sent the quotation for 2,000 hinges (${runId})`;
  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Quotation' });
  await page.getByLabel('What happened').fill(content);
  await page.getByLabel('What happened').press('Control+Enter');

  await toasts().getByText('Follow-up recorded.').waitFor();
  const first = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first();
  await eventually(async () => assert.match(await first.textContent(), new RegExp(`Quotation.*${runId}`)));

  // Stored on the server, and listed under Customers with its last follow-up:
  await page.reload();
  await page.getByRole('list', { name: 'Timeline' }).getByText(content).waitFor();
  await mainNav().getByRole('link', { name: 'Customers', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: buyer.name });
  await row.waitFor();
  assert.doesNotMatch(await row.textContent(), /—\s*—/);
});

step('the manager screens customers through the URL and saves the screen as a view', async () => {
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/customers?q=${encodeURIComponent(runId)}&stage=INQUIRY&createdFrom=${today}&hasEmail=true&sort=-score&includeTotal=true`);
  await page.getByRole('link', { name: buyer.name }).waitFor();
  await page.getByText('1 customer matches').waitFor();

  await page.getByLabel('View name').fill(`Hot ${runId}`);
  await page.getByRole('button', { name: 'Save current filters' }).click();
  await toasts().getByText(`Saved the view “Hot ${runId}”.`).waitFor();

  // A stage that matches nothing, then the saved view brings the screen back.
  await page.goto('/customers?stage=REPEAT_PURCHASE');
  await page.getByText('No customers match these filters.').waitFor();
  await page.getByRole('button', { name: `Hot ${runId}`, exact: true }).click();
  await page.getByRole('link', { name: buyer.name }).waitFor();
  const search = new URL(page.url()).searchParams;
  assert.equal(search.get('stage'), 'INQUIRY');
  assert.equal(search.get('createdFrom'), today);
});

step('switching the language to Chinese shows Chinese texts', async () => {
  await mainNav().getByRole('link', { name: 'My profile' }).click();
  await page.getByRole('heading', { name: 'My profile' }).waitFor();
  await page.getByLabel('Language').selectOption({ label: '简体中文' });

  await page.getByRole('heading', { name: '我的资料' }).waitFor();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  await page.getByRole('region', { name: '我的资料' }).getByText('经理', { exact: true }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
});

const seller = { name: 'Rita Rep', email: `rita-${runId}@example.com` };

async function logInAs(email) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to Harbor CRM' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /^(Agenda|My customers|Customers)$/, level: 1 }).waitFor();
}

step('the manager gives the customer back to the pool with a reason', async () => {
  // The language is remembered: back to English for the rest of the story.
  await page.getByLabel('语言').selectOption({ label: 'English' });
  await mainNav().getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: buyer.name }).click();
  await page.getByRole('heading', { name: buyer.name, level: 1 }).waitFor();
  await page.getByText(/Returns to the pool in \d+ days: no follow-up/).waitFor();

  await page.getByRole('button', { name: 'Give back to the pool…' }).click();
  const form = page.getByRole('form', { name: 'Give back to the pool' });
  await form.getByLabel('Reason').selectOption({ label: 'Price' });
  await form.getByLabel('Note (optional)').fill('Found a cheaper supplier');
  await form.getByRole('button', { name: 'Give back to the pool' }).click();
  await page.getByText('This customer is in the pool: nobody owns it yet.').waitFor();
});

step('the admin adds a sales rep', async () => {
  await logInAs(admin.email);
  await mainNav().getByRole('link', { name: 'Users' }).click();
  await page.getByLabel('Name', { exact: true }).fill(seller.name);
  await page.getByLabel('Email', { exact: true }).fill(seller.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Sales rep' });
  await page.getByRole('button', { name: 'Add user' }).click();
  await toasts().getByText(`${seller.name} was added`).waitFor();
});

step('the rep claims the customer from the pool and sees it in My customers with its return timer', async () => {
  await logInAs(seller.email);
  await mainNav().getByRole('link', { name: 'Pool', exact: true }).click();
  await page.getByRole('heading', { name: 'Pool', level: 1 }).waitFor();
  const row = page.getByRole('table', { name: 'Pool' }).getByRole('row').filter({ hasText: buyer.name });
  // A rep sees the contacts masked until they claim.
  await eventually(async () => assert.match(await row.textContent(), /j\*+@millerhardware\.example/));
  assert.doesNotMatch(await row.textContent(), new RegExp(buyer.email));

  await row.getByRole('button', { name: `Claim ${buyer.name}` }).click();
  await toasts().getByText('Claimed 1 customer: it is yours now.').waitFor();
  await toasts().getByRole('link', { name: 'Open My customers' }).click();
  const mine = page.getByRole('row').filter({ hasText: buyer.name });
  await mine.waitFor();
  assert.match(await mine.textContent(), /Returns to the pool in 30 days: no follow-up/);
});

step('the rep’s overdue follow-up shows in the agenda badge and on the agenda', async () => {
  await page.getByRole('link', { name: buyer.name }).click();
  await page.getByRole('heading', { name: buyer.name, level: 1 }).waitFor();
  // The contacts are whole now that the customer is theirs (in the customer file's tab).
  await page.getByRole('tab', { name: 'Customer file' }).click();
  await page.getByText(buyer.email).first().waitFor();
  const customerId = Number(new URL(page.url()).pathname.split('/').pop());
  // A follow-up just done, with the next one planned a second ago (so overdue): the form plans whole days
  // (9:00), which would make this step depend on the hour it runs.
  const status = await page.evaluate(async (id) => {
    const now = Date.now();
    // The session is the browser's HttpOnly cookie; writes say they come from the app.
    const response = await fetch(`/api/v1/customers/${id}/follow-ups`, {
      method: 'POST',
      headers: { 'X-Requested-By': 'harbor-e2e', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'CALL',
        content: 'Promised to call back',
        occurredAt: new Date(now - 2_000).toISOString(),
        nextFollowUpAt: new Date(now - 1_000).toISOString(),
      }),
    });
    return response.status;
  }, customerId);
  assert.equal(status, 201);

  await page.reload();
  const badge = page.getByRole('banner').getByRole('link', { name: 'Agenda: 1 item overdue or due today' });
  await badge.waitFor();
  await badge.click();
  await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
  const overdue = page.getByRole('region', { name: /^Overdue/ });
  const link = overdue.getByRole('link', { name: buyer.name });
  await link.waitFor();
  await link.click();
  await page.getByRole('heading', { name: buyer.name, level: 1 }).waitFor();
});

step('the admin previews a stricter pool rule, sees who it would hit, and saves it', async () => {
  await logInAs(admin.email);
  await mainNav().getByRole('link', { name: 'Pool rules' }).click();
  await page.getByRole('heading', { name: 'Pool rules', level: 1 }).waitFor();
  const days = page.getByLabel('Days without follow-up', { exact: true });
  assert.equal(await days.inputValue(), '30');
  const preview = page.getByRole('table', { name: 'Customers that would return to the pool' });
  await preview.getByRole('row', { name: /Everyone/ }).waitFor();
  assert.equal(await preview.getByRole('row', { name: new RegExp(seller.name) }).count(), 0);

  await days.fill('5');
  // Within 7 days, the rep's claimed customer would return: before anything is saved.
  const repRow = preview.getByRole('row', { name: new RegExp(seller.name) });
  await repRow.waitFor();
  assert.deepEqual(await repRow.getByRole('cell').allTextContents(), ['0', '0', '1']);

  await page.getByRole('button', { name: 'Save rules' }).click();
  await toasts().getByText('Pool rules saved.').waitFor();
  await page.reload();
  await eventually(async () => assert.equal(await page.getByLabel('Days without follow-up', { exact: true }).inputValue(), '5'));

  // The customer's timer follows the new rule.
  await page.goto(`/customers?q=${encodeURIComponent(runId)}`);
  await page.getByRole('link', { name: buyer.name }).click();
  await page.getByText('Returns to the pool in 5 days: no follow-up').waitFor();
});

// ==== spa-io: CSV import, export of the current filter, statistics ====
const importFile = {
  name: `leads-${runId}.csv`,
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      'Name,Company,E-mail,Memo',
      `Imported One ${runId},Acme Tools,one-${runId}@acme.example,call in May`,
      `Imported Two ${runId},Bolt Supply,two-${runId}@bolt.example,`,
      // The same email as the first row: refused, and listed in the refused rows.
      `Imported Twin ${runId},Acme Tools,one-${runId}@acme.example,duplicate`,
    ].join('\n'),
  ),
};

step('a manager checks a CSV in a dry run, sees how its columns map, then imports it and watches it to Done', async () => {
  await logInAs(rep.email);
  await mainNav().getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { name: 'Import customers', level: 1 }).waitFor();
  await page.getByLabel('CSV or Excel file').setInputFiles(importFile);
  await page.getByRole('button', { name: 'Check the file' }).click();

  const check = page.getByRole('region', { name: `Check of ${importFile.name}` });
  await check.getByText('Done', { exact: true }).waitFor({ timeout: 20_000 });
  const preview = check.getByRole('table', { name: 'Columns of the file and the fields they fill' });
  await preview.getByRole('row', { name: /E-mail Email/ }).waitFor();
  assert.match(await preview.getByRole('row', { name: /Memo/ }).textContent(), /Ignored/);
  const wouldCreate = check.getByRole('definition').first();
  assert.equal(await wouldCreate.textContent(), '2');
  await check.getByText(/Line 4:/).waitFor();

  await check.getByRole('button', { name: 'Import for real' }).click();
  const run = page.getByRole('region', { name: `Import of ${importFile.name}` });
  const bar = run.getByRole('progressbar', { name: 'Import progress' });
  await bar.waitFor();
  await run.getByText('Done', { exact: true }).waitFor({ timeout: 20_000 });
  await eventually(async () => {
    assert.equal(await bar.getAttribute('aria-valuenow'), await bar.getAttribute('aria-valuemax'));
    assert.equal(await bar.getAttribute('aria-valuemax'), '3');
  });
  const counts = await run.locator('.import-count').allTextContents();
  assert.deepEqual(counts, ['Created2', 'Updated0', 'Skipped0', 'Refused1']);
});

step('the manager downloads the refused rows, and the import is listed', async () => {
  const run = page.getByRole('region', { name: `Import of ${importFile.name}` });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    run.getByRole('button', { name: 'Download the refused row' }).click(),
  ]);
  const path = await download.path();

  const csv = readFileSync(path, 'utf8');
  assert.match(csv, /reason/);
  assert.match(csv, new RegExp(`Imported Twin ${runId}`));
  assert.doesNotMatch(csv, new RegExp(`Imported Two ${runId}`));

  const history = page.getByRole('table', { name: 'Past imports' });
  const rows = history.getByRole('row').filter({ hasText: importFile.name });
  await eventually(async () => assert.equal(await rows.count(), 2));
});

step('the manager exports the customers the current filter shows', async () => {
  await page.goto(`/customers?q=${encodeURIComponent(`Imported`)}&ownerId=none`);
  await page.getByRole('link', { name: `Imported One ${runId}` }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to CSV' }).click()]);

  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, new RegExp(`Imported One ${runId}`));
  assert.match(csv, new RegExp(`Imported Two ${runId}`));
  assert.doesNotMatch(csv, new RegExp(buyer.name));
});

step('the manager opens Statistics and sees the charts drawn with the period’s figures', async () => {
  await mainNav().getByRole('link', { name: 'Statistics' }).click();
  await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
  for (const name of ['Churn by reason', 'Churn by month', 'Customers reaching each stage']) {
    const figure = page.getByRole('figure', { name });
    await figure.waitFor();
    // A chart draws when it comes near the screen.
    await figure.scrollIntoViewIfNeeded();
    const svg = figure.locator('.chart-box svg');
    await svg.waitFor();
    await eventually(async () => {
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 0 && box.height > 0, `${name} has a size`);
      assert.ok((await svg.locator('path').count()) > 0, `${name} draws something`);
    });
  }
  // The pool release earlier in the story has a reason; the imports reached the first stage.
  const reasons = page.getByRole('figure', { name: 'Churn by reason' });
  await reasons.getByText('Show the figures as a table').click();
  assert.ok((await reasons.getByRole('row').count()) >= 2);
  const funnel = page.getByRole('figure', { name: 'Customers reaching each stage' });
  await funnel.getByText('Show the figures as a table').click();
  // The first cell of each stage's row is how many reached it: the imported customers did.
  const reached = await funnel.locator('tbody tr td:first-of-type').allTextContents();
  assert.ok(reached.map(Number).reduce((sum, count) => sum + count, 0) >= 2, 'the new customers reached a stage');
  const reps = page.getByRole('region', { name: 'Per rep' });
  await reps.getByRole('row', { name: new RegExp(rep.name) }).waitFor();
});
// ==== end spa-io ====
// ==== BEGIN spa-cust block: lost and reactivate, transfer to a teammate, merge duplicates and undo ====
// Self-contained: it logs in itself (in English) and makes its own customers; it needs only the users of the
// story above (admin, the manager `rep`, the sales rep `seller`).

async function custLogIn(email, secret = password) {
  await page.goto('/logout');
  await page.getByRole('heading', { name: /Log in to Harbor CRM|登录/ }).waitFor();
  await page.evaluate(() => localStorage.setItem('harbor.locale', 'en'));
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /^(Agenda|My customers|Customers)$/, level: 1 }).waitFor();
}

/** Calls the API as the signed-in user (their session cookie): setting up data the step is not about. */
async function custApi(method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'X-Requested-By': 'harbor-e2e', ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: response.status === 204 ? null : await response.json() };
    },
    { method, path, body },
  );
}

const lostBuyer = `Lena Lost ${runId}`;

step('the admin marks a customer lost with a reason, sees it in the timeline, and reactivates it', async () => {
  await custLogIn(admin.email);
  const created = await custApi('POST', '/api/v1/customers', { name: lostBuyer, email: `lena-${runId}@lost.example` });
  assert.equal(created.status, 201);
  await page.goto(`/customers/${created.body.id}`);
  await page.getByRole('heading', { name: lostBuyer, level: 1 }).waitFor();

  const status = page.getByRole('region', { name: 'Status' });
  await status.getByText('Being worked on.').waitFor();
  await status.getByRole('button', { name: 'Mark as lost…' }).click();
  const form = page.getByRole('form', { name: 'Mark as lost' });
  await form.getByRole('button', { name: 'Mark as lost' }).click();
  await form.getByText('Choose why this customer is lost.').waitFor();
  await form.getByLabel('Reason').selectOption({ label: 'Price' });
  await form.getByLabel('Note (optional)').fill('Went with a cheaper supplier');
  await form.getByRole('button', { name: 'Mark as lost' }).click();
  await status.getByText(/Marked as lost: no return timers/).waitFor();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await timeline.getByText('Marked as lost: reason “Price”. Note: Went with a cheaper supplier').waitFor();

  await status.getByRole('button', { name: 'Reactivate' }).click();
  await status.getByText('Being worked on.').waitFor();
  await timeline.getByText('Reactivated', { exact: true }).waitFor();
  // Stored on the server, not only shown:
  assert.equal((await custApi('GET', `/api/v1/customers/${created.body.id}`)).body.status, 'ACTIVE');

  // Giving it back to the pool still asks for a reason, and the timeline says which.
  await page.getByRole('button', { name: 'Give back to the pool…' }).click();
  const release = page.getByRole('form', { name: 'Give back to the pool' });
  await release.getByLabel('Reason').selectOption({ label: 'Price' });
  await release.getByRole('button', { name: 'Give back to the pool' }).click();
  await page.getByText('This customer is in the pool: nobody owns it yet.').waitFor();
  await timeline.getByText('Given back to the pool: reason “Price”.').waitFor();
});

const transferBuyer = `Tom Transfer ${runId}`;

step('a manager transfers a customer to a sales rep picked by name', async () => {
  await custLogIn(rep.email);
  const created = await custApi('POST', '/api/v1/customers', { name: transferBuyer });
  assert.equal(created.status, 201);
  await page.goto(`/customers?q=${encodeURIComponent(transferBuyer)}`);
  await page.getByRole('checkbox', { name: `Select ${transferBuyer}` }).check();
  const bar = page.getByRole('form', { name: 'Change the selected customers' });
  await bar.getByLabel('Action').selectOption({ label: 'Transfer to…' });
  const target = bar.getByLabel('Give to');
  await target.getByRole('option', { name: `${seller.name} (Sales rep)` }).waitFor({ state: 'attached' });
  await target.selectOption({ label: `${seller.name} (Sales rep)` });
  await bar.getByRole('button', { name: 'Apply to selected' }).click();
  // Every batch action is confirmed, naming how many customers and whom.
  await page.getByRole('alertdialog', { name: `Transfer 1 customer to ${seller.name}?` })
    .getByRole('button', { name: 'Apply to 1 customer' }).click();
  await toasts().getByText(/Done: 1 customer selected, 1 changed/).waitFor();

  const team = (await custApi('GET', '/api/v1/team')).body.items;
  const sellerId = team.find((member) => member.name === seller.name)?.id;
  assert.ok(sellerId, 'the rep is on the team list');
  assert.equal((await custApi('GET', `/api/v1/customers/${created.body.id}`)).body.ownerId, sellerId);
  await page.getByRole('link', { name: transferBuyer }).click();
  await page.getByRole('list', { name: 'Timeline' }).getByText('Transferred to another owner').waitFor();
});

const dupEmail = `ana-${runId}@souza.example`;
const dupOriginal = `Ana Souza ${runId}`;
const dupCopy = `Ana S ${runId}`;

step('the manager creates a duplicate anyway, merges the two, and undoes the merge', async () => {
  for (const [name, anyway] of [
    [dupOriginal, false],
    [dupCopy, true],
  ]) {
    await page.goto('/customers/new');
    await page.getByRole('heading', { name: 'New customer', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email', { exact: true }).fill(dupEmail);
    await page.getByRole('button', { name: 'Create customer' }).click();
    if (anyway) {
      // The 409 names the existing customer with a link, and lets the user go on.
      const alert = page.getByRole('alert').filter({ hasText: 'This looks like a customer you already have' });
      await alert.getByRole('link', { name: dupOriginal }).waitFor();
      await alert.getByRole('button', { name: 'Create anyway' }).click();
    }
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  await mainNav().getByRole('link', { name: 'Duplicates' }).click();
  await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
  await page.getByRole('button', { name: `Review the group ${dupEmail}` }).click();
  const panel = page.getByRole('form', { name: `Merge the customers sharing ${dupEmail}` });
  // The oldest is kept by default.
  assert.equal(await panel.getByRole('radio', { name: dupOriginal }).isChecked(), true);
  await panel.getByRole('button', { name: 'Merge 1…' }).click();
  await page.getByRole('alertdialog', { name: `Merge 1 customer into ${dupOriginal}?` }).getByRole('button', { name: 'Merge' }).click();
  await page.getByText(`Merged 1 customer into ${dupOriginal}.`).waitFor();
  await eventually(async () => assert.equal(await page.getByRole('button', { name: `Review the group ${dupEmail}` }).count(), 0));

  await page.getByRole('button', { name: 'Undo the merge' }).click();
  await toasts().getByText(`Merge undone: 1 customer is back, and ${dupOriginal} has its details from before.`).waitFor();
  // Both records are back: the group is listed again.
  await page.getByRole('button', { name: `Review the group ${dupEmail}` }).waitFor();
  const found = await custApi('GET', `/api/v1/customers?q=${encodeURIComponent(runId)}&limit=50`);
  const names = found.body.items.map((item) => item.name);
  assert.ok(names.includes(dupOriginal) && names.includes(dupCopy), `both customers exist again: ${names}`);
});

step('a script stored in a customer never runs nor reaches the session, and logging out ends it at once', async () => {
  const planted = `<img src=x onerror="window.__harborXss=1"><script>window.__harborXss=2</script>`;
  const created = await custApi('POST', '/api/v1/customers', {
    name: `Mallory ${runId} ${planted}`,
    companyName: `<svg onload="window.__harborXss=3">`,
    notes: `<script>fetch('/steal?c='+document.cookie)</script>`,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await page.goto(`/customers/${created.body.id}`);
  await page.getByRole('heading', { name: new RegExp(`Mallory ${runId}`), level: 1 }).waitFor();
  await page.getByRole('tab', { name: 'Customer file' }).click();
  await page.getByText("fetch('/steal?c='+document.cookie)", { exact: false }).waitFor();
  const seen = await page.evaluate(() => ({
    xss: window.__harborXss ?? null,
    cookie: document.cookie,
    stored: Object.keys(localStorage).map((key) => localStorage.getItem(key)).join(' '),
  }));
  assert.equal(seen.xss, null, 'no planted script ran');
  assert.ok(!/harbor_session/.test(seen.cookie), `the session cookie is out of reach of scripts: ${seen.cookie}`);
  assert.ok(!/eyJ[\w-]+\.[\w-]+\./.test(seen.stored), 'no token is kept where scripts can read it');
  // A write riding on the cookie without the app's header (another site's form) is refused.
  const forged = await page.evaluate(async () => (await fetch('/api/v1/tags', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'forged', color: '#000000' }),
  })).status);
  assert.equal(forged, 403);

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Log in to Harbor CRM' }).waitFor();
  await eventually(async () => assert.equal(await page.evaluate(async () => (await fetch('/api/v1/me')).status), 401));
  await custLogIn(rep.email);
});
// ==== END spa-cust block ====
// ==== BEGIN tour block: the newcomer's tour of the README ("What to try first") on the seeded demo store ====
// The backend of these tests opens the demo store at start-up as `make run` does (servers.mjs): fifteen months of
// business up to yesterday. Numbers are read from the screens and checked against each other, not hard-coded.

const demo = { rep: 'rep@demo.harbor-crm.dev', manager: 'manager@demo.harbor-crm.dev', password: 'harbor-demo' };


/** "Returns to the pool in 12 days: no follow-up" → 12 (0 for today). */
function daysLeft(text) {
  const match = /Returns to the pool (?:in (\d+) days?|today)/.exec(text);
  assert.ok(match, `a return timer in: ${text}`);
  return Number(match[1] ?? 0);
}

let tourClaimed;

step('tour: the demo rep claims a customer from the pool, contacts hidden until then, and finds it in My customers', async () => {
  await custLogIn(demo.rep, demo.password);
  await mainNav().getByRole('link', { name: 'Pool', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Pool' }).locator('tbody tr');
  await eventually(async () => assert.ok((await rows.count()) >= 20, 'the demo pool holds customers'));
  // The best-scored customers first; one the rep gave back days ago is not hers to claim yet (the cooldown rule):
  // the screen says so, and she takes the next.
  const done = toasts().getByText('Claimed 1 customer: it is yours now.');
  for (let i = 0; i < 10 && !tourClaimed; i++) {
    const row = rows.nth(i);
    const name = (await row.getByRole('link').first().textContent()).trim();
    assert.match(await row.textContent(), /\*\*\*/, 'contacts are masked before the claim');
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/pool/claim')),
      row.getByRole('button', { name: `Claim ${name}` }).click(),
    ]);
    if ((await answer.json()).claimed.length === 1) tourClaimed = name;
    else await page.getByText(/could not be claimed/).waitFor();
  }
  await done.waitFor();
  await toasts().getByRole('link', { name: 'Open My customers' }).click();
  await page.getByRole('heading', { name: 'My customers', level: 1 }).waitFor();
  await page.getByRole('search').getByLabel('Search', { exact: true }).fill(tourClaimed);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  const mine = page.getByRole('row').filter({ hasText: tourClaimed }).first();
  await mine.waitFor();
  assert.ok(daysLeft(await mine.textContent()) >= 1, 'the claimed customer has a return timer');
});

step('tour: the claim is in the customer’s timeline', async () => {
  await page.getByRole('link', { name: tourClaimed }).first().click();
  await page.getByRole('heading', { name: tourClaimed, level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Timeline' }).getByText('Claimed from the pool').first().waitFor();
  // Claimed, the customer's contacts are no longer masked.
  assert.doesNotMatch(await page.locator('main').textContent(), /\*\*\*/);
});

step('tour: a follow-up puts off the return of a customer about to go back to the pool', async () => {
  // The rep's customer returning soonest for lack of follow-up (found through the API: picking it is not the point).
  const mine = (await custApi('GET', '/api/v1/customers?limit=200')).body.items;
  const due = mine
    .filter((c) => c.status === 'ACTIVE' && c.poolReturn?.rule === 'NO_FOLLOW_UP')
    .sort((a, b) => a.poolReturn.at.localeCompare(b.poolReturn.at))[0];
  assert.ok(due, 'the demo rep has customers the no-follow-up rule will return');
  await page.goto(`/customers/${due.id}`);
  await page.getByRole('heading', { name: due.name, level: 1 }).waitFor();
  const timer = page.getByText(/Returns to the pool (in|today)/).first();
  const before = daysLeft(await timer.textContent());
  assert.ok(before < 30, `returns within the rule's 30 days: ${before}`);

  await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Call' });
  await page.getByLabel('What happened').fill(`Called about the next order (${runId})`);
  await page.getByLabel('What happened').press('Control+Enter');
  await toasts().getByText('Follow-up recorded.').waitFor();
  await eventually(async () => assert.ok(daysLeft(await timer.textContent()) > before, 'the timer was put off'));
  const after = (await custApi('GET', `/api/v1/customers/${due.id}`)).body.poolReturn;
  assert.ok(after.at > due.poolReturn.at, `returns later than ${due.poolReturn.at}: ${after.at}`);
});

step('tour: the demo manager assigns pool customers to a rep', async () => {
  await custLogIn(demo.manager, demo.password);
  await mainNav().getByRole('link', { name: 'Pool', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Pool' }).locator('tbody tr');
  await eventually(async () => assert.ok((await rows.count()) >= 2));
  const names = [];
  for (const row of [rows.nth(0), rows.nth(1)]) {
    names.push((await row.getByRole('link').first().textContent()).trim());
    await row.getByRole('checkbox').check();
  }
  const assign = page.getByRole('form', { name: 'Assign the selected customers' });
  await assign.getByLabel('Give to').selectOption({ label: 'Sofia Lopez (Sales rep)' });
  await assign.getByRole('button', { name: 'Assign 2' }).click();
  await toasts().getByText('Gave 2 customers to Sofia Lopez.').waitFor();
  for (const name of names) {
    const found = (await custApi('GET', `/api/v1/customers?q=${encodeURIComponent(name)}&limit=5`)).body.items;
    assert.ok(found.some((c) => c.name === name && c.ownerId !== null), `${name} has an owner now`);
  }
});

step('tour: the demo manager reads twelve months of statistics that add up', async () => {
  await mainNav().getByRole('link', { name: 'Statistics' }).click();
  await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
  await page.getByLabel('Last 12 months').check();
  await page.getByText(/Showing .* to .*, both included/).waitFor();
  const tile = async (name) => {
    const text = await page.locator('.stat-tile').filter({ has: page.getByText(name, { exact: true }) }).locator('dd').textContent();
    return Number(text.replace(/[^0-9.]/g, ''));
  };
  // Each section loads the new period on its own: read once all of them show twelve months.
  await page.getByText(/Showing \w+ \d+, \d{4} to/).waitFor();
  // The tiles of the previous period can still be on screen for a moment after the sections report loaded:
  // read all four together until they agree, as they must once the year is shown.
  let lost;
  let released;
  let returned;
  await eventually(async () => {
    let churned;
    [lost, released, returned, churned] = [await tile('Lost'), await tile('Released'),
      await tile('Returned by the rules'), await tile('Churned in all')];
    assert.ok(lost > 0 && released > 0 && returned > 0, `a year of churn: ${[lost, released, returned]}`);
    assert.equal(await page.locator('section[aria-busy="true"]').count(), 0, 'every section has loaded');
    assert.ok((await page.getByRole('figure', { name: 'Churn by month' }).locator('tbody tr').count()) >= 12);
    assert.equal(churned, lost + released + returned, 'churned in all is lost + released + returned');
  }, 20_000);
  assert.ok((await tile('Churn rate')) > 0);

  const months = page.getByRole('figure', { name: 'Churn by month' });
  await months.getByText('Show the figures as a table').click();
  assert.ok((await months.locator('tbody tr').count()) >= 12, 'a row per month');
  const monthRates = await months.locator('tbody tr td:last-of-type').allTextContents();
  assert.ok(monthRates.filter((rate) => /[1-9]/.test(rate)).length >= 10, `churn in most months: ${monthRates}`);

  const funnel = page.getByRole('figure', { name: 'Customers reaching each stage' });
  await funnel.getByText('Show the figures as a table').click();
  const reached = {};
  for (const row of await funnel.locator('tbody tr').all()) {
    const stage = (await row.locator('th').textContent()).trim();
    reached[stage] = Number((await row.locator('td').first().textContent()).replace(/[^0-9]/g, ''));
  }
  assert.ok(reached.Inquiry > reached['Sample order'] && reached['Sample order'] > reached.Transaction
    && reached.Transaction > 0, `the funnel narrows: ${JSON.stringify(reached)}`);

  // Per rep: every rep worked, and the reps' lost, released and returned customers are the store's. Read the
  // tiles again with the table, until both show the year (a section can still hold the previous period's figures).
  const table = page.getByRole('region', { name: 'Per rep' }).getByRole('table');
  await eventually(async () => {
    const header = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const column = (name) => header.indexOf(name);
    const totals = { Lost: 0, Released: 0, 'Returned by the rules': 0 };
    const followUps = [];
    for (const row of await table.locator('tbody tr').all()) {
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
      if (/Rep|Chen|Sofia/.test(cells[0])) followUps.push(Number(cells[column('Follow-ups')].replace(/[^0-9]/g, '')));
      for (const name of Object.keys(totals)) totals[name] += Number(cells[column(name)].replace(/[^0-9]/g, ''));
    }
    assert.equal(followUps.length, 4, 'four reps');
    assert.ok(followUps.every((n) => n > 0) && new Set(followUps).size === 4, `reps differ: ${followUps}`);
    [lost, released, returned] = [await tile('Lost'), await tile('Released'), await tile('Returned by the rules')];
    assert.deepEqual(totals, { Lost: lost, Released: released, 'Returned by the rules': returned });
  }, 20_000);
});
// ==== END tour block ====
// ==== Phone width: no screen scrolls sideways at 390 px (issue 19, item 7) ====

/** How far the page sticks out of the viewport, and the outermost elements that stick out; null when it fits. */
function sidewaysOverflow() {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const excess = document.documentElement.scrollWidth - width;
    if (excess <= 0) return null;
    const out = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1);
    const outermost = out.filter((e) => !out.includes(e.parentElement)).slice(0, 3);
    return `${excess} px too wide: ${outermost.map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">`).join(', ')}`;
  });
}

const everyonesScreens = [
  '/agenda', '/settings/notifications', '/customers', '/pool', '/pipeline', '/profile', '/stats', '/customers/new', '/products', '/orders', '/inquiries',
  '/activity',
];
const managersScreens = ['/imports', '/settings/tags', '/settings/pool-rules', '/settings/pools', '/duplicates', '/duplicates?tab=history',
  '/products/new'];
const adminsScreens = ['/settings/custom-fields', '/settings/users', '/settings/lost-reasons', '/settings/store',
  '/settings/api-keys', '/settings/webhooks', '/settings/plan-templates'];

// axe-core, run inside the page (its Playwright wrapper needs Node 22): WCAG 2.1 A and AA.
const axeSource = readFileSync(join(import.meta.dirname, '../node_modules/axe-core/axe.min.js'), 'utf8');

/** The serious and critical WCAG 2.1 AA violations of the page as it is now, one line each. */
async function accessibilityViolations() {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return violations;
}

// A product with stock and a draft quotation of the demo rep's, so that the product and order pages (and the order
// editor) are among the screens measured below.
step('phone: the demo store has a product in stock and a quotation for the phone screens to show', async () => {
  await custLogIn('admin@demo.harbor-crm.dev', demo.password);
  const product = await custApi('POST', '/api/v1/products', {
    sku: `E2E-LAMP-${runId}`,
    name: `LED desk lamp with a long name that must wrap on a phone ${runId}`,
    category: 'Lighting',
    listPrice: '12.50',
    currency: 'USD',
    moq: 50,
  });
  assert.equal(product.status, 201, JSON.stringify(product.body));
  const receipt = await custApi('POST', `/api/v1/products/${product.body.id}/stock-movements`, {
    kind: 'RECEIVED',
    quantity: 40,
    note: 'Container MSCU 1234567',
  });
  assert.equal(receipt.status, 201, JSON.stringify(receipt.body));

  await custLogIn(demo.rep, demo.password);
  const [own] = (await custApi('GET', '/api/v1/customers?ownerId=me&limit=1')).body.items;
  assert.ok(own, 'the demo rep owns customers');
  const quotation = await custApi('POST', `/api/v1/customers/${own.id}/orders`, {
    kind: 'QUOTATION',
    currency: 'USD',
    incoterm: 'FOB',
    lines: [
      { productId: product.body.id, quantity: 60, discountPercent: '5' },
      { description: 'Sea freight Ningbo to Hamburg, 1 × 20 ft container', quantity: 1, unitPrice: '850' },
    ],
  });
  assert.equal(quotation.status, 201, JSON.stringify(quotation.body));
  // 60 × 12.50 less 5 % = 712.50, plus 850 freight: the server's totals.
  assert.equal(quotation.body.total, '1562.50');
});

// Each screen as the roles that see it differently: the shared screens as a rep and as a manager (who gets more
// controls on them), the manager's screens as a manager, the admin's own as the admin; the rep and the manager also
// open a customer, a pool customer, a product, an order and the order editor. An admin sees the shared and manager
// screens as a manager does: walking them a third time took about two of CI's 40 minutes.
for (const [who, email, screens] of [
  ['rep', demo.rep, everyonesScreens],
  ['manager', demo.manager, [...everyonesScreens, ...managersScreens]],
  ['admin', 'admin@demo.harbor-crm.dev', adminsScreens],
]) {
  for (const locale of ['en', 'zh-CN']) {
    step(`phone: the demo ${who}'s screens fit 390 px without sideways scrolling and pass axe (${locale})`, async () => {
      await custLogIn(email, demo.password);
      const desktop = page.viewportSize();
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        // a customer of one's own and one in the pool (their pages differ), a product's page and an order's page
        const pages = [];
        if (who !== 'admin') {
          for (const list of ['/customers', '/pool', '/products', '/orders']) {
            await page.goto(list);
            pages.push(await page.locator('tbody tr a').first().getAttribute('href'));
          }
          const [ownCustomer, , , order] = pages;
          // the order editor, new and on the draft quotation written for these steps
          pages.push(`${ownCustomer}/orders/new?kind=QUOTATION`, `${order}/edit`);
        }
        await page.evaluate((l) => localStorage.setItem('harbor.locale', l), locale);
        const tooWide = [];
        const inaccessible = [];
        for (const screen of [...screens, ...pages]) {
          await page.goto(screen);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          // the lists and figures arrive; a screen that polls (an import running) never goes quiet
          await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
          const overflow = await sidewaysOverflow();
          if (overflow) tooWide.push(`${screen}: ${overflow}`);
          for (const violation of await accessibilityViolations()) inaccessible.push(`${screen}: ${violation}`);
        }
        assert.deepEqual(tooWide, [], `at 390 px (${locale})`);
        assert.deepEqual(inaccessible, [], `axe, serious or critical (${locale})`);
      } finally {
        await page.evaluate(() => localStorage.setItem('harbor.locale', 'en'));
        await page.setViewportSize(desktop);
      }
    }, 240_000);
  }
}

// ==== Lighthouse (issue "web app workspace", item 9) ====
// The customer grid and statistics of the demo store, as its manager sees them, served as production serves them
// (gzip, immutable assets: static-server.mjs): desktop performance, accessibility and best practices ≥ 90, no
// layout shift above 0.1. Runs whatever the story did: it needs only the demo store. JSON reports in test-results/.
test('Lighthouse (desktop): customers and statistics score ≥ 90 on performance, accessibility and best practices, CLS ≤ 0.1', {
  timeout: 420_000,
}, async () => {
  const results = await lighthouse({
    origin: compressedUrl,
    paths: ['/customers', '/stats'],
    email: demo.manager,
    password: demo.password,
    resultsDir,
  });
  for (const result of results) console.log(`lighthouse ${describeLighthouse(result)}`);
  assert.deepEqual(results.flatMap((result) => result.failures.map((failure) => `${result.path}: ${failure}`)), []);
});

// Runs even after a failed step: the contract violations Prism saw explain many failures.
test('every request of the SPA and every answer of the backend kept to openapi.yaml (Prism)', () => {
  assert.deepEqual(contractViolations(), []);
});
