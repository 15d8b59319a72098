// Fails when src/lib/api/schema.d.ts is not what `npm run gen:api` makes from the contract.
// Usage: node scripts/check-api.mjs [path/to/openapi.yaml]   (default: ../openapi.yaml)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const frontendDir = resolve(import.meta.dirname, '..');
const spec = resolve(frontendDir, process.argv[2] ?? '../openapi.yaml');
const committed = join(frontendDir, 'src/lib/api/schema.d.ts');

if (!existsSync(spec)) {
  console.error(`check:api: the contract ${spec} does not exist.`);
  process.exit(1);
}

// The package's exports map hides its bin, so it is addressed by path.
const cli = join(frontendDir, 'node_modules/openapi-typescript/bin/cli.js');
const tempDir = mkdtempSync(join(tmpdir(), 'harbor-schema-'));
const generated = join(tempDir, 'schema.d.ts');
try {
  const run = spawnSync(process.execPath, [cli, spec, '-o', generated], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(`check:api: openapi-typescript failed:\n${run.stderr || run.stdout}`);
    process.exit(1);
  }
  const normalise = (text) => text.replace(/\r\n/g, '\n');
  const current = existsSync(committed) ? normalise(readFileSync(committed, 'utf8')) : '';
  if (normalise(readFileSync(generated, 'utf8')) !== current) {
    console.error('schema.d.ts is stale: run npm run gen:api');
    process.exit(1);
  }
  console.log('check:api: src/lib/api/schema.d.ts matches the contract.');
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
