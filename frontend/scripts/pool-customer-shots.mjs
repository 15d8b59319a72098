// Review screenshots of the customer page as a rep sees it: a pool customer (read-only until claimed) and one of
// their own (purchase intention shown), at desktop and phone width, in English and Chinese, from a running
// `make run`:  SHOTS_DIR=/tmp/shots node scripts/pool-customer-shots.mjs [http://localhost:5173]
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:5173';
const out = process.env.SHOTS_DIR ?? '/tmp/shots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });

for (const [locale, width] of [['en', 1280], ['zh-CN', 1280], ['en', 390], ['zh-CN', 390]]) {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.evaluate((l) => localStorage.setItem('harbor.locale', l), locale);
  await page.goto(`${base}/login`);
  await page.locator('input[type=email]').fill('rep@demo.harbor-crm.dev');
  await page.locator('input[type=password]').fill('harbor-demo');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  for (const [name, list] of [['pool', '/pool'], ['own', '/customers?sort=-score']]) {
    await page.goto(base + list);
    await page.waitForLoadState('networkidle');
    await page.goto(base + (await page.locator('tbody a[href^="/customers/"]').first().getAttribute('href')));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/${name}-customer-${locale}-${width}.png`, fullPage: process.env.SHOTS_FULL !== '0' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${name} ${locale} ${width}: horizontal overflow ${overflow} px`);
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
