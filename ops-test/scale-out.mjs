// Scale-out and recovery tests (issue 9), run by `make ops-test` (and so by `make test`):
//   two backend instances (the built jar, two ports) on one private PostgreSQL cluster of this test's own;
//   sweeps through both never overlap, claims through both stay exact, the database restarted under light load
//   is recovered from without a restart and loses no acknowledged write, and SIGTERM drains a request in flight.
// Needs the jar (backend/target/quarkus-app/quarkus-run.jar), the dev keys, Node 20+, psql and the PostgreSQL
// server binaries (scripts/ensure-db.sh starts the private cluster: the shared server is never touched).
// Prints one line per check and ends with "N passed, M failed"; exits 1 when any check failed.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { call as request, freePort, ok as expect, reporter, waitUntil as poll } from './lib.mjs';

const root = resolve(import.meta.dirname, '..');
const backendDir = join(root, 'backend');
const jar = join(backendDir, 'target/quarkus-app/quarkus-run.jar');
const outDir = join(backendDir, 'target/ops-test');
const ensureDb = join(root, 'scripts/ensure-db.sh');
const PASSWORD = 'ops-test-password';
/** No request may take longer than this, whatever the database does: a slower one counts as a hang. */
const REQUEST_TIMEOUT_MS = 20_000;
const { check, say, counts, started } = reporter('ops');

// ---- the private database ---------------------------------------------------------------------------------------

const pgPort = await freePort();
const pgData = `/tmp/harbor-ops-test-${process.pid}-${pgPort}`;
const dbEnv = { ...process.env, HARBOR_PGDATA: pgData, HARBOR_PG_PORT: String(pgPort) };

function database(action = 'start') {
  const run = spawnSync(ensureDb, action === 'stop' ? ['stop'] : [], { env: dbEnv, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`ensure-db.sh ${action} failed:\n${run.stderr}${run.stdout}`);
}

/** One SQL query on the private database as the app's role; rows of |-separated columns. */
function sql(query) {
  const run = spawnSync('psql', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'harbor', '-d', 'harbor', '-v',
    'ON_ERROR_STOP=1', '-qAtc', query], { env: { ...process.env, PGPASSWORD: 'harbor' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}\n${query}`);
  return run.stdout.trim() === '' ? [] : run.stdout.trim().split('\n');
}
const one = (query) => Number(sql(query)[0]);

// ---- the two backend instances ------------------------------------------------------------------------------------
const instances = [];

function startInstance(name, port, jsonLogs) {
  const logPath = join(outDir, `${name}.log`);
  const child = spawn('java', ['-Xmx320m', '-XX:TieredStopAtLevel=1', '-jar', jar], {
    cwd: backendDir, // the dev JWT keys are found relative to backend/
    stdio: ['ignore', openSync(logPath, 'w'), openSync(logPath, 'a')],
    env: {
      ...process.env,
      QUARKUS_HTTP_PORT: String(port),
      HARBOR_DB_URL: `jdbc:postgresql://127.0.0.1:${pgPort}/harbor`,
      HARBOR_DB_USER: 'harbor',
      HARBOR_DB_PASSWORD: 'harbor',
      HARBOR_DB_POOL_SIZE: '8',
      HARBOR_POOL_SWEEP_INTERVAL: 'off', // sweeps are sent explicitly, to both instances at once
      HARBOR_LOG_JSON: String(jsonLogs),
      HARBOR_SHUTDOWN_TIMEOUT: '30S',
      HARBOR_SHUTDOWN_DELAY: '1S',
    },
  });
  const instance = { name, port, base: `http://127.0.0.1:${port}`, child, logPath, exit: null };
  child.once('exit', (code, signal) => (instance.exit = { code, signal }));
  instances.push(instance);
  return instance;
}

const alive = (instance) => instance.exit === null;

async function stopInstances() {
  await Promise.all(instances.filter(alive).map(async (instance) => {
    instance.child.kill('SIGTERM');
    for (let i = 0; i < 100 && alive(instance); i++) await sleep(200);
    if (alive(instance)) instance.child.kill('SIGKILL');
  }));
}

