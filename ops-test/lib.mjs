// What the ops tests (scale-out.mjs, containers.mjs) share: PASS/FAIL reporting, free ports, HTTP calls that
// always end, and waiting for a condition.
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** One line per check, a timed log line per step, and the totals at the end. */
export function reporter(label) {
  const started = Date.now();
  const counts = { passed: 0, failed: 0 };
  return {
    counts,
    started,
    check(name, ok, detail = '') {
      if (ok) counts.passed++;
      else counts.failed++;
      console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
      return ok;
    },
    say(text) {
      console.log(`[${label} ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${text}`);
    },
  };
}

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** A request to `target.base` + path that always ends: {status, body, headers, ms}; status 0 when it failed or timed out. */
export async function call(target, method, path, { token, body, headers = {}, timeoutMs = 20_000 } = {}) {
  const t = Date.now();
  try {
    const response = await fetch(target.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: response.status, body: parsed, headers: response.headers, ms: Date.now() - t };
  } catch (error) {
    return { status: 0, body: null, error: String(error?.cause?.code ?? error?.name ?? error), ms: Date.now() - t };
  }
}

/** As call, but throws unless the status is one of `expected`; the body. */
export async function ok(target, method, path, options, expected = [200, 201, 204]) {
  const r = await call(target, method, path, options);
  if (!expected.includes(r.status)) {
    throw new Error(`${method} ${path} via ${target.name}: ${r.status} ${r.error ?? JSON.stringify(r.body)}`);
  }
  return r.body;
}

/** Polls `probe` until it is true (true) or the time is up (false, and says what it waited for). */
export async function waitUntil(what, probe, timeoutMs, say = console.log, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await sleep(everyMs);
  }
  say(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
  return false;
}
