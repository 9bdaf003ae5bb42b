#!/usr/bin/env node
// The long version of tests/e2e/crash_recovery.test.mjs: kill -9 the server again and again
// in the middle of uploads, segment-map changes and deletes, at random moments (or, with
// --mode locked, inside the aggregate statements), restart it on the same data each time,
// and check that the tables and the dashboards' figures always equal those before the
// interrupted change or those after it, as a server that was never killed has them.
//
//   SMEDASH_BIN=build/smedash tests/stress/crash-loop.mjs [--rounds 6] [--mode timed|locked|mixed]
//                             [--accounts 150000] [--seed 1]
//
// A round walks a cycle of six changes: load file X over the last position, move a CODE to
// another segment, load file Y over it, move the CODE back, delete a position, load that
// position again. A clean server walks the cycle once first; its states are the
// references (a round after the first starts from the state the cycle ends in). Prints
// one line per kill and a summary; exits 1 on the first mismatch.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs, promisify } from 'node:util';

import { ADMIN_PASSWORD } from '../e2e/support/app.mjs';
import {
  adminApi, dataState, finished, holdWriteLock, releaseLocks, tableState, uploadAndProcess,
  waitForBlockedStatement, waitForUpload,
} from '../e2e/support/crash.mjs';
import { discardDataDir, repoRoot, serverAvailable, serverBinary, startServer } from '../e2e/support/server.mjs';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '6' },
    mode: { type: 'string', default: 'mixed' },
    accounts: { type: 'string', default: '150000' },
    seed: { type: 'string', default: '1' },
  },
});
if (!['timed', 'locked', 'mixed'].includes(options.mode)) throw new Error('--mode timed|locked|mixed');
if (!serverAvailable()) throw new Error(`no server binary at ${serverBinary()}: build it or set SMEDASH_BIN`);

