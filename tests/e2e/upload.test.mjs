// Uploading loan data on /data/upload/: the admin chooses the domain.md worked example,
// reads the preview, processes it and sees the summary; a file with a bad row shows the
// rejected row with its reason and a download; a file without a required column cannot be
// processed. Everything through the page, as an admin would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const HEADER = 'PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,'
  + 'KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,'
  + 'KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS';

// domain.md section 10.
const WORKED_EXAMPLE = [
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

// A new position with one bad row: line 3 has KOL_ADK 9.
const ONE_BAD_ROW = [
  HEADER,
  '10/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,0,500000000,0,0,80065,3,500000000',
  '10/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1500000000,0,0,0,0,43207,9,1500000000',
  '10/10/2025,KC Garut,25,KC Garut,100000000000007,Koperasi Tujuh,C7,N,0,0,0,0,0,43208,1,0',
].join('\n');

// The page's Indonesian texts, to build the answer a busy server gives.
const UPLOAD_TEXTS = JSON.parse(readFileSync(new URL('../../web/i18n/id/upload.json', import.meta.url), 'utf8'));

const NO_CIFNO = 'PERIODE,KANCA,KODE UKER,NOMOR REKENING,CODE,KOL_ADK,OS\n'
  + '09/10/2025,KC Garut,25,100000000000004,80065,3,500000000\n';

describe('uploading loan data', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin; // { context, page, problems } signed in as the admin for the whole file

  before(async () => {
    // A 1 MB limit, so the test of a file over the limit needs no 100 MB buffer.
    server = await startServer({ adminPassword: ADMIN_PASSWORD, env: { SMEDASH_UPLOAD_MAX_MB: '1' } });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openUploadPage() {
    const response = await admin.page.goto(`${server.url}/data/upload/`);
    assert.equal(response.status(), 200);
    await admin.page.waitForSelector('#upload-file:not([disabled])');
  }

  async function choose(name, content) {
    await admin.page.setInputFiles('#upload-file', {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(content, 'utf8'),
    });
    await admin.page.waitForSelector('#upload-preview', { state: 'visible' });
  }

  async function processAndWait() {
    const { page } = admin;
    assert.ok(await page.isEnabled('#upload-process'));
    await page.click('#upload-process');
    assert.ok(await page.isDisabled('#upload-process'), 'a second click cannot queue twice');
    await page.waitForSelector('#upload-summary', { state: 'visible', timeout: 60_000 });
  }

  const stat = (name) => text(admin.page, `[data-stat="${name}"]`);
  const cells = (selector) => admin.page.$$eval(selector, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())));

  test('the admin uploads the worked example, previews it and loads it', async () => {
    const { page } = admin;
    await openUploadPage();
    assert.equal(await page.title(), 'Unggah Data · SME Performance Highlights');
    const data = (await readSidebar(page)).find((section) => section.heading === 'Manajemen Data');
    assert.deepEqual(data?.links[0], { text: 'Unggah Data', href: '/data/upload/', active: true });
    assert.match(await text(page, '#upload-file-hint'), /paling besar 1 MB\./);

    await page.fill('#upload-notes', 'Contoh dari domain.md');
    await choose('contoh posisi.csv', WORKED_EXAMPLE);
    assert.match(await text(page, '#upload-preview-file'), /^contoh posisi\.csv · \d+ KB$/);
    assert.equal(await text(page, '#upload-preview-rows'), '20');
    assert.ok(await page.isHidden('#upload-problem'));
    assert.ok(await page.isHidden('#upload-same-file'));
    assert.deepEqual(await cells('#upload-periodes-tbody tr'), [
      ['31/12/2024', '2'], ['30/09/2025', '5'], ['08/10/2025', '6'], ['09/10/2025', '7'],
    ]);
    const mapping = await cells('#upload-mapping-tbody tr');
    assert.equal(mapping.length, 16);
    assert.deepEqual(mapping[0], ['PERIODE', 'PERIODE', 'Dikenali']);
    assert.equal(await page.locator('#upload-sample-tbody tr[data-line]').count(), 10);
    // The first row as it will be read: its date, and an amount with the file's text below.
    const firstRow = '#upload-sample-tbody tr[data-line="2"]';
    assert.equal(await text(page, `${firstRow} td:nth-child(2) .upload-value`), '31/12/2024');
    assert.equal(await page.locator(`${firstRow} td:nth-child(2) .upload-raw`).count(), 0);
    assert.equal(await text(page, `${firstRow} td:nth-child(10) .upload-value`), '9.000.000.000,00');
    assert.equal(await text(page, `${firstRow} td:nth-child(10) .upload-raw`), '9000000000');

    await processAndWait();
    assert.match(await text(page, '#upload-summary-title'), /Selesai Data contoh posisi\.csv berhasil dimuat\./);
    assert.equal(await stat('rows_total'), '20');
    assert.equal(await stat('rows_accepted'), '20');
    assert.equal(await stat('rows_rejected'), '0');
    assert.equal(await stat('rows_replaced'), '0');
    assert.deepEqual(await cells('#upload-summary-periodes-tbody tr'), [
      ['31/12/2024', '2', '0'], ['30/09/2025', '5', '0'], ['08/10/2025', '6', '0'], ['09/10/2025', '7', '0'],
    ]);
    assert.match(await text(page, '#upload-summary-codes'), /99999/);
    assert.equal(await text(page, '#upload-issues-tbody'), 'Tidak ada baris ditolak maupun peringatan.');
    assertNoProblems(admin.problems);
  });

  test('the same file again is flagged before processing', async () => {
    const { page } = admin;
    await openUploadPage();
    await choose('contoh posisi lagi.csv', WORKED_EXAMPLE);
    assert.match(await text(page, '#upload-same-file'), /sudah pernah dimuat .* \(unggahan #\d+, contoh posisi\.csv\)/);
    await page.click('#upload-cancel');
    await page.waitForSelector('#upload-choose', { state: 'visible' });
    assert.match(await text(page, '#upload-feedback'), /dibatalkan/);
    assertNoProblems(admin.problems);
  });

  test('a rejected row is shown with its line and reason, and can be downloaded', async () => {
    const { page } = admin;
    await openUploadPage();
    await choose('satu baris buruk.csv', ONE_BAD_ROW);
    assert.equal(await page.locator('#upload-sample-tbody tr.upload-row-rejected').count(), 1);
    assert.equal(await page.getAttribute('#upload-sample-tbody tr.upload-row-rejected', 'data-line'), '3');

    await processAndWait();
    assert.equal(await stat('rows_total'), '3');
    assert.equal(await stat('rows_accepted'), '2');
    assert.equal(await stat('rows_rejected'), '1');
    const issues = await cells('#upload-issues-tbody tr');
    assert.equal(issues.length, 1);
    assert.equal(issues[0][0], '3');
    assert.equal(issues[0][1], 'KOL_ADK');
    assert.equal(issues[0][2], '9');
    assert.match(issues[0][3], /KOL_ADK/);
    assert.equal(issues[0][4], 'Ditolak');
    assert.equal(await text(page, '#upload-issues-count'), '1–1 dari 1');

    const href = await page.getAttribute('#upload-issues-csv', 'href');
    assert.match(href, /^\/api\/v1\/uploads\/\d+\/issues\.csv\?kind=all$/);
    const csv = await page.request.get(`${server.url}${href}`);
    assert.equal(csv.status(), 200);
    const body = (await csv.body()).toString('utf8');
    assert.ok(body.startsWith('\uFEFFBaris,Kolom,Nilai,Alasan,Jenis\r\n3,KOL_ADK,9,'), body);
    const xlsx = await page.request.get(`${server.url}${await page.getAttribute('#upload-issues-xlsx', 'href')}`);
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK');
    assertNoProblems(admin.problems);
  });

  test('a file without a required column cannot be processed', async () => {
    const { page } = admin;
    await openUploadPage();
    await choose('tanpa cifno.csv', NO_CIFNO);
    assert.match(await text(page, '#upload-problem'), /CIFNO/);
    assert.ok(await page.isDisabled('#upload-process'));
    assert.match(await text(page, '#upload-process-reason'), /^File ini tidak dapat diproses: .*CIFNO/);
    assertNoProblems(admin.problems);
  });

  test('a file over the limit is refused in the page before it is sent', async () => {
    const { page } = admin;
    await openUploadPage();
    await page.setInputFiles('#upload-file', {
      name: 'besar.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(1024 * 1024 + 1, 'a'),
    });
    assert.match(await text(page, '#upload-form-alert'), /lebih besar dari batas 1 MB/);
    assert.ok(await page.isHidden('#upload-preview'));
    assertNoProblems(admin.problems);
  });

  // The server's busy answer (tests/integration/data_management/upload_busy_test.cpp) is
  // played here for the first send; the page shows its message, waits the Retry-After
  // seconds with the file kept, and sends it again to the real server.
  test('a busy server is told to the admin and the file is sent again', async () => {
    const { page } = admin;
    await openUploadPage();
    let sends = 0;
    const uploads = (url) => url.pathname === '/api/v1/uploads';
    await page.route(uploads, async (route) => {
      if (route.request().method() !== 'POST' || ++sends > 1) return route.continue();
      return route.fulfill({
        status: 503,
        headers: { 'Content-Type': 'application/json', 'Retry-After': '1' },
        body: JSON.stringify({ error: { code: 'busy', message: UPLOAD_TEXTS['upload.error.busy'] } }),
      });
    });
    try {
      await page.setInputFiles('#upload-file', {
        name: 'sibuk.csv', mimeType: 'text/csv', buffer: Buffer.from(ONE_BAD_ROW, 'utf8'),
      });
      await page.waitForSelector('#upload-form-alert', { state: 'visible' });
      assert.equal(await text(page, '#upload-form-alert'),
        `${UPLOAD_TEXTS['upload.error.busy']} Server sibuk; mencoba lagi dalam 1 detik…`);
      assert.ok(await page.isDisabled('#upload-file'), 'no second file while one waits');
      await page.waitForSelector('#upload-preview', { state: 'visible' });
      assert.equal(sends, 2);
      assert.ok(await page.isHidden('#upload-form-alert'));
      assert.equal(await text(page, '#upload-preview-rows'), '3');
    } finally {
      await page.unroute(uploads);
    }
    await page.click('#upload-cancel');
    await page.waitForSelector('#upload-choose', { state: 'visible' });
    assertNoProblems(admin.problems, { allowStatuses: [503] });
  });
});
