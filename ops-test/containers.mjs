// The compose stack in containers (issue 26), run by `make ops-containers` (and so by `make test`) after
// `make image`: docker-compose.yml as it is, brought up by podman-compose on the images built from Debian packages,
// under a project name of this test's own. Through the web container's proxy it opens a store and claims a
// customer, then:
//   - restarts the backend container: nothing lost, the signing keys kept (a token from before still works);
//   - stops and starts the database container under light write load: 503s, then recovery without a restart,
//     every acknowledged write present;
//   - scales to two backend containers behind the web container: both serve, a sweep returns each due customer once;
//   - upgrades the backend image to a build with one more migration: migrated on start, data kept;
//   - backs the database up under light write load, restores it into a fresh database container, boots a backend
//     on it and reads back every customer and event acknowledged before the backup began;
//   - tears everything down and finds no container, volume or network of the project left.
// Prints one line per check and ends with "N passed, M failed"; exits 1 when any check failed.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { call, freePort, ok, reporter, waitUntil as poll } from './lib.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'backend/target/ops-containers');
const project = `harborops${process.pid}`;
const PASSWORD = 'ops-containers-password';
const DB_PASSWORD = `db-${randomUUID().slice(0, 12)}`;
const BACKEND_IMAGE = 'localhost/harbor-crm/backend-jvm:latest';
const UPGRADE_IMAGE = `localhost/harbor-crm/backend-jvm:${project}-upgrade`;
const POSTGRES_IMAGE = 'localhost/harbor-crm/postgres:15';
mkdirSync(outDir, { recursive: true });
const { check, say, counts } = reporter('containers');

// ---- podman and podman-compose ------------------------------------------------------------------------------------
const webPort = await freePort();
const dbPort = await freePort();
const composeEnv = {
  ...process.env,
  CONTAINERS_CONF: process.env.CONTAINERS_CONF ?? join(root, 'containers/containers.conf'),
  POSTGRES_PASSWORD: DB_PASSWORD,
  HARBOR_WEB_PORT: String(webPort),
  HARBOR_DB_PUBLISH: `127.0.0.1:${dbPort}`,
  HARBOR_BACKEND_IMAGE: BACKEND_IMAGE,
  HARBOR_BACKEND_REPLICAS: '1',
  HARBOR_JAVA_OPTS: '-Xmx384m -XX:TieredStopAtLevel=1',
  HARBOR_DB_POOL_SIZE: '8',
  // The address people open: the backend refuses writes from any other browser origin.
  HARBOR_CORS_ORIGINS: `http://127.0.0.1:${webPort}`,
  HARBOR_LOG_JSON: 'false',
  HARBOR_POOL_SWEEP_INTERVAL: 'off', // sweeps are sent explicitly, to both backends at once
};

/** Runs a command to its end: {status, stdout, stderr}. */
function run(command, args, { env = composeEnv, input, quiet = false } = {}) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
  if (!quiet && result.status !== 0) {
    say(`${command} ${args.join(' ')} exited ${result.status}: ${(result.stderr || result.stdout || '').trim().slice(-600)}`);
  }
  return result;
}
const podman = (args, options) => run('podman', args, options);
const compose = (args, env = {}) =>
  run('podman-compose', ['-p', project, '-f', join(root, 'docker-compose.yml'), ...args],
    { env: { ...composeEnv, ...env }, quiet: true });
const container = (service, n = 1) => `${project}_${service}_${n}`;

function inspect(name, format) {
  const result = podman(['inspect', '-f', format, name], { quiet: true });
  return result.status === 0 ? result.stdout.trim() : '';
}
const containerIp = (name) => inspect(name, '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}').split(' ')[0];

/** One SQL query in a database container, as its superuser over the local socket; rows of |-separated columns. */
function sql(query, db = container('postgres')) {
  const result = podman(['exec', db, 'psql', '-U', 'postgres', '-d', 'harbor', '-v', 'ON_ERROR_STOP=1', '-qAtc', query]);
  if (result.status !== 0) throw new Error(`psql in ${db} failed: ${result.stderr}\n${query}`);
  return result.stdout.trim() === '' ? [] : result.stdout.trim().split('\n');
}
const one = (query, db) => Number(sql(query, db)[0]);

