// The README's screenshots, taken from a running `make run` (the demo store) in Debian's Chromium:
//   node scripts/readme-screenshots.mjs [http://localhost:5173]  → docs/screenshots/{pool,pool-phone,customer,stats}.png
// With SHOTS_DIR=/tmp/x it writes every screen at desktop and phone width, in English and Chinese, for review.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:5173';
const review = process.env.SHOTS_DIR;
const out = resolve(review ?? resolve(import.meta.dirname, '../../docs/screenshots'));
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

async function logIn(email, locale, width) {
  const context = await browser.newContext({ locale, viewport: { width, height: width < 500 ? 844 : 860 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.evaluate((l) => localStorage.setItem('harbor.locale', l), locale === 'en-US' ? 'en' : locale);
  await page.goto(`${base}/login`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill('harbor-demo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
}

const variants = review ? [['en-US', 1280], ['zh-CN', 1280], ['en-US', 390], ['zh-CN', 390]] : [['en-US', 1280]];
for (const [locale, width] of variants) {
  const suffix = review ? `-${locale}-${width}` : '';
  const rep = await logIn('rep@demo.harbor-crm.dev', locale, width);
  await rep.goto(`${base}/pool`);
  await settle(rep);
  await rep.screenshot({ path: `${out}/pool${suffix}.png` });
  if (review) {
    // A pool customer's page as the rep reads it before claiming: values, no editing controls.
    await rep.goto(base + (await rep.locator('tbody a[href^="/customers/"]').first().getAttribute('href')));
    await settle(rep);
    await rep.screenshot({ path: `${out}/pool-customer${suffix}.png`, fullPage: width > 500 });
  }
  // The rep's best customer: the ownership card, the follow-up form, a long timeline.
  await rep.goto(`${base}/customers?sort=-score`);
  await settle(rep);
  await rep.goto(base + (await rep.locator('tbody a[href^="/customers/"]').first().getAttribute('href')));
  await settle(rep);
  await rep.screenshot({ path: `${out}/customer${suffix}.png`, fullPage: !review || width > 500 });
  const manager = await logIn('manager@demo.harbor-crm.dev', locale, width);
  await manager.goto(`${base}/stats`);
  await settle(manager);
  await manager.getByRole('radio').nth(2).check();
  await settle(manager);
  await manager.screenshot({ path: `${out}/stats${suffix}.png`, fullPage: true });
  await rep.context().close();
  await manager.context().close();
}
if (!review) {
  // The pool on a phone: cards, each claimable with a thumb.
  const phone = await logIn('rep@demo.harbor-crm.dev', 'en-US', 390);
  await phone.goto(`${base}/pool`);
  await settle(phone);
  // from the search box down: the cards fill the rest of the screen
  await phone.evaluate(() => window.scrollTo(0, document.querySelector('form').getBoundingClientRect().top + window.scrollY - 12));
  await phone.screenshot({ path: `${out}/pool-phone.png` });
  await phone.context().close();
}
await browser.close();
console.log(`screenshots in ${out}`);
