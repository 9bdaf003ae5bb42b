// The upload history (/data/history/): the admin uploads a file with one bad row, finds it
// in the history by a piece of its name, opens its report, sees the rejected row,
// downloads the rejected rows as CSV and the original file, then deletes the upload's data
// and sees the dashboards change (issue 5's browser test). Everything through the pages.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const HEADER = 'PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,'
  + 'KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,'
  + 'KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS';

// Line 3 has KOL_ADK 9.
const ONE_BAD_ROW = [
  HEADER,
  '10/10/2025,KC Garut,25,KC Garut,100000000000004,Toko Empat,C4,N,0,0,500000000,0,0,80065,3,500000000',
  '10/10/2025,KC Garut,25,KC Garut,100000000000006,UD Dua Garut,C2,N,1500000000,0,0,0,0,43207,9,1500000000',
  '10/10/2025,KC Garut,25,KC Garut,100000000000007,Koperasi Tujuh,C7,N,0,0,0,0,0,43208,1,0',
].join('\n');

// Another position, so the name filter has something to leave out.
const GOOD_FILE = [
  HEADER,
  '09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT Satu,C1,N,10000000000,0,0,0,0,42210,1,10000000000',
].join('\n');

const BAD_NAME = 'Posisi Garut 10 Okt (baris buruk).csv';

describe('the upload history', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin; // { context, page, problems }

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cells = (selector) => admin.page.$$eval(selector, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())));

  // Through the upload page, as in upload.test.mjs: choose, preview, process, summary.
  async function uploadAndProcess(name, content) {
    const { page } = admin;
    await page.goto(`${server.url}/data/upload/`);
    await page.waitForSelector('#upload-file:not([disabled])');
    await page.setInputFiles('#upload-file', { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await page.waitForSelector('#upload-preview', { state: 'visible' });
    await page.click('#upload-process');
    await page.waitForSelector('#upload-summary', { state: 'visible', timeout: 60_000 });
  }

  async function downloadOf(selector) {
    const [download] = await Promise.all([admin.page.waitForEvent('download'), admin.page.click(selector)]);
    assert.equal(await download.failure(), null);
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  }

  test('the admin finds an upload by name, reads its rejected row and downloads its files', async () => {
    const { page } = admin;
    await uploadAndProcess('lengkap.csv', GOOD_FILE);
    await uploadAndProcess(BAD_NAME, ONE_BAD_ROW);

    await page.goto(`${server.url}/data/history/`);
    assert.equal(await page.title(), 'Riwayat Unggah · SME Performance Highlights');
    const data = (await readSidebar(page)).find((section) => section.heading === 'Manajemen Data');
    assert.deepEqual(data?.links.slice(0, 2), [
      { text: 'Unggah Data', href: '/data/upload/', active: false },
      { text: 'Riwayat Unggah', href: '/data/history/', active: true },
    ]);
    await page.waitForSelector('#history-tbody tr');
    assert.deepEqual((await cells('#history-tbody tr')).map((row) => row[0]), [BAD_NAME, 'lengkap.csv']);
    assert.equal(await text(page, '#history-count'), '1–2 dari 2 unggahan');

    // A piece of the name in another case finds it, and the filter goes into the URL.
    await page.fill('#history-name', 'BARIS BURUK');
    await page.click('#history-apply');
    await page.waitForFunction(() => document.querySelectorAll('#history-tbody tr').length === 1);
    assert.equal(new URL(page.url()).searchParams.get('name'), 'BARIS BURUK');
    const [row] = await cells('#history-tbody tr');
    const [file, uploader, uploadedAt, size, positions, total, accepted, rejected, status, duration] = row;
    assert.equal(file, BAD_NAME);
    assert.equal(uploader, 'admin');
    assert.match(uploadedAt, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    assert.equal(size, '1 KB');
    assert.equal(positions, '10/10/2025');
    assert.deepEqual([total, accepted, rejected], ['3', '2', '1']);
    assert.equal(status, 'Selesai');
    assert.match(duration, /detik$/);

    // The URL keeps the view: a reload shows the same filtered list.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#history-tbody tr').length === 1);
    assert.equal(await page.inputValue('#history-name'), 'BARIS BURUK');

    // A status that matches nothing says so.
    await page.selectOption('#history-status', 'failed');
    await page.click('#history-apply');
    await page.waitForSelector('#history-state:has-text("Tidak ada unggahan yang cocok")');
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('#history-tbody tr').length === 1);

    await Promise.all([page.waitForNavigation(), page.click(`#history-tbody a:has-text("${BAD_NAME}")`)]);
    assert.match(new URL(page.url()).pathname, /^\/data\/history\/\d+\/$/);
    assert.equal(await page.title(), 'Detail Unggahan · SME Performance Highlights');
    await page.waitForSelector('#history-issues-tbody tr td:has-text("KOL_ADK")');
    assert.equal(await text(page, '#history-detail-file'), BAD_NAME);
    assert.equal(await text(page, '#history-detail-status'), 'Selesai');
    assert.equal(await text(page, '[data-stat="rows_rejected"]'), '1');
    assert.equal(await text(page, '[data-fact="uploader"]'), 'admin');
    assert.deepEqual(await cells('#history-periodes-tbody tr'), [['10/10/2025', '2', '0']]);
    const issues = await cells('#history-issues-tbody tr');
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0].slice(0, 3), ['3', 'KOL_ADK', '9']);
    assert.equal(issues[0][4], 'Ditolak');

    // Completed, so nothing to process again, and the page says why.
    assert.ok(await page.isDisabled('#history-retry'));
    assert.equal(await text(page, '#history-retry-reason'),
      'Hanya unggahan yang gagal yang dapat diproses ulang; status unggahan ini Selesai.');

    const rejects = await downloadOf('#history-issues-csv');
    assert.match(rejects.name, /^upload-\d+-issues\.csv$/);
    const csv = rejects.body.toString('utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], '\uFEFFBaris,Kolom,Nilai,Alasan,Jenis');
    assert.match(lines[1], /^3,KOL_ADK,9,.*KOL_ADK.*,Ditolak$/);
    assert.equal(lines.filter((line) => line !== '').length, 2);

    const original = await downloadOf('#history-download');
    assert.equal(original.name, BAD_NAME);
    assert.equal(original.body.toString('utf8'), ONE_BAD_ROW);

    // Its data goes: from the report to the delete page, which shows what the upload still
    // holds; once confirmed, the dashboards are back at the other upload's position.
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#home-figures', { state: 'visible' });
    assert.equal(await text(page, '#home-position'), 'Posisi 10/10/2025 · Rp juta');
    await page.goBack();
    await Promise.all([page.waitForNavigation(), page.click('#history-delete')]);
    assert.equal(new URL(page.url()).pathname, '/data/delete/');
    await page.waitForSelector('#delete-app[aria-busy="false"]', { state: 'attached' });
    if (await page.isHidden('#delete-preview')) await page.click('#delete-preview-submit');
    await page.waitForSelector('#delete-preview', { state: 'visible' });
    assert.deepEqual(await cells('#delete-preview-tbody tr'), [['10/10/2025', '2', 'Rp 500.000.000,00']]);
    await page.click('#delete-submit');
    await page.waitForSelector('#delete-feedback .alert-success');
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#home-figures', { state: 'visible' });
    assert.equal(await text(page, '#home-position'), 'Posisi 09/10/2025 · Rp juta');
    assert.equal(await text(page, '#home-card-os .home-card-number'), '10.000');
    assertNoProblems(admin.problems);
  });
});
