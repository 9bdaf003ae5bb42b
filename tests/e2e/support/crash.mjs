// For the crash tests (tests/e2e/crash_recovery.test.mjs, tests/stress/crash-loop.mjs): an
// admin API session without a browser, the state that must survive a kill -9 (tables read
// with psql and the dashboards' figures from the API), a psql session holding a table
// lock so that a kill lands inside a given statement of a transaction, and waiting for an
// upload to reach a phase or a verdict.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

import { ADMIN_PASSWORD, apiSession } from './app.mjs';
import { runSql } from './dashboard.mjs';
import { ADMIN_USERNAME, clusterConnection } from './server.mjs';

const require = createRequire(new URL('../../../web/package.json', import.meta.url));
const { request } = require('playwright-core');

// Signs the admin in through the JSON API of `server`; `call(method, path, data)` sends the
// CSRF header (a Buffer `data` is sent as the raw body). close() ends the session's context.
export async function adminApi(server) {
  const context = await request.newContext({ timeout: 120_000 });
  const call = await apiSession(context, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  return { call, close: () => context.dispose() };
}

// Sends a file as an upload and queues it; resolves to its id.
export async function uploadAndProcess(call, name, bytes) {
  const staged = await call('POST', `/api/v1/uploads?name=${encodeURIComponent(name)}`, bytes);
  assert.equal(staged.status, 201, JSON.stringify(staged.body));
  const id = staged.body.upload.id;
  const queued = await call('POST', `/api/v1/uploads/${id}/process`);
  assert.equal(queued.status, 202, JSON.stringify(queued.body));
  return id;
}

// Polls GET /api/v1/uploads/{id} until `done(upload)`; resolves to the upload.
export async function waitForUpload(call, id, done, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await call('GET', `/api/v1/uploads/${id}`);
    assert.equal(status, 200, JSON.stringify(body));
    if (done(body.upload)) return body.upload;
    if (Date.now() > deadline) {
      assert.fail(`upload ${id} did not become ${what}: ${JSON.stringify(body.upload)}`);
    }
    await sleep(50);
  }
}

export const finished = (upload) => upload.status === 'completed' || upload.status === 'failed';

// Row counts and sums of loan_data per position and of the aggregate tables, and the
// segment map: compared whole, so a half-done load, refresh or delete shows as a difference.
const TABLES_SQL = `
SELECT json_build_object(
  'loan_data', (SELECT coalesce(json_object_agg(periode, json_build_array(n, os) ORDER BY periode), '{}')
                FROM (SELECT periode, count(*) AS n, sum(os)::text AS os FROM loan_data GROUP BY 1) d),
  'agg_position', (SELECT json_build_array(count(*), sum(os)::text, sum(accounts)) FROM agg_position),
  'agg_nsb', (SELECT json_build_array(count(*), sum(customers)) FROM agg_nsb),
  'segment_map', (SELECT json_object_agg(code, segment ORDER BY code) FROM segment_map))`;

// The figures as the dashboards show them: positions, Home (without its last-upload box,
// which names an upload) and Dashboard OS for OS and NSB at the latest position.
async function figures(call) {
  const read = async (path) => {
    const { status, body } = await call('GET', path);
    assert.equal(status, 200, `${path}: ${JSON.stringify(body)}`);
    return body;
  };
  const { last_upload: lastUpload, ...home } = await read('/api/v1/dashboard/home');
  return {
    positions: (await read('/api/v1/positions')).positions,
    home,
    os: await read('/api/v1/dashboard/os?group=SME&metric=os'),
    nsb: await read('/api/v1/dashboard/os?group=SME&metric=nsb'),
  };
}

// The tables only: readable while no server runs (its PostgreSQL stays up after a kill).
export async function tableState(server) {
  return JSON.parse(await runSql(server, TABLES_SQL));
}

export async function dataState(server, call) {
  return { tables: await tableState(server), figures: await figures(call) };
}

const lockSessions = new Set();

// A psql session that holds `LOCK TABLE <table> IN EXCLUSIVE MODE` (reads go on, writes
// wait) until release(). Resolves once the lock is held.
export async function holdWriteLock(server, table) {
  const { host, port, user } = await clusterConnection(server.dataDir);
  const psql = spawn('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', host, '-p', port,
    '-U', user, '-d', 'smedash'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => psql.once('exit', resolve));
  const session = {
    async release() {
      if (psql.exitCode === null) psql.stdin.end('ROLLBACK;\n');
      await exited;
      lockSessions.delete(session);
    },
  };
  lockSessions.add(session);
  let output = '';
  psql.stdout.on('data', (chunk) => { output += chunk; });
  psql.stderr.on('data', (chunk) => { output += chunk; });
  psql.stdin.write(`BEGIN;\nLOCK TABLE ${table} IN EXCLUSIVE MODE;\nSELECT 'locked';\n`);
  const deadline = Date.now() + 10_000;
  while (!output.includes('locked')) {
    if (psql.exitCode !== null || Date.now() > deadline) {
      psql.kill();
      await session.release();
      assert.fail(`cannot lock ${table}: ${output}`);
    }
    await sleep(20);
  }
  return session;
}

// Lets go of every lock still held (a test that failed while holding one), so that a
// server waiting on it can stop.
export async function releaseLocks() {
  await Promise.all([...lockSessions].map((session) => session.release()));
}

const blockedOn = (table) => `SELECT a.query FROM pg_locks l JOIN pg_stat_activity a USING (pid)
  WHERE NOT l.granted AND l.relation = '${table}'::regclass AND a.application_name <> 'psql'`;

// Waits until a statement of smedash waits for the lock on `table`; resolves to its text.
export async function waitForBlockedStatement(server, table, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const query = (await runSql(server, blockedOn(table))).trim();
    if (query) return query;
    if (Date.now() > deadline) assert.fail(`no statement waited for ${table}`);
    await sleep(50);
  }
}

// Waits until no statement waits for the lock on `table` any more.
export async function waitForNoBlockedStatement(server, table, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const query = (await runSql(server, blockedOn(table))).trim();
    if (!query) return;
    if (Date.now() > deadline) assert.fail(`still waiting for ${table}: ${query}`);
    await sleep(50);
  }
}
