// Browser tests: the built backend and SPA, driven in Debian's Chromium through playwright-core.
// Usage: npm run e2e   (needs PostgreSQL with the harbor_e2e database: `make e2e` prepares everything)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import {
  assertPortsFree,
  backendJar,
  baseUrl,
  buildSpa,
  contractViolations,
  jarMissing,
  resultsDir,
  startBackend,
  startContractProxy,
  startPreview,
  stopServers,
} from './servers.mjs';

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
function step(name, body) {
  test(name, { timeout: 30_000 }, async (t) => {
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

step('an admin opens a store from the sign-up screen and lands on My customers', async () => {
  await page.goto('/signup');
  await page.getByLabel('Store name').fill(`E2E Trading ${runId}`);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Open my store' }).click();

  await page.getByRole('heading', { name: 'My customers', level: 1 }).waitFor();
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

  await page.getByRole('status').getByText(`${rep.name} was added`).waitFor();
  const row = page.getByRole('table', { name: 'All users' }).getByRole('row').filter({ hasText: rep.email });
  await row.waitFor();
  const role = row.getByRole('combobox', { name: `Role of ${rep.name}` });
  assert.equal(await role.inputValue(), 'REP');
  assert.match(await row.textContent(), /Active/);

  await role.selectOption({ label: 'Manager' });
  await page.getByRole('status').getByText(`${rep.name} is now Manager.`).waitFor();

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

  await page.getByRole('heading', { name: 'My customers', level: 1 }).waitFor();
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
  await mainNav().getByRole('link', { name: 'My customers' }).click();
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByRole('heading', { name: 'New customer', level: 1 }).waitFor();

  await page.getByLabel('Name', { exact: true }).fill(buyer.name);
  await page.getByLabel('Company', { exact: true }).fill('Miller Hardware Imports LLC');
  await page.getByLabel('Email', { exact: true }).fill(buyer.email);
  await page.getByLabel('Country', { exact: true }).selectOption('US');
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

  await page.getByRole('status').getByText('Follow-up recorded.').waitFor();
  const first = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first();
  await eventually(async () => assert.match(await first.textContent(), new RegExp(`Quotation.*${runId}`)));

  // Stored on the server, and listed under My customers with its last follow-up:
  await page.reload();
  await page.getByRole('list', { name: 'Timeline' }).getByText(content).waitFor();
  await mainNav().getByRole('link', { name: 'My customers' }).click();
  const row = page.getByRole('row').filter({ hasText: buyer.name });
  await row.waitFor();
  assert.doesNotMatch(await row.textContent(), /—\s*—/);
});

step('the manager screens customers through the URL and saves the screen as a view', async () => {
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/customers?q=${encodeURIComponent(runId)}&stage=INQUIRY&createdFrom=${today}&hasEmail=true&sort=-score&includeTotal=true`);
  await page.getByRole('link', { name: buyer.name }).waitFor();
  await page.getByText('1 customers match').waitFor();

  await page.getByLabel('View name').fill(`Hot ${runId}`);
  await page.getByRole('button', { name: 'Save current filters' }).click();
  await page.getByText(`Saved the view “Hot ${runId}”.`).waitFor();

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
  await page.getByRole('heading', { name: 'My customers', level: 1 }).waitFor();
}

step('the manager gives the customer back to the pool with a reason', async () => {
  // The language is remembered: back to English for the rest of the story.
  await page.getByLabel('语言').selectOption({ label: 'English' });
  await mainNav().getByRole('link', { name: 'My customers' }).click();
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
  await page.getByRole('status').getByText(`${seller.name} was added`).waitFor();
});

step('the rep claims the customer from the pool and sees it in My customers with its return timer', async () => {
  await logInAs(seller.email);
  await mainNav().getByRole('link', { name: 'Pool' }).click();
  await page.getByRole('heading', { name: 'Pool', level: 1 }).waitFor();
  const row = page.getByRole('table', { name: 'Pool' }).getByRole('row').filter({ hasText: buyer.name });
  // A rep sees the contacts masked until they claim.
  await eventually(async () => assert.match(await row.textContent(), /j\*+@millerhardware\.example/));
  assert.doesNotMatch(await row.textContent(), new RegExp(buyer.email));

  await row.getByRole('button', { name: `Claim ${buyer.name}` }).click();
  await page.getByText('Claimed 1 customers: they are yours now.').waitFor();
  await page.getByRole('link', { name: 'Open My customers' }).click();
  const mine = page.getByRole('row').filter({ hasText: buyer.name });
  await mine.waitFor();
  assert.match(await mine.textContent(), /Returns to the pool in 30 days: no follow-up/);
});

step('the rep’s overdue follow-up shows in the reminders badge and on the Reminders screen', async () => {
  await page.getByRole('link', { name: buyer.name }).click();
  await page.getByRole('heading', { name: buyer.name, level: 1 }).waitFor();
  // The contacts are whole now that the customer is theirs.
  await page.getByText(buyer.email).first().waitFor();
  const customerId = Number(new URL(page.url()).pathname.split('/').pop());
  // A follow-up just done, with the next one planned a second ago (so overdue): the form plans whole days
  // (9:00), which would make this step depend on the hour it runs.
  const status = await page.evaluate(async (id) => {
    const { token } = JSON.parse(localStorage.getItem('harbor.session'));
    const now = Date.now();
    const response = await fetch(`/api/v1/customers/${id}/follow-ups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
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
  const badge = page.getByRole('banner').getByRole('link', { name: 'Reminders: 1 need attention' });
  await badge.waitFor();
  await badge.click();
  await page.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
  const overdue = page.getByRole('region', { name: /Overdue follow-ups/ });
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
  await page.getByText('Pool rules saved.').waitFor();
  await page.reload();
  await eventually(async () => assert.equal(await page.getByLabel('Days without follow-up', { exact: true }).inputValue(), '5'));

  // The customer's timer follows the new rule.
  await page.goto(`/customers?q=${encodeURIComponent(runId)}`);
  await page.getByRole('link', { name: buyer.name }).click();
  await page.getByText('Returns to the pool in 5 days: no follow-up').waitFor();
});

// Runs even after a failed step: the contract violations Prism saw explain many failures.
test('every request of the SPA and every answer of the backend kept to openapi.yaml (Prism)', () => {
  assert.deepEqual(contractViolations(), []);
});
