// Dashboard Summary (/summary/, "Performance Highlights SME") on domain.md section 10's
// worked example: the ten sections with their header and group rows for RO, one kanca,
// the Only and Medium Only tabs; the tab and kanca live in the URL; exports answer with
// files; English on request.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, assertNoProblems, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { WORKED_EXAMPLE, cell, download, importCsv, textBecomes } from './support/dashboard.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const TABLE = 'summary-table-main';

describe('Dashboard Summary', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin;

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    await importCsv(server, WORKED_EXAMPLE);
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(query = '') {
    const response = await admin.page.goto(`${server.url}/summary/${query}`);
    assert.equal(response.status(), 200);
    await admin.page.waitForSelector(`#${TABLE}`);
  }

  test('Konsol for RO: ten sections, header row SME and the group rows', async () => {
    const { page } = admin;
    await open();
    assert.equal(await page.title(), 'Performance Highlights SME · SME Performance Highlights');
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '17.400');
    const sections = await page.$$eval(`#${TABLE} tr.cmp-section`, (rows) => rows.map((row) => row.textContent.trim()));
    assert.deepEqual(sections, ['END BAL (Rp juta)', 'BD KOL 2 (Rp juta)', '% KOL 2', 'BD NPL (Rp juta)', '% NPL',
      'BD LR (Rp juta)', '% LR', 'BD LAR (Rp juta)', '% LAR', 'NASABAH']);
    const labels = await page.$$eval(`#${TABLE} tbody[data-section="os"] tr[data-key] th`, (cells) => cells.map((node) => node.textContent.trim()));
    assert.deepEqual(labels, ['SME', 'Medium', 'Small + KUR', 'Small', '– Small Non CC', '– CC', 'KUR']);

    const e = (key) => text(page, cell(TABLE, key, 'E'));
    assert.deepEqual(
      [await e('os:MEDIUM'), await e('os:SMALL_KUR'), await e('os:SMALL'), await e('os:SMALL_NCC'), await e('os:CC'), await e('os:KUR')],
      ['10.000', '7.400', '6.900', '3.900', '3.000', '500'],
    );
    assert.equal(await e('dpk:header'), '2.000');
    assert.equal(await e('npl:header'), '900');
    assert.equal(await e('npl_pct:header'), '5,17');
    assert.equal(await e('npl_pct:SMALL_KUR'), '12,16');
    assert.equal(await e('npl_pct:SMALL_NCC'), '10,26');
    assert.equal(await e('npl_pct:KUR'), '100,00');
    assert.equal(await e('lr:header'), '3.000');
    assert.equal(await e('lar:header'), '5.900');
    assert.equal(await e('lar:SMALL'), '5.400');
    assert.equal(await e('nsb:header'), '5');
    assert.equal(await e('nsb:SMALL_KUR'), '4');
    assert.equal(await text(page, cell(TABLE, 'os:header', 'dtd_pct')), '4,8');
    assert.equal(await text(page, cell(TABLE, 'os:header', 'mom')), '–');
    assert.equal(await text(page, cell(TABLE, 'nsb:header', 'A')), '2');
    assert.ok((await page.getAttribute('a[data-tab="konsol"]', 'aria-current')) === 'page');
    assertNoProblems(admin.problems);
  });

  test('one kanca, the Only and Medium Only tabs, each in the URL', async () => {
    const { page } = admin;
    await open();
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '17.400');
    await page.selectOption('#summary-kanca', '25');
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '2.400');
    assert.match(page.url(), /[?&]kanca=25(&|$)/);
    assert.equal(await text(page, cell(TABLE, 'npl:header', 'E')), '900');
    assert.equal(await text(page, cell(TABLE, 'npl_pct:header', 'E')), '37,50');
    assert.equal(await text(page, cell(TABLE, 'nsb:header', 'E')), '3');

    await page.click('a[data-tab="only"]');
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '2.000');
    assert.match(page.url(), /[?&]tab=only(&|$)/);
    assert.equal(await text(page, cell(TABLE, 'npl:header', 'E')), '500');

    await page.goBack();
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '2.400');
    assert.equal(await page.getAttribute('a[data-tab="konsol"]', 'aria-current'), 'page');

    await open('?tab=medium');
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '10.000');
    assert.equal(await text(page, cell(TABLE, 'os:header', 'A')), '9.000');
    assert.equal(await page.getAttribute('a[data-tab="medium"]', 'aria-current'), 'page');
    assertNoProblems(admin.problems);
  });

  test('exports answer with the view as XLSX and CSV', async () => {
    const { page } = admin;
    await open('?tab=only&kanca=5&unit=m');
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '13,00');
    for (const [id, format, type] of [
      ['#summary-export-xlsx', 'xlsx', /spreadsheetml\.sheet/],
      ['#summary-export-csv', 'csv', /^text\/csv/],
    ]) {
      const href = await page.getAttribute(id, 'href');
      const params = new URLSearchParams(href.split('?')[1]);
      assert.deepEqual([params.get('format'), params.get('unit'), params.get('tab'), params.get('kanca')], [format, 'm', 'only', '5']);
      const file = await download(page, server.url, href);
      assert.equal(file.status, 200, href);
      assert.match(file.type, type);
    }
    assertNoProblems(admin.problems);
  });

  test('English: section names, separators and tabs', async () => {
    const { context, page, problems } = await newPage(browser);
    await signIn(page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.goto(`${server.url}/lang?set=en&next=%2Fsummary%2F`);
    await page.waitForSelector(`#${TABLE}`);
    await textBecomes(page, cell(TABLE, 'os:header', 'E'), '17,400');
    assert.equal(await text(page, `#${TABLE} tbody[data-section="nsb"] tr.cmp-section`), 'CUSTOMERS');
    assert.equal(await text(page, cell(TABLE, 'npl_pct:header', 'E')), '5.17');
    assert.equal(await text(page, `#${TABLE} thead th[data-col="name"]`), 'Segment');
    assertNoProblems(problems);
    await context.close();
  });
});
