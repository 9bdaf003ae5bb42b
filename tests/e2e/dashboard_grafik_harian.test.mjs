// Grafik Harian (/grafik-harian/) on domain.md section 10's worked example: the daily view
// lists and charts every loaded position, group and kanca filters change the figures, the
// compare-months and monthly views group by month, the view lives in the URL, exports
// answer with files and every chart downloads as PNG.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, assertNoProblems, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import {
  WORKED_EXAMPLE,
  assertPngDownload,
  cell,
  download,
  importCsv,
  textBecomes,
} from './support/dashboard.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const TABLE = 'daily-table-main';

describe('Grafik Harian', { timeout: 300_000 }, () => {
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
    const response = await admin.page.goto(`${server.url}/grafik-harian/${query}`);
    assert.equal(response.status(), 200);
    await admin.page.waitForSelector(`#${TABLE}`);
  }

  const rowKeys = () => admin.page.$$eval(`#${TABLE} tbody tr[data-key]`, (rows) => rows.map((row) => row.dataset.key));

  test('the daily view lists and draws every position in the range', async () => {
    const { page } = admin;
    await open();
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '17.400');
    assert.deepEqual(await rowKeys(), ['2024-12-31', '2025-09-30', '2025-10-08', '2025-10-09']);
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'position')), '09/10/2025');
    assert.equal(await text(page, cell(TABLE, '2025-10-08', 'os')), '16.600');
    assert.equal(await text(page, cell(TABLE, '2025-09-30', 'os')), '15.250');
    assert.equal(await text(page, cell(TABLE, '2024-12-31', 'os')), '11.500');
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'npl_pct')), '5,17');
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'lar')), '5.900');
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'nsb')), '5');
    assert.equal(await text(page, '#daily-subtitle'), '31/12/2024 s.d. 09/10/2025 · Rp juta');
    for (const metric of ['os', 'dpk', 'npl', 'lar']) await page.waitForSelector(`#daily-chart-${metric}[data-drawn]`);
    assert.equal(await text(page, '#daily-chart-npl .chart-title'), 'NPL (Rp juta) – SME · Semua kanca (RO)');
    assertNoProblems(admin.problems);
  });

  test('group, kanca, range and the % switch change the view and the URL', async () => {
    const { page } = admin;
    await open();
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '17.400');
    await page.selectOption('#daily-group', 'KUR');
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '500');
    assert.match(page.url(), /[?&]group=KUR(&|$)/);
    await page.selectOption('#daily-group', 'SME');
    await page.selectOption('#daily-kanca', '25');
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '2.400');
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'npl_pct')), '37,50');

    await page.fill('#daily-from', '2025-10-01');
    await page.dispatchEvent('#daily-from', 'change');
    await page.waitForFunction(() => document.querySelectorAll('#daily-table-main tbody tr[data-key]').length === 2);
    assert.deepEqual(await rowKeys(), ['2025-10-08', '2025-10-09']);
    assert.match(page.url(), /[?&]from=2025-10-01(&|$)/);

    await page.click('label[for="daily-measure-pct"]');
    await textBecomes(page, '#daily-chart-npl .chart-title', '% NPL – SME · KC Garut');
    assert.match(page.url(), /[?&]measure=pct(&|$)/);

    // The whole view comes back from its URL.
    const url = page.url();
    await page.goto(`${server.url}/`);
    await page.goto(url);
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '2.400');
    assert.deepEqual(await rowKeys(), ['2025-10-08', '2025-10-09']);
    assert.equal(await page.inputValue('#daily-kanca'), '25');
    assert.equal(await page.inputValue('#daily-from'), '2025-10-01');
    assert.ok(await page.isChecked('#daily-measure-pct'));
    assertNoProblems(admin.problems);
  });

  test('compare months: one line per month over the day of the month', async () => {
    const { page } = admin;
    await open('?view=compare');
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '17.400');
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'month')), "Okt'25");
    assert.equal(await text(page, cell(TABLE, '2025-10-09', 'day')), '9');
    assert.equal(await text(page, cell(TABLE, '2025-09-30', 'day')), '30');
    assert.ok(!(await rowKeys()).includes('2024-12-31'), 'December 2024 is outside the last 3 months');
    assert.equal(await page.getAttribute('a[data-view="compare"]', 'aria-current'), 'page');
    assert.ok(await page.isVisible('#daily-months'));
    assert.ok(!(await page.isVisible('#daily-from')));
    await page.waitForSelector('#daily-chart-os[data-drawn]');
    const legend = await page.evaluate(() => document.querySelector('#daily-chart-os canvas').getAttribute('aria-label'));
    assert.match(legend, /OS/);
    await assertPngDownload(page, 'daily-chart-os');
    assertNoProblems(admin.problems);
  });

  test('monthly: the last position of each month', async () => {
    const { page } = admin;
    await open('?view=monthly');
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '17.400');
    assert.deepEqual(await rowKeys(), ['2024-12-31', '2025-09-30', '2025-10-09']);
    assert.equal(await text(page, cell(TABLE, '2024-12-31', 'month')), "Des'24");
    assert.equal(await text(page, cell(TABLE, '2025-09-30', 'month')), "Sep'25");
    assertNoProblems(admin.problems);
  });

  test('exports carry the view and answer with XLSX and CSV', async () => {
    const { page } = admin;
    await open('?view=monthly&group=SMALL&kanca=5');
    await textBecomes(page, cell(TABLE, '2025-10-09', 'os'), '5.000');
    for (const [id, format, type] of [
      ['#daily-export-xlsx', 'xlsx', /spreadsheetml\.sheet/],
      ['#daily-export-csv', 'csv', /^text\/csv/],
    ]) {
      const href = await page.getAttribute(id, 'href');
      const params = new URLSearchParams(href.split('?')[1]);
      assert.deepEqual([params.get('format'), params.get('view'), params.get('group'), params.get('kanca')], [format, 'monthly', 'SMALL', '5']);
      const file = await download(page, server.url, href);
      assert.equal(file.status, 200, href);
      assert.match(file.type, type);
    }
    assertNoProblems(admin.problems);
  });
});
