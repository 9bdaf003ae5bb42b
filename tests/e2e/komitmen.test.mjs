// The komitmen pages as an admin uses them: a target file is previewed (month guessed from
// its name, a bad row named) and applied, shows in the history, its month opens as a table
// where a cell is edited in place (a bad value answered by the cell, Esc cancels), the
// month is uploaded again and the preview says what changes, and the month is deleted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const HEADER = [
  ',,,,KUR RITEL,,,,,SMALL SD 5M,,,,,KECIL NCC,,,,,KECIL CC,,,,',
  `KODE KANCA,KODE UKER,NAMA KANCA,NAMA UKER${',DEB,OS,PL,NPL,DPK'.repeat(4)}`,
];
// A unit row: the 20 targets after the unit, "-" where none is given.
function row(unit, targets) {
  const cells = Array.from({ length: 20 }, (_, index) => targets[index] ?? '-');
  return [...unit, ...cells].join(',');
}
const OFFICE = ['5', '5', 'KC Bandung AA', 'KC Bandung AA'];
const KCP = ['5', '675', 'KC Bandung AA', '<b>KCP</b> Rajawali'];
const GARUT = ['5', '1346', 'KC Bandung AA', 'KCP Cikajang'];

// November: three units (OS of KUR RITEL in Rp juta), line 6 has no KODE KANCA.
const FIRST = [...HEADER,
  row(OFFICE, { 0: '12', 1: '1500.5' }),
  row(KCP, { 1: '250' }),
  row(GARUT, { 1: '90' }),
  row(['', '777', 'KC Bandung AA', 'KCP Tanpa Kanca'], { 1: '1' }),
].join('\n');
// Again: the office's OS +200 juta, KCP Cikajang gone.
const SECOND = [...HEADER,
  row(OFFICE, { 0: '12', 1: '1700.5' }),
  row(KCP, { 1: '250' }),
].join('\n');

function file(name, content) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') };
}

