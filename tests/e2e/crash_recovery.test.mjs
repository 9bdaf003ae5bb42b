// kill -9 of the server in the middle of the work that changes data: the COPY of an upload,
// the aggregate phase of an upload (three times, until the job is given up), a segment-map
// change's re-aggregation and a delete. After each restart on the same data folder the
// tables and the dashboards' figures equal those before the interrupted change, or, once a
// job is retried to its end or the change is made again, those of a clean run that was
// never killed; the upload history says which job was retried and which failed.
//
// A kill lands mid-COPY once PostgreSQL shows the COPY running; it lands in the aggregate
// phase because a psql session holds agg_position against writes, so the statement that
// writes it waits there, inside its transaction, until the server is dead.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { ADMIN_PASSWORD } from './support/app.mjs';
import {
  adminApi, dataState, finished, holdWriteLock, releaseLocks, tableState, uploadAndProcess,
  waitForBlockedStatement, waitForNoBlockedStatement, waitForUpload,
} from './support/crash.mjs';
import { runSql } from './support/dashboard.mjs';
import { discardDataDir, repoRoot, serverAvailable, serverBinary, startServer } from './support/server.mjs';

const run = promisify(execFile);
const SEGMENT_CODE = '42210'; // MEDIUM in the seed map; demo data books many accounts on it
const NEW_SEGMENT = 'CC';
const DELETED_POSITION = '2025-10-08';

// Demo files: three small positions, a big file that replaces the last of them, and a
// small new position (the upload killed in its aggregate phase until it fails).
async function demoFiles(dir) {
  const make = async (out, args) => {
    await run(serverBinary(), ['demo-data', '--out', out, '--format', 'csv', ...args], { cwd: repoRoot });
    return out;
  };
  const small = await make(path.join(dir, 'small'), ['--positions', '3', '--accounts', '2000', '--end', '2025-10-09']);
  const big = await make(path.join(dir, 'big'), ['--positions', '1', '--accounts', '150000', '--end', '2025-10-09',
    '--seed', '7']);
  const extra = await make(path.join(dir, 'extra'), ['--positions', '1', '--accounts', '2000', '--end', '2025-10-10',
    '--seed', '9']);
  const file = async (folder, name) => ({ name, bytes: await readFile(path.join(folder, name)) });
  return {
    baseline: await Promise.all(['20251007', '20251008', '20251009'].map((day) => file(small, `SME_POSITION_${day}.csv`))),
    big: await file(big, 'SME_POSITION_20251009.csv'),
    extra: await file(extra, 'SME_POSITION_20251010.csv'),
  };
}

async function loadCompleted(call, file) {
  const id = await uploadAndProcess(call, file.name, file.bytes);
  const upload = await waitForUpload(call, id, finished, 'finished', 120_000);
  assert.equal(upload.status, 'completed', JSON.stringify(upload));
  return id;
}

async function changeSegment(call) {
  return call('PUT', `/api/v1/segments/${SEGMENT_CODE}`, { segment: NEW_SEGMENT });
}

async function deletePosition(call) {
  return call('POST', '/api/v1/data/delete', { mode: 'position', position: DELETED_POSITION });
}

// The same changes, never interrupted: the states the crashed server must end in.
async function cleanRun(files) {
  const server = await startServer({ adminPassword: ADMIN_PASSWORD });
  const api = await adminApi(server);
  try {
    const states = {};
    for (const file of files.baseline) await loadCompleted(api.call, file);
    states.baseline = await dataState(server, api.call);
    await loadCompleted(api.call, files.big);
    states.loaded = await dataState(server, api.call);
    assert.equal((await changeSegment(api.call)).status, 200);
    states.remapped = await dataState(server, api.call);
    assert.equal((await deletePosition(api.call)).status, 200);
    states.deleted = await dataState(server, api.call);
    return states;
  } finally {
    await api.close();
    await server.stop();
  }
}

