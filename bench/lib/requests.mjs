// bench/lib/requests.mjs: what the benchmarks' measuring halves (bench/*_requests.mjs)
// share: their common arguments, signing in to a running `smedash serve`, timed GETs over
// one kept-alive connection, reference SQL timed in one psql session, and percentiles.
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

// The session cookie of `user`, as "name=value; ..." for a Cookie header.
export async function signIn(base, user, password) {
  const response = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ username: user, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

// get(pathAndQuery) → { ms, json, body }; anything but a 200 throws.
export function timedGetter(base, cookie) {
  return async (pathAndQuery) => {
    const start = process.hrtime.bigint();
    const response = await fetch(`${base}${pathAndQuery}`, { headers: { Cookie: cookie } });
    const body = await response.text();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (response.status !== 200) throw new Error(`${pathAndQuery}: ${response.status} ${body.slice(0, 300)}`);
    return { ms, json: JSON.parse(body), body };
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
