// The dashboards while a loan file is uploaded and processed (issue 7, Load): the short
// version of bench/dashboard-under-upload, with its own code (bench/lib). 20 signed-in
// users of role `user` loop over the dashboard API (positions, Home, OS, Summary, Grafik
// Harian) from before an admin's upload until its job has ended: not one request fails
// (any non-2xx or network error), requests are answered while the file is previewed and
// while it is processed, and afterwards the users' dashboards have the new position.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { loadFigures, runUsers, signInUsers } from '../../bench/lib/dashboard_load.mjs';
import { apiCaller, signInSession } from '../../bench/lib/requests.mjs';
import { uploadAndProcess } from '../../bench/lib/upload.mjs';
import { ADMIN_PASSWORD } from './support/app.mjs';
import { ADMIN_USERNAME, repoRoot, serverAvailable, serverBinary, startServer } from './support/server.mjs';

const run = promisify(execFile);
const USERS = 20;
const NEW_POSITION = '2025-10-10';

// `smedash demo-data` files into dir/name; resolves to their paths.
async function demoFiles(dir, name, args) {
  const out = path.join(dir, name);
  await run(serverBinary(), ['demo-data', '--out', out, '--format', 'csv', ...args], { cwd: repoRoot });
  return (await readdir(out)).filter((file) => file.endsWith('.csv')).map((file) => path.join(out, file));
}

describe('dashboards during an upload', { skip: !serverAvailable() && 'build smedash first', timeout: 120_000 }, () => {
  let server;
  let workDir;
  let upload;

  before(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'smedash-e2e-load-'));
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    const loaded = await demoFiles(workDir, 'loaded', ['--positions', '10', '--accounts', '500']);
    [upload] = await demoFiles(workDir, 'upload', ['--positions', '1', '--accounts', '20000', '--end', NEW_POSITION]);
    const env = { ...process.env };
    delete env.DATABASE_URL;
    await run(serverBinary(), ['import', '--data-dir', server.dataDir, ...loaded], { cwd: repoRoot, env });
  });

  after(async () => {
    await server?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  test('no request fails and every stage is served while the file is previewed and processed', async () => {
    const adminSession = await signInSession(server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    const admin = apiCaller(server.url, adminSession);
    const cookies = await signInUsers(server.url, admin, USERS, 'Load-Sandi-2025!');
    const listing = (await admin('GET', '/api/v1/positions')).json;
    assert.equal(listing.positions.length, 10);

    let uploading = true;
    let stage = 'before';
    const stages = runUsers(server.url, cookies, listing, { done: () => !uploading, stageOf: () => stage });
    await new Promise((resolve) => { setTimeout(resolve, 500); });
    stage = 'transfer + preview';
    const result = await uploadAndProcess(server.url, adminSession, upload, {
      onStaged: () => { stage = 'processing'; },
    }).finally(() => { uploading = false; });
    const served = await stages;

    assert.equal(result.status.status, 'completed', JSON.stringify(result.status));
    assert.equal(result.status.rows_rejected, 0);
    for (const name of ['before', 'transfer + preview', 'processing']) {
      assert.ok(served.has(name), `no request was sent during ${name}`);
      const figures = loadFigures(served.get(name));
      assert.equal(figures.errors, 0, `${name}: ${served.get(name).firstErrors.join(' | ')}`);
      assert.ok(figures.requests >= USERS, `${name}: only ${figures.requests} requests answered`);
    }

    const answer = await fetch(`${server.url}/api/v1/positions`, { headers: { Cookie: cookies[0] } });
    assert.equal((await answer.json()).latest, NEW_POSITION);
  });
});