describe('komitmen pages', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin;
  let call;

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    call = await apiSession(admin.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const rowCells = (selector) => admin.page.$$eval(selector, (rows) =>
    rows.map((tr) => [...tr.children].map((cell) => cell.innerText.replace(/\s+/g, ' ').trim())));

  test('upload, preview, apply, history', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/komitmen/`);
    const adminMenu = (await readSidebar(page)).find((section) => section.heading === 'Administrasi');
    assert.ok(adminMenu.links.some((link) => link.href === '/data/komitmen/' && link.active));
    await page.waitForSelector('#komitmen-history-state:has-text("Belum ada")');

    await page.setInputFiles('#komitmen-file', file('KOMITMEN_NOV_2025.csv', FIRST));
    await page.waitForSelector('#komitmen-preview', { state: 'visible' });
    assert.equal(await page.inputValue('#komitmen-month'), '2025-11');
    assert.match(await text(page, '#komitmen-month-note'), /Ditebak dari nama file/);
    assert.equal(await text(page, '[data-stat="rows"]'), '3');
    assert.equal(await text(page, '[data-stat="rejected"]'), '1');
    assert.match(await text(page, '#komitmen-changes'), /November 2025 belum punya komitmen/);
    const rejected = await rowCells('#komitmen-preview-rejected tbody tr');
    assert.deepEqual(rejected.map((cells) => cells.slice(0, 2)), [['6', 'A']]);
    assert.match(rejected[0][3], /KODE KANCA/);
    assert.equal((await call('GET', '/api/v1/komitmen')).body.uploads.length, 0, 'a preview saves nothing');

    await page.click('#komitmen-apply');
    await page.waitForSelector('#komitmen-applied-link');
    assert.match(await text(page, '#komitmen-feedback'), /Komitmen November 2025 dimuat: 3 unit/);
    await page.waitForSelector('#komitmen-history-tbody tr[data-status="current"]');
    const history = await rowCells('#komitmen-history-tbody tr');
    assert.deepEqual([history[0][0], history[0][1], history[0][2], history[0][4], history[0][5], history[0][6]],
      ['November 2025', 'KOMITMEN_NOV_2025.csv', 'admin', '3', '1', 'Berlaku']);
    assertNoProblems(admin.problems);
  });

  test('the month as a table, edited in place', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/komitmen/`);
    await page.click('#komitmen-history-tbody tr[data-status="current"] a');
    await page.waitForURL(/\/data\/komitmen\/2025-11\/$/);
    await page.waitForSelector('#komitmen-tbody tr[data-kode-uker="675"]');
    assert.equal(await text(page, '#komitmen-month-heading'), 'Komitmen November 2025');
    const rows = await rowCells('#komitmen-tbody tr');
    assert.deepEqual(rows.map((cells) => cells.slice(0, 6)), [
      ['5', '5', 'KC Bandung AA', 'KC Bandung AA tidak ada di hierarki unit', '12', '1.500,5'],
      ['5', '675', 'KC Bandung AA', '<b>KCP</b> Rajawali tidak ada di hierarki unit', '-', '250'],
      ['5', '1346', 'KC Bandung AA', 'KCP Cikajang tidak ada di hierarki unit', '-', '90'],
    ]);
    assert.equal(await page.locator('#komitmen-tbody b').count(), 0, 'names stay text');
    assert.equal(await page.locator('#komitmen-month-rejected tbody tr').count(), 1);

    const cell = '#komitmen-tbody tr[data-kode-uker="675"] td[data-group="KUR_RITEL"][data-measure="OS"]';
    await page.click(cell);
    assert.equal(await page.inputValue(`${cell} input`), '250');
    await page.fill(`${cell} input`, '-3');
    await page.press(`${cell} input`, 'Enter');
    await page.waitForSelector(`${cell} .komitmen-cell-error:has-text("negatif")`);
    await page.press(`${cell} input`, 'Escape');
    assert.equal(await text(page, cell), '250');

    await page.click(cell);
    await page.fill(`${cell} input`, '2.000,5');
    await page.press(`${cell} input`, 'Enter');
    await page.waitForSelector(`${cell}.komitmen-saved`);
    assert.equal(await text(page, cell), '2.000,5');
    assert.match(await text(page, '#komitmen-month-info'), /1 sel diubah/);
    const month = await call('GET', '/api/v1/komitmen/2025-11');
    assert.equal(month.body.units[1].targets.KUR_RITEL.OS, '2000500000.00');
    assertNoProblems(admin.problems, { allowStatuses: [400] });
  });

  test('the month again: the preview says what changes; then it is deleted', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/komitmen/2025-11/`);
    await page.waitForSelector('#komitmen-tbody tr');
    await page.click('#komitmen-reupload');
    await page.waitForURL(/\/data\/komitmen\/\?month=2025-11$/);
    await page.setInputFiles('#komitmen-file', file('target baru.csv', SECOND));
    await page.waitForSelector('#komitmen-preview', { state: 'visible' });
    assert.equal(await page.inputValue('#komitmen-month'), '2025-11');
    assert.match(await text(page, '#komitmen-replaces'), /Menggantikan unggahan KOMITMEN_NOV_2025\.csv oleh admin/);
    assert.match(await text(page, '#komitmen-changes'),
      /0 unit ditambah, 1 unit dihapus, 2 unit berubah, 0 unit tetap/);
    const largest = await rowCells('#komitmen-largest-tbody tr');
    assert.deepEqual(largest[0], ['675', '<b>KCP</b> Rajawali', 'KUR RITEL OS', '2.000,5', '250', '-1.750,5']);
    assert.deepEqual(largest[1], ['5', 'KC Bandung AA', 'KUR RITEL OS', '1.500,5', '1.700,5', '200']);
    await page.click('#komitmen-apply');
    await page.waitForSelector('#komitmen-history-tbody tr[data-status="replaced"]');

    await page.click('#komitmen-applied-link');
    await page.waitForSelector('#komitmen-tbody tr');
    assert.equal(await page.locator('#komitmen-tbody tr').count(), 2);
    await page.click('#komitmen-delete');
    await page.waitForSelector('#komitmen-delete-modal.show');
    assert.match(await text(page, '#komitmen-delete-text'), /2 unit bulan November 2025/);
    await Promise.all([page.waitForURL(/\/data\/komitmen\/$/), page.click('#komitmen-delete-confirm')]);
    await page.waitForSelector('#komitmen-history-tbody tr[data-status="deleted"]');
    const statuses = await page.$$eval('#komitmen-history-tbody tr', (trs) => trs.map((tr) => tr.dataset.status));
    assert.deepEqual(statuses, ['deleted', 'replaced']);
    assert.equal((await call('GET', '/api/v1/komitmen/2025-11')).status, 404);
    assertNoProblems(admin.problems, { allowStatuses: [400] });
  });
});