async function cleanUp() {
  await stopInstances();
  try { database('stop'); } catch { /* already stopped */ }
  rmSync(pgData, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.log(`\n[ops] ${signal}: stopping the instances and the private database`);
    await cleanUp();
    process.exit(130);
  });
}
process.on('exit', () => instances.filter(alive).forEach((i) => i.child.kill('SIGKILL')));

// ---- HTTP ---------------------------------------------------------------------------------------------------------
const call = (instance, method, path, options = {}) =>
  request(instance, method, path, { timeoutMs: REQUEST_TIMEOUT_MS, ...options });
const ok = (instance, method, path, options = {}, expected) =>
  expect(instance, method, path, { timeoutMs: REQUEST_TIMEOUT_MS, ...options }, expected);

async function ready(instance) {
  return (await call(instance, 'GET', '/q/health/ready')).status === 200;
}

const waitUntil = (what, probe, timeoutMs) => poll(what, probe, timeoutMs, say);

/** Runs the tasks with at most `width` at a time. */
async function inParallel(tasks, width) {
  const results = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }));
  return results;
}

function logTail(instance, lines = 25) {
  try {
    return readFileSync(instance.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function metric(text, name) {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

async function counterSum(name) {
  let sum = 0;
  for (const instance of instances) sum += metric(await ok(instance, 'GET', '/q/metrics'), name);
  return sum;
}

// ---- fixtures, through the API of either instance ------------------------------------------------------------------
async function openStore(via, label) {
  const email = `ops-${label}-${randomUUID().slice(0, 8)}@example.com`;
  const body = await ok(via, 'POST', '/api/v1/auth/signup',
    { body: { storeName: `Ops ${label}`, name: `Admin ${label}`, email, password: PASSWORD } });
  return { storeId: body.store.id, token: body.token };
}

async function addRep(via, admin, label) {
  const email = `ops-rep-${label}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await ok(via, 'POST', '/api/v1/users',
    { token: admin.token, body: { name: `Rep ${label}`, email, password: PASSWORD, role: 'REP' } });
  const login = await ok(via, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  return { id: user.id, token: login.token };
}

async function setRules(via, admin, rules) {
  await ok(via, 'PUT', '/api/v1/pool/rules', {
    token: admin.token,
    body: {
      returnAfterDaysWithoutFollowUp: 30, returnAfterDaysWithoutDeal: 0, warnDaysBeforeReturn: 0,
      maxPrivateCustomersPerRep: 0, maxClaimsPerRepPerDay: 0, reclaimCooldownDays: 0, purgeUnclaimedAfterDays: 0,
      maskContacts: true, stageFollowUpDays: {}, ...rules,
    },
  });
}

/** `count` customers straight into the database, owned by `owner` for 40 days: all due under a 30-day rule. */
function seedDue(storeId, owner, count, label) {
  seedOwned(storeId, owner, count, label, "now() - interval '40 days'", "now() - interval '100 days'",
    "now() - interval '40 days'");
  sql('analyze customers; analyze customer_owners'); // as autovacuum would, before a sweep plans against a table grown at once
}

/** `count` customers straight into the database, with their ownership rows (customer_owners, V78). */
function seedOwned(storeId, owner, count, label, ownedSince, createdAt, updatedAt) {
  sql(`with created as (
         insert into customers (store_id, name, stage, created_at, updated_at)
         select ${storeId}, '${label} ' || g, 'INQUIRY', ${createdAt}, ${updatedAt} from generate_series(1, ${count}) g
         returning store_id, id)
       insert into customer_owners (store_id, customer_id, owner_id, owned_since)
       select store_id, id, ${owner}, ${ownedSince} from created`);
}

// ---- the scenarios --------------------------------------------------------------------------------------------------
async function sweepsNeverOverlap(a, b) {
  say('sweeps: three stores with due customers, four concurrent POST /pool/sweep per store on each instance');
  const stores = [];
  for (const [i, due] of [[1, 300], [2, 120], [3, 45]]) {
    const admin = await openStore(i % 2 ? a : b, `sweep${i}`);
    const rep = await addRep(i % 2 ? b : a, admin, `sweep${i}`);
    await setRules(a, admin, {});
    seedDue(admin.storeId, rep.id, due, 'Due buyer');
    // And some that are not due: owned 5 days.
    seedOwned(admin.storeId, rep.id, 20, 'Fresh buyer', "now() - interval '5 days'", "now() - interval '10 days'", 'now()');
    stores.push({ admin, rep, due });
  }
  const returnsBefore = await counterSum('harbor_pool_auto_returns_total');
  const sweeps = stores.flatMap((store) => Array.from({ length: 8 }, (_, k) =>
    () => call(k % 2 ? b : a, 'POST', '/api/v1/pool/sweep', { token: store.admin.token })));
  const answers = await inParallel(sweeps.sort(() => Math.random() - 0.5), sweeps.length);
  check('every concurrent sweep answered 200', answers.every((r) => r.status === 200),
    answers.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.error ?? JSON.stringify(r.body)}`).join('; '));

  for (const [i, store] of stores.entries()) {
    const s = store.admin.storeId;
    const events = sql(`select count(*), count(distinct customer_id), count(*) filter (where c.name like 'Fresh%')
                        from customer_events e join customers c on c.store_id = e.store_id and c.id = e.customer_id
                        where e.store_id = ${s} and e.type = 'OWNER_CHANGED' and e.data->>'kind' = 'AUTO_RETURNED'`)[0]
      .split('|').map(Number);
    const returnsLogged = one(`select count(*) from pool_returns where store_id = ${s} and kind = 'AUTO_RETURNED'`);
    const owned = `customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id where c.store_id = ${s}`;
    const stillOwned = one(`select count(*) from ${owned} and c.name like 'Due%' and o.owner_id is not null`);
    const freshKept = one(`select count(*) from ${owned} and c.name like 'Fresh%' and o.owner_id = ${store.rep.id}`);
    check(`store ${i + 1}: each of the ${store.due} due customers returned exactly once, one event and one pool_returns row each`,
      events[0] === store.due && events[1] === store.due && returnsLogged === store.due && stillOwned === 0,
      `events ${events[0]} for ${events[1]} customers, pool_returns ${returnsLogged}, still owned ${stillOwned}`);
    check(`store ${i + 1}: customers not due stay with their owner`, events[2] === 0 && freshKept === 20,
      `fresh kept ${freshKept}/20`);
  }
  const total = stores.reduce((sum, s) => sum + s.due, 0);
  const reported = answers.reduce((sum, r) => sum + (r.body?.returned ?? 0), 0);
  check('the sweeps\' answers add up to the due customers (no customer counted by two sweeps)', reported === total,
    `${reported} reported for ${total} due; ${answers.filter((r) => r.body?.skipped).length} sweeps skipped a held store`);
  const returnsCounted = (await counterSum('harbor_pool_auto_returns_total')) - returnsBefore;
  check('harbor_pool_auto_returns_total summed over the instances moved by the due customers', returnsCounted === total,
    `${returnsCounted} for ${total}`);
}

async function claimsStayExact(a, b) {
  const REPS = 4;
  const LIMIT = 3;
  const CUSTOMERS = 20;
  say(`claims: ${REPS} reps (limit ${LIMIT} each) race for ${CUSTOMERS} pool customers, every claim through either instance`);
  const admin = await openStore(a, 'claims');
  await setRules(b, admin, { maxPrivateCustomersPerRep: LIMIT });
  const reps = [];
  for (let i = 0; i < REPS; i++) reps.push(await addRep(i % 2 ? a : b, admin, `claims${i}`));
  const ids = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    ids.push((await ok(i % 2 ? a : b, 'POST', '/api/v1/customers?allowDuplicate=true',
      { token: admin.token, body: { name: `Pool buyer ${i}`, pool: true } })).id);
  }
  const claimsBefore = await counterSum('harbor_pool_claims_total');
  // Every rep tries every customer, one per request, in its own random order, alternating instances.
  const attempts = reps.flatMap((rep, r) => [...ids].sort(() => Math.random() - 0.5).map((id, k) =>
    () => call((r + k) % 2 ? a : b, 'POST', '/api/v1/pool/claim', { token: rep.token, body: { customerIds: [id] } })
      .then((answer) => ({ rep, id, answer }))));
  const results = await inParallel(attempts.sort(() => Math.random() - 0.5), 16);
  const unexpected = results.filter(({ answer }) => answer.status !== 200
    && !(answer.status === 409 && String(answer.body?.type).endsWith('/already-claimed')));
  check('every claim answered 200 or 409 already-claimed', unexpected.length === 0,
    unexpected.slice(0, 3).map(({ answer }) => `${answer.status} ${answer.error ?? JSON.stringify(answer.body)}`).join('; '));

  const won = results.flatMap(({ rep, answer }) => (answer.body?.claimed ?? []).map((id) => ({ rep: rep.id, id })));
  const winners = new Map();
  for (const w of won) winners.set(w.id, [...(winners.get(w.id) ?? []), w.rep]);
  check('no customer was won twice', [...winners.values()].every((list) => list.length === 1),
    `${won.length} wins for ${winners.size} customers`);
  check(`the limit holds: exactly ${REPS * LIMIT} customers claimed, ${LIMIT} per rep`, won.length === REPS * LIMIT
    && reps.every((rep) => won.filter((w) => w.rep === rep.id).length === LIMIT));

  const rows = sql(`select customer_id, coalesce(owner_id, 0) from customer_owners where store_id = ${admin.storeId}`)
    .map((line) => line.split('|').map(Number));
  const owners = new Map(rows);
  check('the database agrees with the answers: each winner owns its customer, the rest are in the pool',
    won.every((w) => owners.get(w.id) === w.rep) && rows.filter(([, owner]) => owner !== 0).length === won.length);
  const perRep = sql(`select owner_id, count(*) from customer_owners where store_id = ${admin.storeId} and owner_id is not null
                      group by owner_id`).map((line) => Number(line.split('|')[1]));
  check(`no rep above the limit of ${LIMIT} in the database`, perRep.every((n) => n <= LIMIT), perRep.join(','));
  const claimedEvents = sql(`select count(*), count(distinct customer_id) from customer_events
                             where store_id = ${admin.storeId} and type = 'OWNER_CHANGED' and data->>'kind' = 'CLAIMED'`)[0]
    .split('|').map(Number);
  check('one CLAIMED event per claimed customer', claimedEvents[0] === won.length && claimedEvents[1] === won.length,
    `${claimedEvents[0]} events for ${claimedEvents[1]} customers`);
  const claimsCounted = (await counterSum('harbor_pool_claims_total')) - claimsBefore;
  check('harbor_pool_claims_total summed over the instances moved by the claims won', claimsCounted === won.length,
    `${claimsCounted} for ${won.length}`);
}

async function recoversFromADatabaseRestart(a, b) {
  say('recovery: light write load through both instances, then the database is stopped and started again');
  const admin = await openStore(a, 'recovery');
  const acknowledged = [];
  const answers = [];
  let stop = false;
  let n = 0;
  const writer = async (instance) => {
    while (!stop) {
      const name = `Load buyer ${instance.name} ${n++}`;
      const r = await call(instance, 'POST', '/api/v1/customers?allowDuplicate=true',
        { token: admin.token, body: { name } });
      answers.push({ instance: instance.name, at: Date.now(), ...r });
      if (r.status === 201) acknowledged.push({ id: r.body.id, name });
      await sleep(r.status === 201 ? 150 : 400);
    }
  };
  const writers = [writer(a), writer(b)];
  await sleep(3000);
  const beforeStop = acknowledged.length;

  const stoppedAt = Date.now();
  database('stop');
  say('database stopped');
  const down = await waitUntil('readiness DOWN on both instances',
    async () => !(await ready(a)) && !(await ready(b)), 30_000);
  const readyAnswer = await call(b, 'GET', '/q/health/ready');
  check('readiness is DOWN (503) on both instances while the database is unreachable', down && readyAnswer.status === 503,
    `${readyAnswer.status} ${JSON.stringify(readyAnswer.body?.status)}`);

  const probes = [];
  for (const instance of [a, b]) {
    const requestId = `ops-outage-${instance.name}-${randomUUID().slice(0, 8)}`;
    probes.push({ instance, requestId, answer: await call(instance, 'GET', '/api/v1/customers?limit=5',
      { token: admin.token, headers: { 'X-Request-Id': requestId } }) });
  }
  for (const { instance, requestId, answer } of probes) {
    check(`instance ${instance.name}: a request while the database is down gets a prompt 503 service-unavailable problem`,
      answer.status === 503 && String(answer.headers?.get('content-type')).startsWith('application/problem+json')
        && String(answer.body?.type).endsWith('/service-unavailable') && answer.headers.get('retry-after') !== null
        && answer.ms < REQUEST_TIMEOUT_MS,
      `${answer.status} in ${answer.ms} ms ${answer.error ?? JSON.stringify(answer.body)}`);
    check(`instance ${instance.name}: the problem and the X-Request-Id header carry the caller's request id`,
      answer.body?.requestId === requestId && answer.headers?.get('x-request-id') === requestId);
  }
  await sleep(2000);

  database('start');
  const restartedAt = Date.now();
  say(`database started again after ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s down`);
  const up = await waitUntil('readiness UP on both instances', async () => (await ready(a)) && (await ready(b)), 60_000);
  check('readiness is UP again on both instances, without a restart', up && alive(a) && alive(b),
    `${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the database came back`);
  const writesAgain = await waitUntil('writes succeeding again through both instances', async () =>
    ['a', 'b'].every((name) => answers.filter((x) => x.instance === name && x.at > restartedAt && x.status === 201).length >= 3),
  60_000);
  check('writes succeed again through both instances', writesAgain,
    `${answers.filter((x) => x.at > restartedAt && x.status === 201).length} acknowledged since the restart`);
  stop = true;
  await Promise.all(writers);

  const during = answers.filter((x) => x.at > stoppedAt);
  const statuses = [...new Set(during.map((x) => x.status))].sort();
  check('under the outage every write answered 201 or 503, none hung or failed otherwise',
    during.every((x) => x.status === 201 || x.status === 503) && during.some((x) => x.status === 503),
    `statuses ${statuses.join(',')}; slowest ${Math.max(...during.map((x) => x.ms))} ms`);
  check('every 503 was problem+json with a request id', during.filter((x) => x.status === 503)
    .every((x) => String(x.headers.get('content-type')).startsWith('application/problem+json') && x.body?.requestId));

  const inDb = new Map(sql(`select id, name from customers where store_id = ${admin.storeId}`)
    .map((line) => { const [id, ...name] = line.split('|'); return [Number(id), name.join('|')]; }));
  const lost = acknowledged.filter((w) => inDb.get(w.id) !== w.name);
  check(`no acknowledged write was lost (${acknowledged.length} acknowledged, ${beforeStop} before the stop)`,
    lost.length === 0 && acknowledged.length > beforeStop, lost.slice(0, 5).map((w) => w.id).join(','));
  const attempted = answers.length;
  check('nothing was written that was not attempted', inDb.size <= attempted, `${inDb.size} rows, ${attempted} attempts`);

  // The request id is in the log lines of the failed requests: text format on a, JSON (MDC member) on b.
  for (const { instance, requestId } of probes) {
    const lines = readFileSync(instance.logPath, 'utf8').split('\n').filter((line) => line.includes(requestId));
    check(`instance ${instance.name}: the outage's log line carries the request id`,
      lines.some((line) => line.includes('Database unreachable')), `${lines.length} lines with ${requestId}`);
  }
  const jsonLine = readFileSync(b.logPath, 'utf8').split('\n').find((line) => line.includes(probes[1].requestId));
  let mdc;
  try { mdc = JSON.parse(jsonLine).mdc; } catch { /* checked below */ }
  check('JSON logs (HARBOR_LOG_JSON=true) give the request id as mdc.requestId', mdc?.requestId === probes[1].requestId,
    jsonLine?.slice(0, 200));
}

async function shutdownDrainsRequestsInFlight(a) {
  say('graceful shutdown: SIGTERM while a large sweep is in flight');
  const admin = await openStore(a, 'drain');
  const rep = await addRep(a, admin, 'drain');
  await setRules(a, admin, {});
  // Enough for the sweep to outlast the readiness probe below (its chunks run two at a time: 3,000 were done in
  // under half a second, before the probe, and the drain went unchecked).
  const due = 30_000;
  seedDue(admin.storeId, rep.id, due, 'Drain buyer');
  const sweepStarted = Date.now();
  const sweep = call(a, 'POST', '/api/v1/pool/sweep', { token: admin.token, timeoutMs: 40_000 });
  const inFlight = await waitUntil('the sweep in the database', async () =>
    one(`select count(*) from pg_stat_activity where datname = 'harbor' and state = 'active'
         and query like '%returned as%'`) > 0, 15_000);
  let answered = false;
  sweep.then(() => (answered = true));
  if (process.env.OPS_NO_SIGTERM !== '1') a.child.kill('SIGTERM');
  const signalledAt = Date.now();
  await sleep(500);
  const duringDrain = answered ? null : await call(a, 'GET', '/q/health/ready', { timeoutMs: 5000 });
  const answer = await sweep;
  await waitUntil('instance a to exit', async () => !alive(a), 40_000);
  check('a request in flight at SIGTERM is finished and answered before the instance exits',
    inFlight && answer.status === 200 && answer.body?.returned === due,
    `${answer.status} after ${answer.ms} ms (SIGTERM ${signalledAt - sweepStarted} ms in) ${answer.error ?? JSON.stringify(answer.body)}`);
  check('while it drains, readiness is DOWN, so that a load balancer sends it nothing new',
    duringDrain !== null && (duringDrain.status === 503 || duringDrain.error === 'ECONNREFUSED'),
    duringDrain === null ? 'the sweep answered before the probe: seed more customers'
      : `${duringDrain.status} ${duringDrain.error ?? JSON.stringify(duringDrain.body)}`);
  check('the instance then exits cleanly', a.exit !== null && (a.exit.code === 0 || a.exit.code === 143),
    JSON.stringify(a.exit));
  check('the drained sweep committed its work', one(`select count(*) from customer_owners where store_id = ${admin.storeId}
    and owner_id is null`) === due);
}

// ---- main -------------------------------------------------------------------------------------------------------------
async function main() {
  if (!existsSync(jar)) throw new Error(`the backend jar ${jar} is missing: run \`make build\` first`);
  mkdirSync(outDir, { recursive: true });
  say(`private PostgreSQL in ${pgData} on port ${pgPort}`);
  database('start');
  const [portA, portB] = [await freePort(), await freePort()];
  const a = startInstance('a', portA, false);
  const b = startInstance('b', portB, true);
  say(`instances a (:${portA}, text logs) and b (:${portB}, JSON logs) starting on one database; logs in ${outDir}`);
  const up = await waitUntil('both instances ready', async () => {
    for (const instance of instances) {
      if (!alive(instance)) throw new Error(`instance ${instance.name} exited:\n${logTail(instance)}`);
    }
    return (await ready(a)) && (await ready(b));
  }, 150_000);
  if (!check('two instances start together on one database (migrations run once)', up,
    `${one('select count(*) from flyway_schema_history where success')} migrations applied`)) return;

  const scenarios = { sweeps: () => sweepsNeverOverlap(a, b), claims: () => claimsStayExact(a, b),
    recovery: () => recoversFromADatabaseRestart(a, b), drain: () => shutdownDrainsRequestsInFlight(a) };
  // OPS_SCENARIOS=claims,drain runs some of them only (while working on one).
  const chosen = (process.env.OPS_SCENARIOS ?? Object.keys(scenarios).join(',')).split(',');
  for (const scenario of chosen.map((name) => scenarios[name.trim()])) {
    try {
      await scenario();
    } catch (error) {
      check('scenario ran to the end', false, String(error?.stack ?? error));
    }
  }
}

try {
  await main();
} catch (error) {
  check('set-up', false, String(error?.stack ?? error));
}
await cleanUp();
console.log(`\nops-test: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(counts.failed === 0 ? 0 : 1);