function saveLogs(name) {
  const logs = podman(['logs', name], { quiet: true });
  writeFileSync(join(outDir, `${name}.log`), `${logs.stdout}${logs.stderr}`);
  return `${logs.stdout}${logs.stderr}`.trimEnd().split('\n').slice(-15).join('\n');
}

function leftovers() {
  const containers = podman(['ps', '-a', '--format', '{{.Names}}', '--filter', `name=${project}`], { quiet: true });
  const volumes = podman(['volume', 'ls', '--format', '{{.Name}}', '--filter', `name=${project}`], { quiet: true });
  const networks = podman(['network', 'ls', '--format', '{{.Name}}', '--filter', `name=${project}`], { quiet: true });
  return [containers.stdout, volumes.stdout, networks.stdout].join(' ').split(/\s+/).filter(Boolean);
}

function tearDown() {
  compose(['down', '-v', '-t', '10']);
  for (const name of leftovers()) {
    podman(['rm', '-f', '-v', name], { quiet: true });
    podman(['volume', 'rm', '-f', name], { quiet: true });
    podman(['network', 'rm', '-f', name], { quiet: true });
  }
  podman(['rmi', '-f', UPGRADE_IMAGE], { quiet: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log(`\n[containers] ${signal}: removing the project's containers, volumes and network`);
    tearDown();
    process.exit(130);
  });
}

// ---- HTTP ---------------------------------------------------------------------------------------------------------
const web = { name: 'web', base: `http://127.0.0.1:${webPort}` };
const direct = (name) => ({ name, base: `http://${containerIp(name)}:8080` });

const waitUntil = (what, probe, timeoutMs) => poll(what, probe, timeoutMs, say, 500);

const backendReady = (name) => waitUntil(`${name} to be ready`, async () =>
  (await call(direct(name), 'GET', '/q/health/ready', { timeoutMs: 2000 })).status === 200, 180_000);

const databaseReady = (name) => waitUntil(`${name} to accept connections`, async () =>
  podman(['exec', name, 'pg_isready', '-U', 'postgres', '-d', 'harbor', '-q'], { quiet: true }).status === 0, 90_000);

