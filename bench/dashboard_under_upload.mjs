// bench/dashboard_under_upload.mjs: the measuring half of bench/dashboard-under-upload (read
// that first). Makes or resets --users accounts of role `user`, signs each in, then runs
// them against the dashboard API in three phases: idle, during an upload of --upload, and
// after it; prints each phase's figures and the upload's.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { expectStatus, loadFigures, runUsers, signInUsers } from './lib/dashboard_load.mjs';
import { dashboardPath } from './lib/dashboard_urls.mjs';
import { apiCaller, benchArgs, percentile, signInSession } from './lib/requests.mjs';
import { uploadAndProcess } from './lib/upload.mjs';

const args = benchArgs('dashboard_under_upload', {
  users: { type: 'string', default: '200' },
  seconds: { type: 'string', default: '30' },
  'after-seconds': { type: 'string', default: '10' },
  'think-ms': { type: 'string', default: '0' },
  upload: { type: 'string' },
  'upload-position': { type: 'string' },
  'users-file': { type: 'string' },
});
for (const name of ['upload', 'upload-position', 'users-file']) {
  if (!args[name]) throw new Error(`dashboard_under_upload: --${name} is required`);
}
const base = args.url.replace(/\/$/, '');
const userCount = Number(args.users);
const thinkMs = Number(args['think-ms']);
const adminSession = await signInSession(base, args.user, args.password);
const admin = apiCaller(base, adminSession);

// The users' password, kept beside the data so a later run only signs them in.
function usersPassword() {
  const kept = existsSync(args['users-file']) ? readFileSync(args['users-file'], 'utf8').trim() : '';
  if (kept) return { password: kept, trusted: true };
  const password = `Load-${randomBytes(12).toString('base64url')}`;
  writeFileSync(args['users-file'], `${password}\n`, { mode: 0o600 });
  return { password, trusted: false };
}

async function deletePosition(position) {
  expectStatus(await admin('POST', '/api/v1/data/delete', { mode: 'position', position }), [200],
    `deleting position ${position}`);
}

const ms = (value) => (value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(1)).padStart(9);
function printRow(label, row) {
  console.log(`${label.padEnd(28)} ${String(row.requests).padStart(8)} ${row.rate.toFixed(0).padStart(6)} ` +
    `${String(row.errors).padStart(6)}${ms(row.p50)}${ms(row.p95)}${ms(row.p99)}${ms(row.max)}`);
}

function report(idle, during, after, upload) {
  const idleRow = loadFigures(idle.get('all'));
  const uploadRow = loadFigures(...during.values());
  const afterRow = loadFigures(after.get('all'));
  console.log(`\n${userCount} users, dashboard API, ms        requests  req/s errors      p50      p95      p99      max`);
  printRow('idle', idleRow);
  printRow('during upload', uploadRow);
  for (const [name, stage] of during) printRow(`  ${name}`, loadFigures(stage));
  printRow('after (new data version)', afterRow);
  console.log(`p99 during upload / idle: ${(uploadRow.p99 / idleRow.p99).toFixed(2)}x; ` +
    `p50: ${(uploadRow.p50 / idleRow.p50).toFixed(2)}x`);
  console.log('\np99 per endpoint, ms       idle   upload');
  for (const [endpoint, times] of Object.entries(idle.get('all').byEndpoint)) {
    const whileUploading = [...during.values()].flatMap((stage) => stage.byEndpoint[endpoint] || []);
    console.log(`  ${endpoint.padEnd(20)}${ms(percentile(times, 99))}${ms(percentile(whileUploading, 99))}`);
  }

  const { status, staged } = upload;
  const rows = status.rows_accepted ?? 0;
  const processing = status.duration_seconds ?? NaN;
  console.log(`\nupload ${staged.file_name}, ${(staged.file_size / 1048576).toFixed(1)} MiB: ${status.status}, ` +
    `${rows} rows accepted, ${status.rows_rejected ?? 0} rejected`);
  console.log(`  transfer + preview ${upload.stageSeconds.toFixed(1)} s; processing ${Number(processing).toFixed(1)} s ` +
    `(${(rows / processing).toFixed(0)} rows/s); end to end ${upload.totalSeconds.toFixed(1)} s`);
  for (const [name, stage] of [['idle', idle.get('all')], ...during, ['after', after.get('all')]]) {
    if (stage.firstErrors.length) console.log(`  errors (${name}): ${stage.firstErrors.join(' | ')}`);
  }
  writeFileSync(path.join(args.out, 'result.json'), JSON.stringify({
    users: userCount, think_ms: thinkMs, idle: idleRow, upload: uploadRow, after: afterRow,
    upload_job: { status: status.status, rows, processing_seconds: processing, stage_seconds: upload.stageSeconds },
  }, null, 2));
  return idleRow.errors + uploadRow.errors + afterRow.errors === 0 && status.status === 'completed';
}

async function main() {
  const positions = async () => expectStatus(await admin('GET', dashboardPath.positions()), [200], 'positions');
  // A run stopped half-way may have left the upload's position: the phases start without it.
  if ((await positions()).positions.includes(args['upload-position'])) await deletePosition(args['upload-position']);
  const listing = await positions();
  if (listing.positions.length === 0) throw new Error('no positions loaded');

  process.stderr.write(`signing in ${userCount} users...\n`);
  const signInStart = Date.now();
  const { password, trusted } = usersPassword();
  const cookies = await signInUsers(base, admin, userCount, password, { trusted });
  process.stderr.write(`  ${userCount} users ready in ${((Date.now() - signInStart) / 1000).toFixed(1)} s\n`);
  const forSeconds = (seconds) => {
    const end = Date.now() + 1000 * seconds;
    return () => Date.now() >= end;
  };

  // Unmeasured: 200 connections opened at once, and the first figures read, are not what
  // the idle phase is about.
  await runUsers(base, cookies, listing, { done: forSeconds(5), thinkMs });
  process.stderr.write(`idle phase, ${args.seconds} s...\n`);
  const idle = await runUsers(base, cookies, listing, { done: forSeconds(Number(args.seconds)), thinkMs });

  process.stderr.write('upload phase...\n');
  let uploading = true;
  let stageName = 'transfer + preview';
  const during = runUsers(base, cookies, listing, { done: () => !uploading, stageOf: () => stageName, thinkMs });
  const upload = await uploadAndProcess(base, adminSession, args.upload, {
    onStaged: () => { stageName = 'queue + processing'; },
  }).finally(() => { uploading = false; });

  process.stderr.write(`after phase, ${args['after-seconds']} s...\n`);
  const after = await runUsers(base, cookies, listing, { done: forSeconds(Number(args['after-seconds'])), thinkMs });
  const clean = report(idle, await during, after, upload);
  await deletePosition(args['upload-position']);
  process.exit(clean ? 0 : 1);
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
