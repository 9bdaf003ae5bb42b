// Home (/) and the empty state of every dashboard: with nothing loaded each page says so
// and only admins get the upload link; after `smedash import` of domain.md section 10's
// worked example, Home shows the latest position's cards with DtD and MtD, the OS trend,
// the last upload and the business days without data; the sidebar lists the dashboards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, createUser, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { WORKED_EXAMPLE, importCsv, textBecomes } from './support/dashboard.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const SITI = { username: 'siti', password: 'Siti-Sandi-2025!', role: 'user', first_name: 'Siti', last_name: 'Aminah' };
const PAGES = [
  ['/os/', '#os-content'],
  ['/summary/', '#summary-content'],
  ['/grafik-harian/', '#daily-content'],
];

describe('Home and the empty dashboards', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin;

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    const call = await apiSession(admin.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await createUser(call, SITI);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('with no data every page says so; admins get the upload link', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#home-app[aria-busy="false"]', { state: 'attached' });
    assert.ok(await page.isVisible('#home-data-empty'));
    assert.equal(await text(page, '#home-data-empty'), 'Belum ada data posisi pinjaman yang dimuat.');
    assert.equal(await page.getAttribute('#dash-nodata-upload', 'href'), '/data/upload/');
    assert.ok(!(await page.isVisible('#home-figures')));
    for (const [path, content] of PAGES) {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('#dash-nodata', { state: 'visible' });
      assert.ok(!(await page.isVisible(content)), path);
      assert.equal(await text(page, '#dash-nodata-text'), 'Belum ada data posisi pinjaman yang dimuat.');
      assert.equal(await page.getAttribute('#dash-nodata-upload', 'href'), '/data/upload/');
    }
    assertNoProblems(admin.problems);

    const user = await newPage(browser);
    await signIn(user.page, server.url, SITI.username, SITI.password);
    await user.page.waitForSelector('#home-app[aria-busy="false"]', { state: 'attached' });
    assert.ok(await user.page.isVisible('#home-data-empty'));
    assert.equal(await user.page.locator('#dash-nodata-upload').count(), 0);
    for (const [path] of PAGES) {
      const response = await user.page.goto(`${server.url}${path}`);
      assert.equal(response.status(), 200, `${path} is open to every signed-in user`);
      await user.page.waitForSelector('#dash-nodata', { state: 'visible' });
      assert.equal(await user.page.locator('#dash-nodata-upload').count(), 0, path);
    }
    assertNoProblems(user.problems);
    await user.context.close();
  });

  test('the sidebar lists the four dashboards, the current one marked', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/summary/`);
    const sidebar = await readSidebar(page);
    const dashboard = sidebar.find((section) => section.heading === 'Dashboard');
    assert.deepEqual(dashboard.links, [
      { text: 'Beranda', href: '/', active: false },
      { text: 'Dashboard OS', href: '/os/', active: false },
      { text: 'Dashboard Summary', href: '/summary/', active: true },
      { text: 'Grafik Harian', href: '/grafik-harian/', active: false },
    ]);
  });

  test('after an import Home shows the latest position, trend, last upload and gaps', async () => {
    await importCsv(server, WORKED_EXAMPLE);
    const { page } = admin;
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#home-figures', { state: 'visible' });
    assert.ok(!(await page.isVisible('#home-data-card')));
    assert.equal(await text(page, '#home-position'), 'Posisi 09/10/2025 · Rp juta');
    const card = (metric, part) => text(page, `#home-card-${metric} ${part}`);
    assert.equal(await card('os', '.home-card-number'), '17.400');
    assert.equal(await card('os', '.home-card-unit'), 'Rp juta');
    assert.equal(await card('os', '[data-change="dtd"] .home-change-value'), '800');
    assert.equal(await card('os', '[data-change="dtd"] .home-change-pct'), '4,8%');
    assert.equal(await card('os', '[data-change="mtd"] .home-change-value'), '2.150');
    assert.equal(await card('os', '[data-change="mtd"] .home-change-pct'), '14,1%');
    assert.match(await page.getAttribute('#home-card-os [data-change="dtd"]', 'class'), /\bcmp-good\b/);
    assert.equal(await card('npl_pct', '.home-card-number'), '5,17%');
    assert.equal(await card('npl_pct', '[data-change="dtd"] .home-change-value'), '2,76 poin');
    assert.match(await page.getAttribute('#home-card-npl_pct [data-change="dtd"]', 'class'), /\bcmp-bad\b/);
    const colour = (selector) => page.$eval(selector, (node) => getComputedStyle(node).color);
    assert.equal(await colour('#home-card-npl_pct [data-change="dtd"] .home-change-value'), 'rgb(192, 57, 43)');
    assert.equal(await colour('#home-card-os [data-change="dtd"] .home-change-value'), 'rgb(30, 126, 74)');
    assert.equal(await card('nsb', '.home-card-number'), '5');
    assert.equal(await card('nsb', '[data-change="dtd"] .home-change-value'), '0');
    const cards = await page.$$eval('#home-cards > section', (nodes) => nodes.map((node) => node.id));
    assert.deepEqual(cards, ['home-card-os', 'home-card-dpk_pct', 'home-card-npl_pct', 'home-card-lar_pct', 'home-card-nsb']);

    await page.waitForSelector('#home-trend[data-drawn]');
    assert.equal(await text(page, '#home-upload-file'), 'worked_example.csv');
    assert.equal(await text(page, '#home-upload-status'), 'Selesai');
    assert.equal(await text(page, '#home-upload-rows'), '20 diterima, 0 ditolak');
    const missing = await page.$$eval('#home-missing-list li', (items) => items.map((item) => item.textContent));
    assert.ok(missing.includes('07/10/2025'), missing.join(' '));
    assert.ok(!missing.includes('08/10/2025') && !missing.includes('30/09/2025'), missing.join(' '));
    assert.ok(!missing.includes('04/10/2025'), 'a Saturday is no business day');

    // The welcome and account content stays.
    assert.equal(await text(page, '#home-welcome'), 'Selamat datang, admin');
    assert.ok(await page.isVisible('#home-admin-card'));

    // The unit switch works here too.
    await page.click('label[for="home-unit-choice-m"]');
    await textBecomes(page, '#home-card-os .home-card-number', '17,40');
    await page.click('label[for="home-unit-choice-juta"]');
    await textBecomes(page, '#home-card-os .home-card-number', '17.400');
    assertNoProblems(admin.problems);
  });

  test('in English the cards follow', async () => {
    const { context, page, problems } = await newPage(browser);
    await signIn(page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.goto(`${server.url}/lang?set=en&next=%2F`);
    await page.waitForSelector('#home-figures', { state: 'visible' });
    assert.equal(await text(page, '#home-card-os .home-card-number'), '17,400');
    assert.equal(await text(page, '#home-card-os [data-change="mtd"] .home-change-pct'), '14.1%');
    assert.equal(await text(page, '#home-upload-status'), 'Completed');
    assert.equal(await text(page, '#home-figures-title'), 'Latest position');
    assertNoProblems(problems);
    await context.close();
  });
});
