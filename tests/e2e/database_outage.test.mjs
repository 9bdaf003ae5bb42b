// PostgreSQL stopped under the running server, in the middle of an upload's load, then
// started again. The upload fails and says why (in Indonesian and English) once the
// database is back, with nothing of it loaded; while the database is down /healthz says 503
// and pages and the API answer a clear 503 at once instead of hanging or a 500; and the
// server recovers by itself: healthy again, the session still valid, sign-in, dashboards,
// a new upload and a retry of the failed one all work, without restarting smedash.
//
// The stop lands inside the load's transaction: a psql session holds agg_position against
// writes, so the load waits there, with the file's rows already copied, until PostgreSQL
// is stopped (immediate mode: its backends are killed, as in a crash).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

import { ADMIN_PASSWORD } from './support/app.mjs';
import {
  adminApi, finished, holdWriteLock, tableState, uploadAndProcess, waitForBlockedStatement, waitForUpload,
} from './support/crash.mjs';
import {
  ADMIN_USERNAME, pgCtl, repoRoot, serverAvailable, serverBinary, startServer,
} from './support/server.mjs';

const run = promisify(execFile);
const DOWN_ANSWER_MS = 5_000; // the pool's health check waits 2 s; connecting fails at once
const LOST_ID = 'Koneksi ke basis data terputus saat file ini diproses';
const LOST_EN = 'The connection to the database was lost while this file was being processed';

const stopPostgres = (dataDir) => pgCtl(dataDir, ['-m', 'immediate', '-w', 'stop'], { timeout: 60_000 });
// `restart` on a stopped cluster starts it with the options of its last start (postmaster.opts):
// the socket folder and settings smedash chose.
const startPostgres = (dataDir) => pgCtl(dataDir, ['-l', path.join(dataDir, 'log', 'postgresql.log'), '-w',
  'restart'], { timeout: 60_000 });

async function demoFile(dir, day, seed) {
  const out = path.join(dir, day);
  await run(serverBinary(), ['demo-data', '--out', out, '--format', 'csv', '--positions', '1', '--accounts', '2000',
    '--end', `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`, '--seed', String(seed)], { cwd: repoRoot });
  const name = `SME_POSITION_${day}.csv`;
  return { name, bytes: await readFile(path.join(out, name)) };
}

// A plain fetch client with its own session, to read pages and choose the language.
async function signIn(url) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return { status: response.status, cookie };
}

async function timedGet(url, pathname, cookie = '') {
  const started = Date.now();
  const response = await fetch(`${url}${pathname}`, { headers: { Cookie: cookie }, redirect: 'manual' });
  const body = await response.text();
  return { status: response.status, body, ms: Date.now() - started };
}

describe('PostgreSQL stopped during an upload', { skip: !serverAvailable() && 'build smedash first',
  timeout: 240_000 }, () => {
  let workDir;
  let server;
  let api;
  let session;
  let files;
  let lostId;
  let postgresDown = false;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'smedash-outage-'));
    files = { first: await demoFile(workDir, '20251009', 3), second: await demoFile(workDir, '20251010', 4) };
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    api = await adminApi(server);
    const signedIn = await signIn(server.url);
    assert.equal(signedIn.status, 200);
    session = signedIn.cookie;
  });

  after(async () => {
    if (postgresDown) await startPostgres(server.dataDir).catch(() => {});
    await api?.close();
    await server?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('while PostgreSQL is down: 503 on /healthz, pages and the API, at once', async () => {
    const lock = await holdWriteLock(server, 'agg_position');
    lostId = await uploadAndProcess(api.call, files.first.name, files.first.bytes);
    await waitForBlockedStatement(server, 'agg_position');
    postgresDown = true;
    await stopPostgres(server.dataDir);
    await lock.release().catch(() => {}); // its server is gone too

    const health = await timedGet(server.url, '/healthz');
    assert.equal(health.status, 503);
    assert.deepEqual(JSON.parse(health.body), { status: 'unavailable', database: 'down' });
    assert.ok(health.ms < DOWN_ANSWER_MS, `/healthz took ${health.ms} ms`);

    const status = await timedGet(server.url, `/api/v1/uploads/${lostId}`, session);
    assert.equal(status.status, 503, status.body);
    assert.deepEqual(JSON.parse(status.body), { error: { code: 'unavailable',
      message: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi; jika terus terjadi, '
        + 'hubungi administrator sistem.' } });
    assert.ok(status.ms < DOWN_ANSWER_MS, `the API took ${status.ms} ms`);

    const page = await timedGet(server.url, '/os/', `${session}; lang=en`);
    assert.equal(page.status, 503);
    assert.match(page.body, /The database cannot be reached right now\./);
    assert.ok(page.ms < DOWN_ANSWER_MS, `the page took ${page.ms} ms`);

    assert.equal((await signIn(server.url)).status, 503, 'signing in fails clearly, not with a 500');
  });

  test('once PostgreSQL is back the server is healthy again by itself', async () => {
    await startPostgres(server.dataDir);
    postgresDown = false;
    const deadline = Date.now() + 30_000;
    let health;
    do {
      await sleep(200);
      health = await timedGet(server.url, '/healthz');
    } while (health.status !== 200 && Date.now() < deadline);
    assert.equal(health.status, 200, health.body);
    assert.deepEqual(JSON.parse(health.body), { status: 'ok', database: 'up' });
    // Every request works from the first one on: no dead pooled connection is handed out.
    for (let i = 0; i < 10; i += 1) {
      const home = await timedGet(server.url, '/api/v1/dashboard/home', session);
      assert.equal(home.status, 200, `request ${i}: ${home.body}`);
    }
  });

  test('the interrupted upload failed, says why in both languages, and loaded nothing', async () => {
    const upload = await waitForUpload(api.call, lostId, finished, 'finished', 30_000);
    assert.equal(upload.status, 'failed', JSON.stringify(upload));
    assert.equal(upload.error.key, 'ingest.file.database_lost');
    assert.ok(upload.error.message.startsWith(LOST_ID), upload.error.message);
    const english = JSON.parse((await timedGet(server.url, `/api/v1/uploads/${lostId}`, `${session}; lang=en`)).body);
    assert.ok(english.upload.error.message.startsWith(LOST_EN), english.upload.error.message);

    const history = await api.call('GET', '/api/v1/uploads/history?status=failed');
    assert.equal(history.status, 200);
    const row = history.body.uploads.find((entry) => entry.id === lostId);
    assert.ok(row?.error?.message.startsWith(LOST_ID), JSON.stringify(history.body));

    assert.deepEqual((await tableState(server)).loan_data, {}, 'no row of the interrupted file stayed');
  });

  test('sign-in, pages, a new upload and a retry of the failed one work again', async () => {
    assert.equal((await signIn(server.url)).status, 200);
    const page = await timedGet(server.url, '/os/', session);
    assert.equal(page.status, 200);

    const id = await uploadAndProcess(api.call, files.second.name, files.second.bytes);
    const second = await waitForUpload(api.call, id, finished, 'finished', 60_000);
    assert.equal(second.status, 'completed', JSON.stringify(second));

    const retried = await api.call('POST', `/api/v1/uploads/${lostId}/retry`);
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    const first = await waitForUpload(api.call, lostId, finished, 'finished', 60_000);
    assert.equal(first.status, 'completed', JSON.stringify(first));

    const { positions } = (await api.call('GET', '/api/v1/positions')).body;
    assert.deepEqual([...positions].sort(), ['2025-10-09', '2025-10-10']);
  });
});
