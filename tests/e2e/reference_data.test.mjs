// The reference data pages as an admin uses them: on /data/segments/ an unknown CODE is
// added with one click and a CODE moves to another segment; on /data/units/ a small master
// list is previewed (a bad line named) and imported, and a unit becomes its kanca's office.
// A unit name carrying HTML stays text everywhere.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

// One position: four units in two kanca, CODE 99999 unknown, and a unit name that would
// run script if anything wrote it as HTML.
const XSS_NAME = '<img src=x onerror="window.__xss=1">KCP Cikajang';
const LOANS = [
  'PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS',
  '09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,C1,42210,1,10000000000',
  '09/10/2025,KC Bandung AA,675,KCP Rajawali Bandung,100000000000002,C2,43206,2,2000000000',
  '09/10/2025,KC Garut,25,KC Garut,100000000000004,C4,80065,3,500000000',
  `09/10/2025,KC Garut,1346,"${XSS_NAME.replaceAll('"', '""')}",100000000000005,C5,99999,5,400000000`,
].join('\n');

// Line 3 moves KCP Cikajang to KC Bandung AA; line 4 has no KODE KANCA.
const MASTER_LIST = [
  'KODE UKER;UKER;KODE KANCA;KANCA',
  '5;KC Bandung AA;5;KC Bandung AA',
  '1346;<script>window.__xss=2</script>KCP Cikajang;5;KC Bandung AA',
  '25;KC Garut;;KC Garut',
].join('\r\n');