// A small deterministic generator, so that --seed repeats a run's kill moments.
let seed = Number(options.seed) >>> 0 || 1;
function random() {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

const run = promisify(execFile);
const CODE = '42210';

async function demoFiles(dir) {
  const make = async (name, args) => {
    const out = path.join(dir, name);
    await run(serverBinary(), ['demo-data', '--out', out, '--format', 'csv', ...args], { cwd: repoRoot });
    return out;
  };
  const file = async (folder, name) => ({ name, bytes: await readFile(path.join(folder, name)) });
  const small = await make('small', ['--positions', '3', '--accounts', '2000', '--end', '2025-10-09']);
  const big = ['--positions', '1', '--accounts', options.accounts, '--end', '2025-10-09'];
  return {
    baseline: await Promise.all(['20251007', '20251008', '20251009'].map((day) => file(small, `SME_POSITION_${day}.csv`))),
    x: await file(await make('x', [...big, '--seed', '7']), 'SME_POSITION_20251009.csv'),
    y: await file(await make('y', [...big, '--seed', '8']), 'SME_POSITION_20251009.csv'),
    deleted: await file(small, 'SME_POSITION_20251008.csv'),
  };
}

// The cycle. An upload is a job: the kill may land before its claim, in the COPY or in the
// aggregates; the others are one request and one transaction each.
function cycle(files) {
  const upload = (file) => ({ kind: 'upload', label: `load ${file === files.x ? 'X' : file === files.y ? 'Y' : '08'}`, file });
  const request = (label, method, pathName, body) => ({ kind: 'request', label, method, path: pathName, body });
  return [
    upload(files.x),
    request('segment CC', 'PUT', `/api/v1/segments/${CODE}`, { segment: 'CC' }),
    upload(files.y),
    request('segment MEDIUM', 'PUT', `/api/v1/segments/${CODE}`, { segment: 'MEDIUM' }),
    request('delete 08', 'POST', '/api/v1/data/delete', { mode: 'position', position: '2025-10-08' }),
    upload(files.deleted),
  ];
}

// Makes the change without a kill; resolves to the milliseconds a kill could land in
// (for an upload, from its queueing to its verdict).
async function applyFully(api, step) {
  if (step.kind === 'upload') {
    const id = await uploadAndProcess(api.call, step.file.name, step.file.bytes);
    const queued = Date.now();
    const upload = await waitForUpload(api.call, id, finished, 'finished', 300_000);
    assert.equal(upload.status, 'completed', JSON.stringify(upload));
    return Date.now() - queued;
  }
  const started = Date.now();
  const { status, body } = await api.call(step.method, step.path, step.body);
  assert.equal(status, 200, JSON.stringify(body));
  return Date.now() - started;
}

async function references(files, steps) {
  const server = await startServer({ adminPassword: ADMIN_PASSWORD });
  const api = await adminApi(server);
  try {
    for (const file of files.baseline) await applyFully(api, { kind: 'upload', file });
    const states = [await dataState(server, api.call)];
    const durations = [];
    for (const step of steps) {
      durations.push(await applyFully(api, step));
      states.push(await dataState(server, api.call));
    }
    return { states, durations };
  } finally {
    await api.close();
    await server.stop();
  }
}

const same = (a, b) => {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
};

async function main() {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'smedash-crash-loop-'));
  let server;
  let api;
  let dataDir;
  const tally = new Map();
  const count = (key) => tally.set(key, (tally.get(key) ?? 0) + 1);
  const started = Date.now();
  try {
    const files = await demoFiles(workDir);
    const steps = cycle(files);
    const reference = await references(files, steps);
    console.log(`references: ${steps.map((s, i) => `${s.label} ${reference.durations[i]} ms`).join(', ')}`);

    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    dataDir = server.dataDir;
    api = await adminApi(server);
    for (const file of files.baseline) await applyFully(api, { kind: 'upload', file });
    assert.ok(same(await dataState(server, api.call), reference.states[0]), 'baseline differs from the clean run');

    const restart = async () => {
      server = await startServer({ dataDir });
      api = await adminApi(server);
    };
    const kill = async () => {
      await server.kill();
      await api.close();
    };

    for (let round = 1; round <= Number(options.rounds); round += 1) {
      for (const [index, step] of steps.entries()) {
        // The cycle ends with Y over the last position, not the baseline's file.
        const before = reference.states[index === 0 && round > 1 ? steps.length : index];
        const afterState = reference.states[index + 1];
        const locked = options.mode === 'locked' || (options.mode === 'mixed' && random() < 0.3);
        const lock = locked ? await holdWriteLock(server, 'agg_position') : null;
        let uploadId = null;
        let answered = null;
        const delay = Math.round(random() * reference.durations[index] * 1.1);
        if (step.kind === 'upload') {
          uploadId = await uploadAndProcess(api.call, step.file.name, step.file.bytes);
        } else {
          answered = api.call(step.method, step.path, step.body).then((r) => r.status, () => 'killed');
        }
        let where = `${delay} ms in`;
        if (lock) {
          const statement = (await waitForBlockedStatement(server, 'agg_position')).split('\n')
            .find((line) => line.trim() && !line.trim().startsWith('--'));
          where = `in "${statement.trim().slice(0, 40)}"`;
        } else {
          await sleep(delay);
          if (uploadId !== null) {
            const { body } = await api.call('GET', `/api/v1/uploads/${uploadId}`);
            where += ` (${[body.upload.status, body.upload.progress?.phase].filter(Boolean).join(', ')})`;
          }
        }
        await kill();
        await lock?.release();
        const tables = await tableState(server);
        const outcome = same(tables, before.tables) ? 'before' : same(tables, afterState.tables) ? 'after' : null;
        assert.ok(outcome, `round ${round}, ${step.label}, killed ${where}: tables neither before nor after`);

        const recoveryStart = Date.now();
        await restart();
        let verdict = outcome === 'before' ? 'made again' : 'kept';
        if (uploadId !== null) {
          const upload = await waitForUpload(api.call, uploadId, finished, 'finished', 300_000);
          verdict = `${upload.status} (attempt ${upload.attempts})`;
          if (upload.status !== 'completed') await applyFully(api, step);
        } else if (outcome === 'before') {
          await applyFully(api, step);
        }
        const state = await dataState(server, api.call);
        assert.ok(same(state, afterState), `round ${round}, ${step.label}: after recovery, not as in the clean run`);
        count(`${step.label}: ${outcome === 'before' ? 'rolled back' : 'committed'}`);
        console.log(`round ${round} ${step.label.padEnd(15)} killed ${where}: tables ${outcome}; `
          + `${verdict}; recovered in ${Date.now() - recoveryStart} ms (answer: ${await answered ?? '-'})`);
      }
    }
    console.log(`\n${Number(options.rounds) * steps.length} kills in ${Math.round((Date.now() - started) / 1000)} s, every one `
      + 'left the data as before or as after:');
    for (const [key, value] of [...tally].sort()) console.log(`  ${key}: ${value}`);
  } finally {
    await releaseLocks();
    await api?.close();
    await server?.stop().catch((error) => console.error(error.message));
    if (dataDir) await discardDataDir(dataDir);
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
