// Deleting data on /data/delete/: the admin picks a position, sees what goes (positions,
// rows, OS in Indonesian format), confirms, and the dashboards no longer have that
// position; "everything" stays disabled until the exact text is typed; a `user` cannot
// open the page. Data is loaded with the real `smedash import`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, createUser, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { WORKED_EXAMPLE, importCsv } from './support/dashboard.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const BUDI = { username: 'budi', password: 'Budi-Sandi-2025!', role: 'user', first_name: 'Budi', last_name: 'Santoso' };

describe('deleting loan data', { timeout: 300_000 }, () => {
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
    await createUser(call, BUDI);
    await importCsv(server, WORKED_EXAMPLE, 'contoh.csv');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const cells = (selector) => admin.page.$$eval(selector, (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim())));

  async function openDeletePage() {
    const { page } = admin;
    const response = await page.goto(`${server.url}/data/delete/`);
    assert.equal(response.status(), 200);
    await page.waitForSelector('#delete-app[aria-busy="false"]', { state: 'attached' });
  }

  test('the admin deletes one position after seeing what goes; the dashboards lose it', async () => {
    const { page } = admin;
    assert.deepEqual((await call('GET', '/api/v1/positions')).body.positions,
      ['2025-10-09', '2025-10-08', '2025-09-30', '2024-12-31']);
    await openDeletePage();
    assert.equal(await page.title(), 'Hapus Data · SME Performance Highlights');
    const sidebar = await readSidebar(page);
    const entry = sidebar.flatMap((section) => section.links.map((link) => ({ ...link, heading: section.heading })))
      .find((link) => link.href === '/data/delete/');
    assert.deepEqual(entry, { text: 'Hapus Data', href: '/data/delete/', active: true, heading: 'Manajemen Data' });
    // Positions newest first, as dd/mm/yyyy.
    const options = await page.$$eval('#delete-position option', (nodes) => nodes.map((node) => node.textContent));
    assert.deepEqual(options, ['09/10/2025', '08/10/2025', '30/09/2025', '31/12/2024']);

    await page.selectOption('#delete-position', '2025-10-09');
    await page.click('#delete-preview-submit');
    await page.waitForSelector('#delete-preview', { state: 'visible' });
    assert.deepEqual(await cells('#delete-preview-tbody tr'), [['09/10/2025', '7', 'Rp 17.400.000.000,00']]);
    assert.equal(await text(page, '[data-stat="positions"]'), '1');
    assert.equal(await text(page, '[data-stat="rows"]'), '7');
    assert.equal(await text(page, '[data-stat="os"]'), 'Rp 17.400.000.000,00');
    assert.ok(await page.isHidden('#delete-confirm-typed'), 'one position needs no typed text');
    assert.ok(await page.isEnabled('#delete-submit'));
    // Changing the choice drops the preview: what is confirmed is what was shown.
    await page.selectOption('#delete-position', '2025-10-08');
    assert.ok(await page.isHidden('#delete-preview'));
    await page.selectOption('#delete-position', '2025-10-09');
    await page.click('#delete-preview-submit');
    await page.waitForSelector('#delete-preview', { state: 'visible' });

    await page.click('#delete-submit');
    await page.waitForSelector('#delete-feedback .alert-success');
    assert.equal(await text(page, '#delete-feedback .alert-success'),
      'Data dihapus: 1 posisi, 7 baris, OS Rp 17.400.000.000,00. Dashboard sudah memakai data yang tersisa.');
    assert.ok(await page.isHidden('#delete-preview'));
    await page.waitForFunction(() => !document.querySelector('#delete-position option[value="2025-10-09"]'));

    assert.deepEqual((await call('GET', '/api/v1/positions')).body.positions,
      ['2025-10-08', '2025-09-30', '2024-12-31']);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#home-figures', { state: 'visible' });
    assert.equal(await text(page, '#home-position'), 'Posisi 08/10/2025 · Rp juta');
    assert.equal(await text(page, '#home-card-os .home-card-number'), '16.600');
    assertNoProblems(admin.problems);
  });

  test('a range that ends before it starts is refused under the field at fault', async () => {
    const { page } = admin;
    await openDeletePage();
    await page.click('label[for="delete-mode-range"]');
    await page.selectOption('#delete-from', '2025-10-08');
    await page.selectOption('#delete-to', '2025-09-30');
    await page.click('#delete-preview-submit');
    // The server names the field at fault; the page shows it under that field.
    await page.waitForSelector('#delete-to.is-invalid');
    assert.equal(await text(page, '[data-error-for="to"]'), 'Posisi akhir tidak boleh sebelum posisi awal.');
    assertNoProblems(admin.problems, { allowStatuses: [400] });
  });

  test('everything is enabled only by the exact text, and then deletes every position', async () => {
    const { page } = admin;
    await openDeletePage();
    await page.click('label[for="delete-mode-all"]');
    await page.click('#delete-preview-submit');
    await page.waitForSelector('#delete-preview', { state: 'visible' });
    assert.equal(await text(page, '[data-stat="positions"]'), '3');
    assert.equal(await text(page, '[data-stat="rows"]'), '13');
    assert.equal(await text(page, '[data-stat="os"]'), 'Rp 43.350.000.000,00');
    assert.equal(await text(page, '#delete-confirm-label'), 'Ketik HAPUS SEMUA DATA untuk mengaktifkan tombol hapus');
    assert.ok(await page.isDisabled('#delete-submit'));
    for (const typed of ['hapus semua data', 'HAPUS SEMUA', 'HAPUS SEMUA DATA ']) {
      await page.fill('#delete-confirm-text', typed);
      assert.ok(await page.isDisabled('#delete-submit'), typed);
    }
    await page.fill('#delete-confirm-text', 'HAPUS SEMUA DATA');
    assert.ok(await page.isEnabled('#delete-submit'));
    await page.click('#delete-submit');
    await page.waitForSelector('#delete-feedback .alert-success');
    assert.deepEqual((await call('GET', '/api/v1/positions')).body.positions, []);

    // With nothing left, a preview says so instead of offering a delete.
    await page.click('#delete-preview-submit');
    await page.waitForSelector('#delete-preview-empty', { state: 'visible' });
    assert.equal(await text(page, '#delete-preview-empty'), 'Belum ada data yang dimuat.');
    assert.ok(await page.isHidden('#delete-confirm'));
    assertNoProblems(admin.problems, { allowStatuses: [400] });
  });

  test('a user cannot open the page', async () => {
    const user = await newPage(browser);
    await signIn(user.page, server.url, BUDI.username, BUDI.password);
    const response = await user.page.goto(`${server.url}/data/delete/`);
    assert.equal(response.status(), 403);
    const links = (await readSidebar(user.page)).flatMap((section) => section.links);
    assert.ok(!links.some((link) => link.href === '/data/delete/'));
    await user.context.close();
  });
});
