// Prints the gzipped size of the JavaScript that dist/index.html loads up front
// (entry scripts and their modulepreloads; lazy chunks excluded) and fails above the budget.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1000;
const distDir = resolve(import.meta.dirname, '../dist');
const indexHtml = join(distDir, 'index.html');

if (!existsSync(indexHtml)) {
  console.error('size: dist/index.html not found: run npm run build first.');
  process.exit(1);
}

const html = readFileSync(indexHtml, 'utf8');
const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
const initialScripts = new Set();
for (const tag of tags) {
  const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
  const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
  const url = tag.match(/(?:src|href)="([^"]+)"/)?.[1];
  if ((isEntry || isPreload) && url?.endsWith('.js')) initialScripts.add(url);
}

if (initialScripts.size === 0) {
  console.error('size: no initial script found in dist/index.html.');
  process.exit(1);
}

let total = 0;
for (const url of initialScripts) {
  const bytes = gzipSync(readFileSync(join(distDir, url.replace(/^\//, ''))), { level: 9 }).length;
  total += bytes;
  console.log(`${(bytes / 1000).toFixed(1).padStart(8)} kB  ${url}`);
}
const verdict = total <= BUDGET_BYTES ? 'ok' : 'OVER BUDGET';
console.log(`${(total / 1000).toFixed(1).padStart(8)} kB  initial JS, gzipped (budget ${BUDGET_BYTES / 1000} kB): ${verdict}`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);
