// For the dashboard browser tests: domain.md section 10's worked example as a CSV, loading
// a CSV into a running test server's database with the real `smedash import` (the same
// path as a backfill: the process shares the server's private PostgreSQL through
// --data-dir), and waiting for a figure to show.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { text } from './app.mjs';
import { clusterConnection, repoRoot, serverBinary } from './server.mjs';

const run = promisify(execFile);

const HEADER = 'PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,'
  + 'KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,'
  + 'KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS';

export const WORKED_EXAMPLE = [
  HEADER,
  '31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9000000000,0,0,0,0,42210,1,9000000000',
  '31/12/2024,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,2500000000,0,0,0,0,42110,1,2500000000',
  '30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9200000000,0,0,0,0,42210,1,9200000000',
  '30/09/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,1800000000,0,0,0,0,43206,1,1800000000',
  '30/09/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,2800000000,0,0,0,0,42110,1,2800000000',
  '30/09/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,450000000,0,0,0,0,80065,1,450000000',
  '30/09/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1000000000,0,0,0,0,43207,1,1000000000',
  '08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,9500000000,0,0,0,0,42210,1,9500000000',
  '08/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,2000000000,0,0,0,0,43206,1,2000000000',
  '08/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,3000000000,0,0,0,0,42110,1,3000000000',
  '08/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,500000000,0,0,0,80065,2,500000000',
  '08/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel Lima,C5,N,0,0,0,0,400000000,99999,5,',
  '08/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1200000000,0,0,0,0,43207,1,1200000000',
  '09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,10000000000,0,0,0,0,42210,1,10000000000',
  '09/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,UD Dua,C2,N,0,2000000000,0,0,0,43206,2,2000000000',
  '09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000003,CV Tiga,C3,Y,3000000000,0,0,0,0,42110,1,3000000000',
  '09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,0,500000000,0,0,80065,3,500000000',
  '09/10/2025,KC Garut,1346,KCP Cikajang,100000000000005,Bengkel Lima,C5,N,0,0,0,0,400000000,99999,5,',
  '09/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1500000000,0,0,0,0,43207,1,1500000000',
  '09/10/2025,KC Garut,25,KC Garut,100000000000007,Koperasi Tujuh,C7,N,0,0,0,0,0,43208,1,0',
].join('\n');

// Writes `csv` to a temporary file and runs `smedash import --data-dir <server's>` on it;
// resolves to the import's JSON report after checking every row was accepted.
export async function importCsv(server, csv, name = 'worked_example.csv') {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'smedash-e2e-import-'));
  const file = path.join(dir, name);
  try {
    await writeFile(file, csv, 'utf8');
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const { stdout } = await run(serverBinary(), ['import', '--data-dir', server.dataDir, file], {
      cwd: repoRoot, env, timeout: 120_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1));
    assert.equal(report.status, 'completed', stdout);
    assert.equal(report.rows_rejected, 0, stdout);
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Runs `sql` (one transaction) in the test server's database with psql, through the
// private cluster's socket: for data a test sets up behind the pages, e.g. komitmen
// targets, or for reading tables directly. Resolves to the output, unaligned, no headers.
export async function runSql(server, sql) {
  const { host, port, user } = await clusterConnection(server.dataDir);
  const { stdout } = await run('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', host,
    '-p', port, '-U', user, '-d', 'smedash', '-c', sql], { timeout: 30_000 });
  return stdout;
}

// Waits until `selector`'s text (spaces collapsed) is `expected`, then asserts it, so a
// timeout reports what the page showed instead.
export async function textBecomes(page, selector, expected, timeout = 10_000) {
  try {
    await page.waitForFunction(([sel, want]) => {
      const node = document.querySelector(sel);
      return node !== null && node.textContent.replace(/\s+/g, ' ').trim() === want;
    }, [selector, expected], { timeout });
  } catch {
    // The assertion below says what is there.
  }
  assert.equal(await text(page, selector), expected, selector);
}

// A comparison table cell: the row with data-key `key`, the cell with data-col `col`.
export function cell(tableId, key, col) {
  return `#${tableId} tr[data-key="${key}"] [data-col="${col}"]`;
}

// GETs `href` with the page's cookies; resolves to { status, type, body (Buffer) }.
export async function download(page, baseUrl, href) {
  const response = await page.request.get(`${baseUrl}${href}`);
  return { status: response.status(), type: response.headers()['content-type'] || '', body: await response.body() };
}

// Clicks a chart's PNG button and checks a PNG file comes down.
export async function assertPngDownload(page, chartId) {
  const button = `[data-chart-png="${chartId}"]:not([disabled])`;
  await page.waitForSelector(button);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  assert.match(file.suggestedFilename(), /\.png$/);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  assert.ok(bytes.length > 1000, `PNG of ${bytes.length} bytes`);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
}