describe('segment map and unit hierarchy', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin; // { page, problems, dialogs } signed in as the admin
  let call; // the JSON API as the admin

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    call = await apiSession(admin.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    const staged = await call('POST', '/api/v1/uploads?name=posisi.csv&number_style=auto', LOANS);
    assert.equal(staged.status, 201, JSON.stringify(staged.body));
    const id = staged.body.upload.id;
    assert.equal((await call('POST', `/api/v1/uploads/${id}/process`)).status, 202);
    for (let tries = 0; ; tries += 1) {
      const { body } = await call('GET', `/api/v1/uploads/${id}`);
      if (body.upload.status === 'completed') break;
      assert.ok(body.upload.status !== 'failed' && tries < 300, JSON.stringify(body.upload));
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Each row's cells as the admin reads them (innerText: one line per block in a cell).
  const rowCells = (selector) => admin.page.$$eval(selector, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.innerText.replace(/\s+/g, ' ').trim())));

  // Waits until the page's message matches `pattern` (a change reloads the list first).
  async function feedback(pattern) {
    const box = admin.page.url().includes('/data/segments/') ? '#segments-feedback' : '#units-feedback';
    await admin.page.waitForFunction(([selector, source]) =>
      new RegExp(source).test(document.querySelector(selector).textContent), [box, pattern.source]);
  }

  test('the admin adds an unknown CODE and moves a CODE to another segment', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/segments/`);
    assert.equal(await page.title(), 'Peta Segmen · SME Performance Highlights');
    const adminMenu = (await readSidebar(page)).find((section) => section.heading === 'Administrasi');
    assert.deepEqual(adminMenu?.links.slice(0, 2), [
      { text: 'Peta Segmen', href: '/data/segments/', active: true },
      { text: 'Hierarki Unit', href: '/data/units/', active: false },
    ]);
    await page.waitForSelector('#segments-tbody tr[data-code="42210"]');
    assert.match(await text(page, '#segments-latest'), /09\/10\/2025/);
    const unknown = await rowCells('#segments-unknown-tbody tr');
    assert.deepEqual(unknown.map((cells) => [...cells.slice(0, 3), cells[4]]), [
      ['99999', '1', 'Rp 400.000.000,00', 'Tambahkan'],
    ]);
    assert.equal(await page.inputValue('#segments-unknown-tbody tr[data-code="99999"] select'), 'SMALL NCC');

    // One click adds the unknown CODE with the segment chosen beside it.
    await page.selectOption('#segments-unknown-tbody tr[data-code="99999"] select', 'KUR');
    await page.click('#segments-unknown-tbody tr[data-code="99999"] button[data-action="add"]');
    await feedback(/CODE 99999 ditambahkan ke segmen KUR/);
    assert.ok(await page.isHidden('#segments-unknown'));
    assert.equal(await page.inputValue('#segments-tbody tr[data-code="99999"] select'), 'KUR');

    // 42210 from MEDIUM to CC: Save is enabled only once the segment differs.
    const row = '#segments-tbody tr[data-code="42210"]';
    assert.ok(await page.isDisabled(`${row} button[data-action="save"]`));
    await page.selectOption(`${row} select`, 'CC');
    await page.click(`${row} button[data-action="save"]`);
    await feedback(/CODE 42210 dipindah dari MEDIUM ke CC/);
    assert.equal(await page.inputValue(`${row} select`), 'CC');
    const { body } = await call('GET', '/api/v1/segments');
    assert.equal(body.codes.find((entry) => entry.code === '42210').segment, 'CC');

    // Removing asks first.
    await page.click('#segments-tbody tr[data-code="99999"] button[data-action="remove"]');
    await page.waitForSelector('#segments-confirm-modal.show');
    assert.match(await text(page, '#segments-confirm-modal .modal-body'), /dihitung sebagai SMALL NCC/);
    await page.click('#segments-confirm-submit');
    await feedback(/CODE 99999 dihapus dari peta/);
    await page.waitForSelector('#segments-unknown-tbody tr[data-code="99999"]');
    assertNoProblems(admin.problems);
  });

  test('a unit name holding HTML stays text', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/units/`);
    await page.waitForSelector('#units-tbody tr[data-code="1346"]');
    assert.equal(await text(page, '#units-tbody tr[data-code="1346"] td:nth-child(2)'), XSS_NAME);
    assert.equal(await page.locator('#units-tbody img, #units-tbody script').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(admin.dialogs, []);
    assertNoProblems(admin.problems);
  });

  test('the admin previews and imports a small master list', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/units/`);
    await page.waitForSelector('#units-tbody tr[data-code="1346"]');
    assert.deepEqual((await rowCells('#units-tbody tr')).map((cells) => cells.slice(0, 5)), [
      ['5', 'KC Bandung AA', 'KC Bandung AA kode 5', 'Kantor kanca', 'Data'],
      ['675', 'KCP Rajawali Bandung', 'KC Bandung AA kode 5', 'KCP', 'Data'],
      ['25', 'KC Garut', 'KC Garut kode 25', 'Kantor kanca', 'Data'],
      ['1346', XSS_NAME, 'KC Garut kode 25', 'KCP', 'Data'],
    ]);

    await page.setInputFiles('#units-import-file', {
      name: 'master unit.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${MASTER_LIST}`, 'utf8'),
    });
    await page.waitForSelector('#units-import-preview', { state: 'visible' });
    assert.equal(await text(page, '#units-import-preview-title'), 'Pratinjau: master unit.csv');
    for (const [stat, value] of [['added', '2'], ['changed', '0'], ['unchanged', '0'], ['invalid', '1']]) {
      assert.equal(await text(page, `[data-stat="${stat}"]`), value, stat);
    }
    assert.deepEqual(await rowCells('#units-import-invalid-tbody tr'), [['4', '25', 'KODE KANCA kosong.']]);
    const changes = await rowCells('#units-import-changes-tbody tr');
    assert.deepEqual(changes[1], ['3', '1346', '<script>window.__xss=2</script>KCP Cikajang',
      'KC Bandung AA (5)', 'KCP', 'Baru', 'belum ada entri master']);
    assert.equal(await page.locator('#units-import-preview script').count(), 0);

    await page.click('#units-import-confirm');
    await feedback(/Impor selesai: 2 baru, 0 berubah/);
    assert.ok(await page.isHidden('#units-import-preview'));
    const moved = await rowCells('#units-tbody tr[data-code="1346"]');
    assert.equal(moved[0][2], 'KC Bandung AA kode 5 Menurut data: KC Garut');
    assert.match(moved[0][4], /^Master \(impor\) oleh admin, \d\d\/\d\d\/\d{4} \d\d:\d\d$/);

    // The kanca filter shows KC Garut's one unit left.
    await page.selectOption('#units-kanca', 'KC GARUT');
    assert.deepEqual((await rowCells('#units-tbody tr')).map((cells) => cells[0]), ['25']);
    assert.equal(await text(page, '#units-count'), 'Menampilkan 1 dari 4 unit');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assertNoProblems(admin.problems);
  });

  test('the admin makes a KCP its kanca\'s office', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/data/units/`);
    await page.click('#units-tbody tr[data-code="675"] button[data-action="edit"]');
    await page.waitForSelector('#units-edit-modal.show');
    assert.equal(await page.inputValue('#units-edit-kode-kanca'), '5');
    await page.check('#units-edit-kind-office');
    assert.equal(await page.inputValue('#units-edit-kode-kanca'), '675');
    assert.equal(await text(page, '#units-edit-demote'), 'Kantor kanca saat ini, 5 KC Bandung AA, akan menjadi KCP.');
    await page.click('#units-edit-submit');
    await feedback(/Unit 675 disimpan dan unit 5 kini KCP/);
    const rows = (await rowCells('#units-tbody tr')).map((cells) => `${cells[0]} ${cells[3]}`);
    assert.deepEqual(rows, ['25 Kantor kanca', '675 Kantor kanca', '5 KCP', '1346 KCP']);
    assertNoProblems(admin.problems);
  });
});