function metric(text, name, labelFilter = '') {
  let sum = 0;
  for (const line of String(text).split('\n')) {
    if (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) {
      if (labelFilter && !line.includes(labelFilter)) continue;
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return sum;
}

/** Creates a customer every `everyMs` through the web container until stopped; every answer is kept. */
function writer(admin, label, everyMs = 150) {
  const answers = [];
  let running = true;
  const done = (async () => {
    for (let n = 0; running; n++) {
      const sentAt = Date.now();
      const r = await call(web, 'POST', '/api/v1/customers?allowDuplicate=true',
        { token: admin.token, body: { name: `${label} ${n}` }, timeoutMs: 15_000 });
      answers.push({ sentAt, answeredAt: Date.now(), status: r.status, id: r.body?.id, problem: r.body?.type });
      await sleep(Math.max(0, everyMs - (Date.now() - sentAt)));
    }
  })();
  return { answers, stop: async () => { running = false; await done; return answers; } };
}

// ---- the upgrade build, made while the stack starts ---------------------------------------------------------------
/** The backend as it is plus one migration, built from a copy of its sources in the background. */
function buildUpgrade() {
  const copy = join(outDir, 'upgrade-src');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  cpSync(join(root, 'backend/pom.xml'), join(copy, 'pom.xml'));
  cpSync(join(root, 'backend/src/main'), join(copy, 'src/main'), { recursive: true });
  writeFileSync(join(copy, 'src/main/resources/db/migration/V9000__ops_upgrade_probe.sql'),
    "-- Added by ops-test/containers.mjs to an image built only for its upgrade step.\n" +
    "create table ops_upgrade_probe (upgraded_at timestamptz not null default now());\n" +
    "insert into ops_upgrade_probe default values;\n");
  const log = join(outDir, 'upgrade-build.log');
  const child = spawn('bash', ['-c',
    'mvn -B -q -o package -DskipTests && ' +
    `podman build --quiet --layers --pull=never -f "${join(root, 'backend/src/main/docker/Containerfile.jvm')}" ` +
    `-t "${UPGRADE_IMAGE}" target/quarkus-app`],
  { cwd: copy, env: composeEnv, stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')] });
  return new Promise((done) => child.once('exit', (code) => done({ code, log })));
}

// ---- the scenarios ------------------------------------------------------------------------------------------------
async function openStore(label) {
  const email = `ops-${label}-${randomUUID().slice(0, 8)}@example.com`;
  const body = await ok(web, 'POST', '/api/v1/auth/signup',
    { body: { storeName: `Containers ${label}`, name: `Admin ${label}`, email, password: PASSWORD } });
  return { storeId: body.store.id, token: body.token, email };
}

async function addRep(admin, label) {
  const email = `ops-rep-${label}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await ok(web, 'POST', '/api/v1/users',
    { token: admin.token, body: { name: `Rep ${label}`, email, password: PASSWORD, role: 'REP' } });
  const login = await ok(web, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  return { id: user.id, token: login.token, email };
}

/** Seconds from a container's start until now (called once it is ready), and its memory in use. */
function startedToReady(name) {
  const startedAt = Number(inspect(name, '{{.State.StartedAt.UnixMilli}}'));
  const memory = podman(['stats', '--no-stream', '--format', '{{.MemUsage}}', name], { quiet: true }).stdout.trim();
  return `${Number.isNaN(startedAt) ? '?' : ((Date.now() - startedAt) / 1000).toFixed(1)} s ago (memory ${memory || '?'})`;
}

async function bootStack() {
  say(`podman-compose up: project ${project}, web on 127.0.0.1:${webPort}`);
  const up = compose(['up', '-d']);
  check('podman-compose up -d starts docker-compose.yml unchanged', up.status === 0,
    up.status === 0 ? '' : up.stderr.trim().slice(-600));
  const dbUp = await databaseReady(container('postgres'));
  const keys = await waitUntil('the key generator to finish', async () =>
    inspect(container('jwt-keys'), '{{.State.Status}}') === 'exited', 60_000);
  check('the database container accepts connections; the one-shot jwt-keys container wrote the keys and exited 0',
    dbUp && keys && inspect(container('jwt-keys'), '{{.State.ExitCode}}') === '0',
    saveLogs(container('jwt-keys')));
  const backendUp = await backendReady(container('backend'));
  check('the backend container becomes ready (migrated, connected)', backendUp, backendUp ? '' : saveLogs(container('backend')));
  say(`timings: ${['postgres', 'backend', 'web'].map((s) => `${s} started ${startedToReady(container(s))}`).join(', ')}`);
  return backendUp;
}

async function webServesTheApp() {
  const index = await call(web, 'GET', '/customers');
  const csp = index.headers?.get('content-security-policy') ?? '';
  check('the web container serves the SPA for a client-side route, with its security headers',
    index.status === 200 && String(index.body).includes('<div id="root">') && csp.includes("frame-ancestors 'none'")
      && index.headers.get('x-content-type-options') === 'nosniff',
    `${index.status} CSP "${csp.slice(0, 60)}…"`);
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(String(index.body))?.[1];
  const asset = script ? await call(web, 'GET', script, { headers: { 'Accept-Encoding': 'gzip' } }) : { status: 0 };
  check('its scripts are compressed and cached for a year', asset.status === 200
    && asset.headers.get('content-encoding') === 'gzip' && /immutable/.test(asset.headers.get('cache-control') ?? ''),
  `${script} ${asset.status} ${asset.headers?.get('content-encoding')} ${asset.headers?.get('cache-control')}`);
}

/** A person in Chromium: logs in through the web container and opens the busiest pages, under its CSP. */
async function aBrowserWorksUnderTheHeaders(admin) {
  const { chromium } = createRequire(join(root, 'frontend/package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const refusals = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en' });
    page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) refusals.push(m.text()); });
    page.on('pageerror', (e) => refusals.push(e.message));
    await page.goto(`${web.base}/login`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Everyone lands on their agenda; the customers list is one step further.
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor({ timeout: 20_000 });
    await page.goto(`${web.base}/customers`);
    await page.getByRole('heading', { name: /^(My customers|Customers)$/, level: 1 }).waitFor({ timeout: 20_000 });
    await page.goto(`${web.base}/stats`);
    await page.getByRole('heading', { name: 'Statistics' }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1000); // the charts draw after their data arrives
    check('in Chromium, a person logs in through the web container and opens customers and statistics; the CSP refuses nothing',
      refusals.length === 0, refusals.slice(0, 3).join(' | '));
  } catch (error) {
    check('in Chromium, a person logs in through the web container and opens customers and statistics; the CSP refuses nothing',
      false, `${String(error).slice(0, 300)} ${refusals.slice(0, 3).join(' | ')}`);
  } finally {
    await browser.close();
  }
}

async function claimAndRestart() {
  const admin = await openStore('main');
  const rep = await addRep(admin, 'main');
  const customer = await ok(web, 'POST', '/api/v1/customers?allowDuplicate=true',
    { token: admin.token, body: { name: 'Harbor Test Buyer', companyName: 'Containers Ltd', pool: true } });
  const claim = await ok(web, 'POST', '/api/v1/pool/claim', { token: rep.token, body: { customerIds: [customer.id] } });
  check('through the web container: a store opened, a rep added, a pool customer created and claimed',
    claim.claimed?.includes(customer.id), JSON.stringify(claim));

  say('restarting the backend container');
  const startedBefore = inspect(container('backend'), '{{.State.StartedAt}}');
  const restart = podman(['restart', '-t', '40', container('backend')]);
  const back = restart.status === 0 && await backendReady(container('backend'));
  const read = back ? await call(web, 'GET', `/api/v1/customers/${customer.id}`, { token: rep.token }) : { status: 0 };
  check('after a backend restart the customer is there, still the rep\'s, and the token from before still works',
    back && inspect(container('backend'), '{{.State.StartedAt}}') !== startedBefore
      && read.status === 200 && read.body?.ownerId === rep.id,
    `${read.status} owner ${read.body?.ownerId}, rep ${rep.id}`);
  return { admin, rep, customer };
}

async function databaseOutage(admin) {
  say('database outage: stopping and starting the database container under light write load');
  const backendStartedAt = inspect(container('backend'), '{{.State.StartedAt}}');
  const load = writer(admin, 'Outage buyer');
  await sleep(2000);
  const stop = podman(['stop', '-t', '20', container('postgres')]);
  const stoppedAt = Date.now();
  await sleep(10_000);
  const start = podman(['start', container('postgres')]);
  const startedAt = Date.now();
  await databaseReady(container('postgres'));
  // Recovered: three writes in a row acknowledged after the restart.
  const recovered = await waitUntil('writes to succeed again', async () => {
    const after = load.answers.filter((a) => a.sentAt > startedAt);
    return after.length >= 3 && after.slice(-3).every((a) => a.status === 201);
  }, 60_000);
  const answers = await load.stop();
  const during = answers.filter((a) => a.sentAt > stoppedAt + 1000 && a.sentAt < startedAt);
  const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.id);
  const statuses = [...new Set(answers.map((a) => a.status))].sort();
  check('the database container stopped and started', stop.status === 0 && start.status === 0);
  check('while it was down, writes were refused with 503 problems, none hung',
    during.length > 0 && during.every((a) => a.status === 503 && String(a.problem).includes('/problems/')),
    `${during.length} writes during the outage, statuses ${[...new Set(during.map((a) => `${a.status} ${a.problem ?? ''}`))].join(', ')}`);
  check('writes succeed again once it is back, without restarting the backend',
    recovered && inspect(container('backend'), '{{.State.StartedAt}}') === backendStartedAt,
    `answers seen: ${statuses.join(', ')}`);
  saveLogs(container('backend'));
  saveLogs(container('postgres'));
  const present = acknowledged.length === 0 ? 0
    : one(`select count(*) from customers where id in (${acknowledged.join(',')})`);
  check('every acknowledged write is in the database', acknowledged.length > 0 && present === acknowledged.length,
    `${present} of ${acknowledged.length} acknowledged`);
}

async function scaleToTwo(admin, rep) {
  say('scaling to two backend containers behind the web container');
  const up = compose(['up', '-d'], { HARBOR_BACKEND_REPLICAS: '2' });
  const second = up.status === 0 && await backendReady(container('backend', 2));
  check('HARBOR_BACKEND_REPLICAS=2: a second backend container starts beside the first', second,
    second ? '' : saveLogs(container('backend', 2)));
  if (!second) return;

  // nginx keeps the backend name's addresses for up to 5 s (`resolver ... valid=5s`), so right after the second
  // container starts the web container may still know only the first: wait until cheap reads reach both.
  const backends = [direct(container('backend', 1)), direct(container('backend', 2))];
  const ruleReads = (text) => metric(text, 'http_server_requests_seconds_count', 'uri="/api/v1/pool/rules"');
  const routed = await waitUntil('the web container to route to both backends', async () => {
    const before = await Promise.all(backends.map((b) => ok(b, 'GET', '/q/metrics')));
    await Promise.all(Array.from({ length: 6 }, () => call(web, 'GET', '/api/v1/pool/rules', { token: admin.token })));
    const after = await Promise.all(backends.map((b) => ok(b, 'GET', '/q/metrics')));
    return after.every((text, i) => ruleReads(text) > ruleReads(before[i]));
  }, 60_000);
  check('the web container routes requests to both backends once their addresses are resolved', routed);

  await ok(web, 'PUT', '/api/v1/pool/rules', {
    token: admin.token,
    body: {
      returnAfterDaysWithoutFollowUp: 30, returnAfterDaysWithoutDeal: 0, warnDaysBeforeReturn: 0,
      maxPrivateCustomersPerRep: 0, maxClaimsPerRepPerDay: 0, reclaimCooldownDays: 0, purgeUnclaimedAfterDays: 0,
      maskContacts: true, stageFollowUpDays: {},
    },
  });
  const DUE = 150;
  sql(`with created as (
         insert into customers (store_id, name, stage, created_at, updated_at)
         select ${admin.storeId}, 'Due buyer ' || g, 'INQUIRY', now() - interval '100 days', now() - interval '40 days'
         from generate_series(1, ${DUE}) g
         returning store_id, id)
       insert into customer_owners (store_id, customer_id, owner_id, owned_since)
       select store_id, id, ${rep.id}, now() - interval '40 days' from created;
       analyze customers; analyze customer_owners`);
  const metricsBefore = await Promise.all(backends.map((b) => ok(b, 'GET', '/q/metrics')));
  const sweeps = await Promise.all(Array.from({ length: 12 }, () =>
    call(web, 'POST', '/api/v1/pool/sweep', { token: admin.token, timeoutMs: 60_000 })));
  const metricsAfter = await Promise.all(backends.map((b) => ok(b, 'GET', '/q/metrics')));
  const served = metricsAfter.map((text, i) =>
    metric(text, 'http_server_requests_seconds_count', 'uri="/api/v1/pool/sweep"')
    - metric(metricsBefore[i], 'http_server_requests_seconds_count', 'uri="/api/v1/pool/sweep"'));
  check('twelve concurrent sweeps through the web container all answered 200, served by both backends',
    sweeps.every((s) => s.status === 200) && served.every((n) => n > 0),
    `statuses ${[...new Set(sweeps.map((s) => s.status))].join(',')}; sweeps served per backend: ${served.join(' and ')}`);
  const [events, customers] = sql(`select count(*), count(distinct customer_id) from customer_events
    where store_id = ${admin.storeId} and type = 'OWNER_CHANGED' and data->>'kind' = 'AUTO_RETURNED'`)[0]
    .split('|').map(Number);
  const reported = sweeps.reduce((sum, s) => sum + (s.body?.returned ?? 0), 0);
  check(`each of the ${DUE} due customers was returned exactly once (one event each, the answers add up)`,
    events === DUE && customers === DUE && reported === DUE,
    `${events} events for ${customers} customers, answers report ${reported}`);
}

async function upgrade(admin, customer, build) {
  say('upgrading the backend image to a build with one more migration');
  const built = await build;
  check('an upgrade image with one more migration was built', built.code === 0,
    built.code === 0 ? '' : readFileSync(built.log, 'utf8').slice(-600));
  if (built.code !== 0) return;
  const customersBefore = one(`select count(*) from customers where store_id = ${admin.storeId}`);
  // The backends only (podman-compose's `down backend` would take its dependencies, the database, with it).
  for (const n of [1, 2]) podman(['rm', '--force', '--time', '40', container('backend', n)], { quiet: true });
  const up = compose(['up', '-d'], { HARBOR_BACKEND_IMAGE: UPGRADE_IMAGE });
  const ready = up.status === 0 && await backendReady(container('backend'));
  const image = inspect(container('backend'), '{{.ImageName}}');
  const migrated = ready ? one("select count(*) from flyway_schema_history where version = '9000' and success") : 0;
  const probe = ready ? one('select count(*) from ops_upgrade_probe') : 0;
  const customersAfter = ready ? one(`select count(*) from customers where store_id = ${admin.storeId}`) : -1;
  const read = ready ? await call(web, 'GET', `/api/v1/customers/${customer.id}`, { token: admin.token }) : { status: 0 };
  check('the upgraded backend migrated on start (V9000 applied once) and kept every customer',
    ready && image === UPGRADE_IMAGE && migrated === 1 && probe === 1 && customersAfter === customersBefore
      && read.status === 200,
    `image ${image}, V9000 ${migrated}, customers ${customersAfter}/${customersBefore}, read ${read.status}`);
}

async function backupAndRestore(admin) {
  say('backup under light write load, restore into a fresh database container, a backend on it');
  const load = writer(admin, 'Backup buyer', 100);
  await sleep(1500);
  const backupBegan = Date.now();
  const acknowledgedBefore = load.answers.filter((a) => a.status === 201 && a.answeredAt < backupBegan).map((a) => a.id);
  const dumpFile = join(outDir, 'harbor.dump');
  const dump = spawnSync('podman', ['exec', container('postgres'), 'pg_dump', '-U', 'postgres', '-d', 'harbor',
    '--format=custom'], { env: composeEnv, maxBuffer: 1024 * 1024 * 1024 });
  if (dump.status === 0) writeFileSync(dumpFile, dump.stdout);
  await sleep(1000);
  const answers = await load.stop();
  check('pg_dump in the database container made a backup while writes went on',
    dump.status === 0 && dump.stdout.length > 0 && answers.some((a) => a.status === 201 && a.sentAt > backupBegan),
    `${(dump.stdout?.length / 1e6).toFixed(1)} MB; ${String(dump.stderr).trim().slice(-300)}`);
  if (dump.status !== 0) return;

  const db = `${project}_restore_db`;
  const backend = `${project}_restore_backend`;
  const network = `${project}_default`;
  podman(['run', '-d', '--name', db, '--network', network, '-e', `POSTGRES_PASSWORD=${DB_PASSWORD}`,
    '-e', 'POSTGRES_DB=harbor', '-v', `${project}_restore_pgdata:/var/lib/postgresql/data`, POSTGRES_IMAGE]);
  await databaseReady(db);
  const restore = podman(['exec', '-i', db, 'pg_restore', '-U', 'postgres', '-d', 'harbor', '--exit-on-error'],
    { input: readFileSync(dumpFile) });
  check('pg_restore loaded the backup into a fresh database container', restore.status === 0,
    String(restore.stderr).trim().slice(-300));
  podman(['run', '-d', '--name', backend, '--network', network, '-v', `${project}_jwtkeys:/keys:ro`,
    '-e', `HARBOR_DB_URL=jdbc:postgresql://${db}:5432/harbor`, '-e', 'HARBOR_DB_USER=postgres',
    '-e', `HARBOR_DB_PASSWORD=${DB_PASSWORD}`, '-e', 'HARBOR_JWT_PRIVATE_KEY=/keys/privateKey.pem',
    '-e', 'HARBOR_JWT_PUBLIC_KEY=/keys/publicKey.pem', '-e', 'HARBOR_POOL_SWEEP_INTERVAL=off',
    '-e', 'HARBOR_LOG_JSON=false', '-e', `JDK_JAVA_OPTIONS=${composeEnv.HARBOR_JAVA_OPTS}`, UPGRADE_IMAGE]);
  const ready = await backendReady(backend);
  check('a backend boots on the restored database', ready, ready ? '' : saveLogs(backend));
  if (!ready) return;
  const restored = direct(backend);
  const login = await ok(restored, 'POST', '/api/v1/auth/login', { body: { email: admin.email, password: PASSWORD } });
  const reads = await Promise.all(acknowledgedBefore.map((id) =>
    call(restored, 'GET', `/api/v1/customers/${id}`, { token: login.token })));
  check('the restored backend serves every customer acknowledged before the backup began',
    acknowledgedBefore.length > 0 && reads.every((r) => r.status === 200),
    `${reads.filter((r) => r.status === 200).length} of ${acknowledgedBefore.length}`);
  const ids = acknowledgedBefore.join(',');
  const eventsQuery = `select count(*) from customer_events where customer_id in (${ids})`;
  const eventsSource = one(eventsQuery);
  const eventsRestored = one(eventsQuery, db);
  const timeline = await call(restored, 'GET', `/api/v1/customers/${acknowledgedBefore[0]}/timeline`, { token: login.token });
  check('…and every one of their events (the same count as the live database, the timeline readable)',
    eventsSource > 0 && eventsRestored === eventsSource && timeline.status === 200,
    `${eventsRestored} of ${eventsSource} events; timeline ${timeline.status}`);
}

/** What the runtime images hold: a non-root user each, no package manager; no shell in the backend's. */
function imagesAreLean() {
  const images = { [BACKEND_IMAGE]: '185', 'localhost/harbor-crm/web:latest': '33', [POSTGRES_IMAGE]: 'postgres' };
  const users = Object.entries(images).map(([image, user]) => [image, inspect(image, '{{.Config.User}}'), user]);
  check('every image runs as a non-root user of its own', users.every(([, actual, expected]) => actual === expected),
    users.map(([image, actual]) => `${image.split('/').pop()} as ${actual}`).join(', '));
  const unwanted = ['usr/bin/apt', 'usr/bin/apt-get', 'usr/bin/dpkg', 'usr/bin/perl', 'usr/bin/bash'];
  const found = [];
  let shell = null;
  for (const image of Object.keys(images)) {
    const mount = podman(['image', 'mount', image]);
    const rootfs = mount.stdout.trim();
    if (mount.status !== 0 || !rootfs) {
      found.push(`${image}: not mountable`);
      continue;
    }
    found.push(...unwanted.filter((path) => existsSync(join(rootfs, path))).map((path) => `${image}:/${path}`));
    if (image === BACKEND_IMAGE) shell = ['bin/sh', 'usr/bin/sh', 'usr/bin/dash'].filter((p) => existsSync(join(rootfs, p)));
    podman(['image', 'unmount', image], { quiet: true });
  }
  check('no image holds apt, dpkg, Perl or bash, and the backend image has no shell at all',
    found.length === 0 && shell?.length === 0, [...found, ...(shell ?? ['?'])].join(', '));
}

// ---- main ---------------------------------------------------------------------------------------------------------
for (const image of [BACKEND_IMAGE, POSTGRES_IMAGE, 'localhost/harbor-crm/web:latest']) {
  if (podman(['image', 'exists', image], { quiet: true }).status !== 0) {
    console.error(`[containers] ${image} is missing: run make image first`);
    process.exit(1);
  }
}
tearDown(); // a project left by an interrupted run of this same process id
const upgradeBuild = buildUpgrade();
try {
  imagesAreLean();
  if (await bootStack()) {
    await webServesTheApp();
    const { admin, rep, customer } = await claimAndRestart();
    await aBrowserWorksUnderTheHeaders(admin);
    await databaseOutage(admin);
    await scaleToTwo(admin, rep);
    await upgrade(admin, customer, upgradeBuild);
    await backupAndRestore(admin);
  }
} catch (error) {
  check('the scenario ran to its end', false, error.stack);
  for (const name of podman(['ps', '-a', '--format', '{{.Names}}', '--filter', `name=${project}`], { quiet: true })
    .stdout.split('\n').filter(Boolean)) saveLogs(name);
} finally {
  await upgradeBuild;
  say('tearing down');
  tearDown();
  const left = leftovers();
  check('nothing of the project is left: no container, volume or network', left.length === 0, left.join(' '));
  rmSync(join(outDir, 'upgrade-src'), { recursive: true, force: true });
}
say(`${counts.passed} passed, ${counts.failed} failed (logs in ${outDir})`);
process.exit(counts.failed === 0 ? 0 : 1);
