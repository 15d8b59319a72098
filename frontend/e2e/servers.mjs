// Starts the built backend and the built SPA (vite preview) for the browser tests, and stops them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const frontendDir = resolve(import.meta.dirname, '..');
export const resultsDir = join(frontendDir, 'test-results');
const backendDir = resolve(frontendDir, '../backend');
export const backendJar = join(backendDir, 'target/quarkus-app/quarkus-run.jar');
const viteBin = join(frontendDir, 'node_modules/vite/bin/vite.js');

// Overridable so that two checkouts on one machine can run their browser tests at the same time.
export const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT ?? 18080);
export const PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? 14173);
// Prism, the contract-validating proxy between the SPA and the backend: next to the backend's port unless given.
export const CONTRACT_PROXY_PORT = Number(process.env.E2E_CONTRACT_PROXY_PORT ?? BACKEND_PORT + 1);
// The built SPA served gzipped with production's caching headers (static-server.mjs), for the Lighthouse step.
export const COMPRESSED_PORT = Number(process.env.E2E_COMPRESSED_PORT ?? PREVIEW_PORT + 1);
const E2E_DB = process.env.E2E_DB ?? 'harbor_e2e';
export const baseUrl = `http://127.0.0.1:${PREVIEW_PORT}`;
export const compressedUrl = `http://127.0.0.1:${COMPRESSED_PORT}`;
const backendUrl = `http://127.0.0.1:${BACKEND_PORT}`;
const contractProxyUrl = `http://127.0.0.1:${CONTRACT_PROXY_PORT}`;
const contractDir = resolve(frontendDir, '../contract');
const prismBin = join(contractDir, 'node_modules/@stoplight/prism-cli/dist/index.js');

const children = new Set();

function logFile(name) {
  mkdirSync(resultsDir, { recursive: true });
  return openSync(join(resultsDir, name), 'w');
}

function start(name, command, args, options) {
  const log = logFile(`${name}.log`);
  const child = spawn(command, args, { ...options, stdio: ['ignore', log, log] });
  child.logPath = join(resultsDir, `${name}.log`);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function running(child) {
  return child.exitCode === null && child.signalCode === null;
}

function logTail(child, lines = 30) {
  try {
    return readFileSync(child.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function portInUse(port) {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Polls `probe` until it returns true, failing early when `child` dies. */
async function waitFor(child, what, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running(child)) {
      throw new Error(`${what} exited with ${child.exitCode ?? child.signalCode}; log ${child.logPath}:\n${logTail(child)}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s; log ${child.logPath}:\n${logTail(child)}`);
}

export async function assertPortsFree() {
  for (const port of [BACKEND_PORT, PREVIEW_PORT, CONTRACT_PROXY_PORT, COMPRESSED_PORT]) {
    // Something already listening would answer the health check in place of the server under test.
    if (await portInUse(port)) {
      throw new Error(`port ${port} is already in use (a previous e2e run still going?): stop that process first`);
    }
  }
}

export async function startBackend() {
  const backend = start(
    'backend',
    'java',
    [
      `-Dquarkus.http.port=${BACKEND_PORT}`,
      `-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/${E2E_DB}`,
      '-Dquarkus.datasource.username=harbor_test',
      '-Dquarkus.datasource.password=harbor_test',
      '-Dquarkus.flyway.clean-at-start=true',
      '-Dquarkus.flyway.clean-disabled=false',
      // The demo store of `make run`, for the newcomer's tour (run.mjs, "tour:" steps).
      '-Dharbor.demo.enabled=true',
      '-jar',
      backendJar,
    ],
    {
      // The JWT dev keys are found relative to the backend folder (.dev-keys/).
      cwd: backendDir,
      // The preview proxy passes on the browser's Origin, which the backend's CORS filter checks.
      env: { ...process.env, HARBOR_CORS_ORIGINS: baseUrl },
    },
  );
  await waitFor(
    backend,
    'the backend',
    async () => (await (await fetch(`${backendUrl}/q/health/ready`)).json()).status === 'UP',
    // Generous: the machine is shared, and a loaded one takes minutes to start a JVM.
    300_000,
  );
}

let contractProxy;

/**
 * Prism in proxy mode with --errors between the SPA and the backend: every request the SPA sends is checked
 * against openapi.yaml (an invalid one is refused with 422, not forwarded), and every answer of the backend too
 * (one that breaks the contract becomes a 500 problem). Violations are also collected from its log by
 * contractViolations().
 */
export async function startContractProxy() {
  if (!existsSync(prismBin)) {
    throw new Error(`Prism is missing (${prismBin}): run \`make contract-deps\` (npm ci in contract/) first`);
  }
  contractProxy = start(
    'prism',
    process.execPath,
    [prismBin, 'proxy', join(frontendDir, '../openapi.yaml'), backendUrl, '--errors', '--host', '127.0.0.1',
      '--port', String(CONTRACT_PROXY_PORT)],
    { cwd: contractDir },
  );
  // Prism answers an unauthenticated /me with its own 401 once it has loaded the contract.
  await waitFor(contractProxy, 'prism', async () => (await fetch(`${contractProxyUrl}/api/v1/me`)).status === 401, 60_000);
}

/** The contract violations Prism logged (requests and answers) and the requests it refused, one line each. */
export function contractViolations() {
  if (!contractProxy) return [];
  return readFileSync(contractProxy.logPath, 'utf8')
    .split('\n')
    .filter((line) => /✖/.test(line) && /Violation:|Request terminated with error/.test(line))
    // Calls made before signing in carry no token: Prism answers those itself, which is no contract breach.
    .filter((line) => !line.includes('errors#UNAUTHORIZED'))
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim());
}

export async function buildSpa() {
  const build = start('build', process.execPath, [viteBin, 'build'], { cwd: frontendDir });
  const [code] = await new Promise((done) => build.once('exit', (...result) => done(result)));
  if (code !== 0) throw new Error(`vite build failed; log ${build.logPath}:\n${logTail(build)}`);
}

export async function startPreview() {
  const preview = start(
    'preview',
    process.execPath,
    [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(PREVIEW_PORT), '--strictPort'],
    { cwd: frontendDir, env: { ...process.env, HARBOR_API_URL: contractProxyUrl } },
  );
  await waitFor(preview, 'vite preview', async () => (await fetch(baseUrl)).ok, 30_000);
}

/**
 * dist/ as production's nginx serves it: gzipped, /assets/ immutable, /api/ straight to the backend (no Prism:
 * production has none, and its checks would add their time to what Lighthouse measures).
 */
export async function startCompressedServer() {
  const server = start(
    'compressed-server',
    process.execPath,
    [join(frontendDir, 'e2e/static-server.mjs'), '--port', String(COMPRESSED_PORT), '--root', join(frontendDir, 'dist'),
      '--api', backendUrl],
    { cwd: frontendDir },
  );
  await waitFor(server, 'the compressed static server', async () => (await fetch(compressedUrl)).ok, 30_000);
}

/** Stops every server started here: politely, then by force after 10 s. */
export async function stopServers() {
  await Promise.all(
    [...children].map(async (child) => {
      if (!running(child)) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }),
  );
}

// Last resort when the process ends without stopServers (an uncaught error): no orphan servers.
process.on('exit', () => {
  for (const child of children) if (running(child)) child.kill('SIGKILL');
});

export function jarMissing() {
  return !existsSync(backendJar);
}