describe('kill -9 of the server', { skip: !serverAvailable() && 'build smedash first', timeout: 240_000 }, () => {
  let workDir;
  let files;
  let clean;
  let server;
  let api;
  let dataDir;

  // Kills the server (the request in flight, if any, dies with it) and starts it again on
  // the same data folder; the private PostgreSQL it left running is used again.
  async function crash() {
    await server.kill();
    await api.close();
  }
  async function restart() {
    server = await startServer({ dataDir });
    api = await adminApi(server);
  }

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'smedash-crash-'));
    files = await demoFiles(workDir);
    clean = await cleanRun(files);
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    dataDir = server.dataDir;
    api = await adminApi(server);
    for (const file of files.baseline) await loadCompleted(api.call, file);
    assert.deepEqual(await dataState(server, api.call), clean.baseline, 'the baseline loads as in the clean run');
  });

  // A test that failed while holding a lock lets go of it, so the server can be stopped.
  afterEach(releaseLocks);

  after(async () => {
    try {
      await releaseLocks();
      await api?.close();
      await server?.stop();
    } finally {
      if (dataDir) await discardDataDir(dataDir);
      if (workDir) await rm(workDir, { recursive: true, force: true });
    }
  });

  test('during the COPY of an upload: nothing of it stays, and the retried job loads it all', async () => {
    const id = await uploadAndProcess(api.call, files.big.name, files.big.bytes);
    const copying = `SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE 'COPY %loan_data%'`;
    const deadline = Date.now() + 60_000;
    while ((await runSql(server, copying)).trim() === '0') {
      assert.ok(Date.now() < deadline, 'the COPY never started');
    }
    await crash();
    assert.deepEqual(await tableState(server), clean.baseline.tables, 'killed mid-COPY: the tables as before');

    await restart();
    const upload = await waitForUpload(api.call, id, finished, 'finished', 120_000);
    assert.equal(upload.status, 'completed', JSON.stringify(upload));
    assert.equal(upload.attempts, 2, 'requeued once, then completed');
    assert.deepEqual(await dataState(server, api.call), clean.loaded, 'as after a clean load');
  });

  test('during the aggregate phase, three times: the upload fails as interrupted, the data as before', async () => {
    let id;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      // Taken while no server runs (its PostgreSQL does): the restarted worker claims the
      // job at once and must find agg_position held.
      const lock = await holdWriteLock(server, 'agg_position');
      if (attempt === 1) id = await uploadAndProcess(api.call, files.extra.name, files.extra.bytes);
      else await restart();
      const statement = await waitForBlockedStatement(server, 'agg_position');
      assert.match(statement, /agg_position/);
      const upload = await waitForUpload(api.call, id, (u) => u.progress?.phase === 'aggregating', 'aggregating');
      assert.equal(upload.attempts, attempt);
      await crash();
      await lock.release();
      assert.deepEqual(await tableState(server), clean.loaded.tables, `killed while aggregating (attempt ${attempt})`);
    }
    await restart();
    const upload = await waitForUpload(api.call, id, finished, 'finished');
    assert.equal(upload.status, 'failed', JSON.stringify(upload));
    assert.equal(upload.attempts, 3);
    assert.equal(upload.error.key, 'ingest.file.interrupted');
    assert.equal(upload.rows_accepted, 0, 'a failed job reports nothing loaded');
    assert.deepEqual(upload.periodes, []);
    assert.deepEqual(await dataState(server, api.call), clean.loaded, 'nothing of the failed upload shows');

    // The history lists both: the retried load completed, this one failed and why.
    const { status, body } = await api.call('GET', '/api/v1/uploads/history');
    assert.equal(status, 200, JSON.stringify(body));
    const failed = body.uploads.find((item) => item.id === id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.attempts, 3);
    assert.equal(failed.error.key, 'ingest.file.interrupted');
    const retried = body.uploads.find((item) => item.file_name === files.big.name && item.rows_accepted > 2000);
    assert.equal(retried.status, 'completed');
    assert.equal(retried.attempts, 2);
  });

  test("during a segment-map change's re-aggregation: the map and figures as before, then as after", async () => {
    const lock = await holdWriteLock(server, 'agg_position');
    const change = changeSegment(api.call).catch((error) => error);
    await waitForBlockedStatement(server, 'agg_position');
    await crash();
    // PostgreSQL notices the dead client while its statement still waits, and ends it:
    // the killed server's transaction holds the loader's lock no longer.
    await waitForNoBlockedStatement(server, 'agg_position');
    await lock.release();
    assert.ok((await change) instanceof Error, 'the change was never answered');
    await restart();
    assert.deepEqual(await dataState(server, api.call), clean.loaded, 'the change left no trace');

    assert.equal((await changeSegment(api.call)).status, 200);
    assert.deepEqual(await dataState(server, api.call), clean.remapped, 'made again: as in the clean run');
  });

  test('during a delete: the position and figures as before, then as after', async () => {
    const lock = await holdWriteLock(server, 'agg_position');
    const removal = deletePosition(api.call).catch((error) => error);
    await waitForBlockedStatement(server, 'agg_position');
    await crash();
    await lock.release();
    assert.ok((await removal) instanceof Error, 'the delete was never answered');
    await restart();
    assert.deepEqual(await dataState(server, api.call), clean.remapped, 'the delete left no trace');
    const audited = `SELECT count(*) FROM audit_log WHERE action LIKE 'data.delete%'`;
    assert.equal((await runSql(server, audited)).trim(), '0', 'no audit entry for a delete that never happened');

    assert.equal((await deletePosition(api.call)).status, 200);
    assert.deepEqual(await dataState(server, api.call), clean.deleted, 'made again: as in the clean run');
  });
});
