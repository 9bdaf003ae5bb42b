// bench/lib/requests.mjs: what the benchmarks' measuring halves (bench/*.mjs) share: their
// common arguments, signing in to a running `smedash serve`, API calls with the session's
// CSRF token, timed GETs over one kept-alive connection, reference SQL timed in one psql
// session, and percentiles.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

// --url, --user, --password, --psql-url and --out, all required, plus the script's own
// `options` (node:util parseArgs form).
export function benchArgs(script, options) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      user: { type: 'string' },
      password: { type: 'string' },
      'psql-url': { type: 'string' },
      out: { type: 'string' },
      ...options,
    },
  });
  for (const name of ['url', 'user', 'password', 'psql-url', 'out']) {
    if (!values[name]) throw new Error(`${script}: --${name} is required`);
  }
  return values;
}

// The session of `user`: { cookie: "name=value; ..." for a Cookie header, csrf }.
export async function signInSession(base, user, password) {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ username: user, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const { csrf_token: csrf } = await response.json();
  return { cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf };
}

// The session cookie of `user`, as "name=value; ..." for a Cookie header.
export async function signIn(base, user, password) {
  return (await signInSession(base, user, password)).cookie;
}

// call(method, pathAndQuery, body?) → { status, json } as `session` (from signInSession):
// with its CSRF token, `body` (an object) sent as JSON; json null unless the answer is JSON.
export function apiCaller(base, session) {
  return async (method, pathAndQuery, body = undefined) => {
    const response = await fetch(`${base}${pathAndQuery}`, {
      method,
      headers: {
        Cookie: session.cookie, 'X-CSRF-Token': session.csrf, Origin: base,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') || '').includes('json') && text;
    return { status: response.status, json: isJson ? JSON.parse(text) : null };
  };
}

// get(pathAndQuery) → { ms, json, body }; anything but a 200 throws. With { parse: false }
// the body is read but not parsed (json undefined): a client playing many users spends its
// time on their requests.
export function timedGetter(base, cookie, { parse = true } = {}) {
  return async (pathAndQuery) => {
    const start = process.hrtime.bigint();
    const response = await fetch(`${base}${pathAndQuery}`, { headers: { Cookie: cookie } });
    const body = await response.text();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (response.status !== 200) throw new Error(`${pathAndQuery}: ${response.status} ${body.slice(0, 300)}`);
    return { ms, json: parse ? JSON.parse(body) : undefined, body };
  };
}

// Runs `queries` in ONE psql session (written to scriptPath, JIT off), so no query pays a
// process start-up, and returns each query's time in ms from \timing, in order.
export function timeInPsql(psqlUrl, scriptPath, queries) {
  writeFileSync(scriptPath, ['\\timing on', 'SET jit = off;', ...queries].join('\n'));
  const run = spawnSync('psql', [psqlUrl, '-X', '-q', '-o', '/dev/null', '-f', scriptPath], {
    encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`psql failed: ${run.stderr}`);
  // \timing prints "Time: 12.345 ms" after each statement; the first is the SET.
  const times = [...run.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1])).slice(1);
  if (times.length !== queries.length) {
    throw new Error(`expected ${queries.length} reference timings, got ${times.length}`);
  }
  return times;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// p50 and p99 of our times and the reference's, and how many times faster ours are at p50.
export function latencyRow(ours, reference) {
  const row = {
    ours_p50: percentile(ours, 50), ours_p99: percentile(ours, 99),
    ref_p50: percentile(reference, 50), ref_p99: percentile(reference, 99),
  };
  row.ratio = row.ref_p50 / row.ours_p50;
  return row;
}

// A latencyRow as the tables print it: "   p50    p99    p50    p99   ratio x".
export function latencyColumns(row) {
  return `${row.ours_p50.toFixed(2).padStart(9)} ${row.ours_p99.toFixed(2).padStart(10)} ` +
    `${row.ref_p50.toFixed(2).padStart(10)} ${row.ref_p99.toFixed(2).padStart(10)} ${row.ratio.toFixed(1).padStart(10)}x`;
}
