// Dashboard OS (/os/) on domain.md section 10's worked example, loaded with `smedash
// import`: the three tables show the example's figures with the dates compared in their
// headers, "–" for the missing B column, colours by direction; a kanca click shows its
// units and back returns; the view lives in the URL; the unit switch; the exports answer
// with files; a chart downloads as PNG; the page speaks English on request; and with
// targets of October 2025 (issue 6) the Komitmen, % Ach and Gap columns with the dot.
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
  runSql,
  textBecomes,
} from './support/dashboard.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const KONSOL = 'os-table-konsol';
const KANCA_ONLY = 'os-table-kanca_only';
const KCP_ONLY = 'os-table-kcp_only';
// dashboard.css's --dash-good and --dash-bad.
const GREEN = 'rgb(30, 126, 74)';
const RED = 'rgb(192, 57, 43)';
// dashboard.css's --dash-warn.
const AMBER = 'rgb(224, 161, 0)';
// Targets of October 2025 in rupiah (Rp juta × 10^6); unit 1346 KCP Cikajang has none.
const OCTOBER_TARGETS = [
  ['5', 'KECIL_CC', 2800], ['675', 'KECIL_NCC', 1800], ['25', 'KECIL_NCC', 1600], ['25', 'KECIL_CC', 400],
];

const colour = (page, selector) => page.$eval(selector, (node) => getComputedStyle(node).color);

describe('Dashboard OS', { timeout: 300_000 }, () => {
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
    const response = await admin.page.goto(`${server.url}/os/${query}`);
    assert.equal(response.status(), 200);
    await admin.page.waitForSelector(`#${KONSOL}`);
  }

  const rowKeys = (tableId) => admin.page.$$eval(`#${tableId} tbody tr[data-key]`, (rows) => rows.map((row) => row.dataset.key));

  test('the OS tables show the worked example in Rp juta with the dates compared', async () => {
    const { page } = admin;
    await open();
    assert.equal(await page.title(), 'Dashboard OS · SME Performance Highlights');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400');
    assert.equal(await text(page, '#os-subtitle'), 'Posisi 09/10/2025 · Rp juta');
    const head = (col) => text(page, `#${KONSOL} thead th[data-col="${col}"] .cmp-head-sub`);
    assert.deepEqual(
      [await head('A'), await head('B'), await head('C'), await head('D'), await head('E')],
      ['31-Des-24', '–', '30-Sep-25', '08-Okt-25', '09-Okt-25'],
    );
    assert.equal(await head('dtd'), 'vs 08-Okt-25');
    assert.equal(await head('yoy'), 'vs –');

    assert.deepEqual(await rowKeys(KONSOL), ['5', '25']);
    assert.equal(await text(page, cell(KONSOL, '5', 'name')), 'KC Bandung AA');
    assert.equal(await text(page, cell(KONSOL, '5', 'E')), '15.000');
    assert.equal(await text(page, cell(KONSOL, '25', 'E')), '2.400');
    const total = async (col) => text(page, cell(KONSOL, 'total', col));
    assert.deepEqual(
      [await total('A'), await total('B'), await total('C'), await total('D'), await total('E')],
      ['11.500', '–', '15.250', '16.600', '17.400'],
    );
    assert.deepEqual([await total('dtd'), await total('dtd_pct')], ['800', '4,8']);
    assert.deepEqual([await total('mom'), await total('mom_pct')], ['–', '–']);
    assert.deepEqual([await total('mtd'), await total('mtd_pct')], ['2.150', '14,1']);
    assert.deepEqual([await total('ytd'), await total('ytd_pct')], ['5.900', '51,3']);
    assert.deepEqual([await total('yoy'), await total('yoy_pct')], ['–', '–']);
    // A rise in OS is good: green, and the colour really shows.
    assert.match(await page.getAttribute(cell(KONSOL, 'total', 'dtd'), 'class'), /\bcmp-good\b/);
    assert.equal(await colour(page, cell(KONSOL, 'total', 'dtd')), GREEN);
    assert.equal(await colour(page, cell(KONSOL, 'total', 'dtd_pct')), GREEN);

    assert.equal(await text(page, cell(KANCA_ONLY, '25', 'E')), '2.000');
    assert.equal(await text(page, cell(KANCA_ONLY, 'total', 'E')), '15.000');
    assert.deepEqual(await rowKeys(KCP_ONLY), ['675', '1346']);
    assert.equal(await text(page, cell(KCP_ONLY, '1346', 'E')), '400');
    assert.equal(await text(page, cell(KCP_ONLY, 'total', 'E')), '2.400');
    assert.equal(await page.locator(`#${KONSOL} caption`).count(), 1);
    assert.equal(await page.locator(`#${KONSOL} tbody th[scope="row"]`).count(), 2);
    await page.waitForSelector('#os-chart-kanca[data-drawn]');
    await page.waitForSelector('#os-chart-grade[data-drawn]');
    await page.waitForSelector('#os-chart-trend[data-drawn]');
    assertNoProblems(admin.problems);
  });

  test('NPL and %NPL: KC Garut 900 and 37,50, the total 5,17, a rise shown as bad', async () => {
    const { page } = admin;
    await open();
    await page.selectOption('#os-metric', 'npl');
    await textBecomes(page, cell(KONSOL, '25', 'E'), '900');
    assert.match(page.url(), /[?&]metric=npl(&|$)/);
    assert.equal(await text(page, cell(KONSOL, 'total', 'E')), '900');
    assert.equal(await text(page, cell(KANCA_ONLY, '25', 'E')), '500');
    assert.equal(await text(page, cell(KCP_ONLY, '1346', 'E')), '400');
    assert.equal(await text(page, cell(KONSOL, 'total', 'dtd')), '500');
    assert.match(await page.getAttribute(cell(KONSOL, 'total', 'dtd'), 'class'), /\bcmp-bad\b/);
    assert.equal(await colour(page, cell(KONSOL, 'total', 'dtd')), RED);

    await page.selectOption('#os-metric', 'npl_pct');
    await textBecomes(page, cell(KONSOL, '25', 'E'), '37,50');
    assert.equal(await text(page, cell(KONSOL, 'total', 'E')), '5,17');
    assert.equal(await text(page, cell(KONSOL, 'total', 'D')), '2,41');
    assertNoProblems(admin.problems);
  });

  test('clicking a kanca shows its units; back returns to every kanca', async () => {
    const { page } = admin;
    await open();
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400');
    await page.click(`${cell(KONSOL, '25', 'name')} a`);
    await textBecomes(page, cell(KCP_ONLY, 'total', 'E'), '400');
    assert.match(page.url(), /[?&]kanca=25(&|$)/);
    assert.deepEqual(await rowKeys(KONSOL), ['25']);
    assert.deepEqual(await rowKeys(KANCA_ONLY), ['25']);
    assert.deepEqual(await rowKeys(KCP_ONLY), ['1346']);
    assert.equal(await text(page, cell(KONSOL, '25', 'E')), '2.400');
    assert.ok(await page.isVisible('#os-kanca-banner'));
    assert.equal(await text(page, '#os-kanca-banner-text'), 'Menampilkan KC Garut beserta unit-unitnya.');
    assert.equal(await page.inputValue('#os-kanca'), '25');

    await page.goBack();
    await textBecomes(page, cell(KCP_ONLY, 'total', 'E'), '2.400');
    assert.deepEqual(await rowKeys(KONSOL), ['5', '25']);
    assert.ok(!(await page.isVisible('#os-kanca-banner')));
    assert.equal(await page.inputValue('#os-kanca'), 'all');
    assertNoProblems(admin.problems);
  });

  test('a bookmarked URL opens the same view, and back/forward walk the choices', async () => {
    const { page } = admin;
    await open('?group=SMALL_KUR&metric=npl_pct&position=2025-10-09&unit=m');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '12,16');
    assert.equal(await page.inputValue('#os-group'), 'SMALL_KUR');
    assert.equal(await page.inputValue('#os-metric'), 'npl_pct');
    assert.equal(await page.inputValue('#os-position'), '2025-10-09');
    assert.ok(await page.isChecked('#os-unit-choice-m'));

    await page.selectOption('#os-group', 'KUR');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '100,00');
    assert.match(page.url(), /[?&]group=KUR(&|$)/);
    await page.goBack();
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '12,16');
    assert.equal(await page.inputValue('#os-group'), 'SMALL_KUR');
    await page.goForward();
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '100,00');

    // An earlier position: its own comparison dates.
    await page.selectOption('#os-metric', 'os');
    await page.selectOption('#os-group', 'SME');
    await page.selectOption('#os-position', '2025-10-08');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '16,60');
    assert.equal(await text(page, `#${KONSOL} thead th[data-col="D"] .cmp-head-sub`), '30-Sep-25');
    assert.equal(await text(page, cell(KONSOL, 'total', 'D')), '15,25');
    assertNoProblems(admin.problems);
  });

  test('a bookmark of a position not loaded says so and the pickers still work', async () => {
    const { context, page, problems } = await newPage(browser);
    await signIn(page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.goto(`${server.url}/os/?position=2020-01-02`);
    await page.waitForSelector('#os-feedback .alert-danger');
    assert.match(await text(page, '#os-feedback'), /2020-01-02/);
    assert.ok(await page.isVisible('#os-filters'));
    await page.selectOption('#os-position', '');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400');
    assert.equal(await page.locator('#os-feedback .alert').count(), 0);
    assertNoProblems(problems, { allowStatuses: [404] });
    await context.close();
  });

  test('the unit switch rescales, is kept in the URL and remembered', async () => {
    const { page } = admin;
    await open('?unit=juta');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400');
    await page.click('label[for="os-unit-choice-rp"]');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400.000.000');
    assert.match(page.url(), /[?&]unit=rp(&|$)/);
    assert.equal(await text(page, cell(KONSOL, 'total', 'dtd')), '800.000.000');
    // Remembered: a URL without a unit uses the last choice.
    await open();
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400.000.000');
    await page.click('label[for="os-unit-choice-juta"]');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400');
    assert.doesNotMatch(page.url(), /unit=/);
    assertNoProblems(admin.problems);
  });

  test('export links carry the view and answer with XLSX and CSV files', async () => {
    const { page } = admin;
    await open('?group=KUR&metric=npl');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '500');
    const xlsxHref = await page.getAttribute('#os-export-xlsx', 'href');
    const params = new URLSearchParams(xlsxHref.split('?')[1]);
    assert.equal(xlsxHref.split('?')[0], '/api/v1/dashboard/os/export');
    assert.deepEqual(
      [params.get('format'), params.get('unit'), params.get('group'), params.get('metric')],
      ['xlsx', 'juta', 'KUR', 'npl'],
    );
    const xlsx = await download(page, server.url, xlsxHref);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.type, /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
    assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK');

    const titles = { konsol: 'KANCA KONSOL', kanca_only: 'KANCA ONLY', kcp_only: 'KCP ONLY' };
    for (const [table, title] of Object.entries(titles)) {
      const href = await page.getAttribute(`#os-${table.replace('_', '-')}-csv`, 'href');
      assert.equal(new URLSearchParams(href.split('?')[1]).get('table'), table);
      const csv = await download(page, server.url, href);
      assert.equal(csv.status, 200, href);
      assert.match(csv.type, /^text\/csv/);
      assert.ok(csv.body.toString('utf8').includes(title), `${table}: ${csv.body.toString('utf8').slice(0, 200)}`);
    }
    assertNoProblems(admin.problems);
  });

  test('a chart downloads as a PNG', async () => {
    await open();
    await assertPngDownload(admin.page, 'os-chart-kanca');
    assertNoProblems(admin.problems);
  });

  test('in English the headers, dates and separators follow', async () => {
    const { context, page, problems } = await newPage(browser);
    await signIn(page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await page.goto(`${server.url}/lang?set=en&next=%2Fos%2F`);
    await page.waitForSelector(`#${KONSOL}`);
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17,400');
    assert.equal(await text(page, `#${KONSOL} thead th[data-col="E"] .cmp-head-sub`), '09-Oct-25');
    assert.equal(await text(page, `#${KONSOL} thead th[data-col="name"]`), 'Branch');
    assert.equal(await text(page, '#os-subtitle'), 'Position 09/10/2025 · Rp juta');
    assert.equal(await text(page, cell(KONSOL, 'total', 'mtd_pct')), '14.1');
    assert.equal(await text(page, 'label[for="os-group"]'), 'Segment');
    assertNoProblems(problems);
    await context.close();
  });

  test('with targets of the month, Komitmen, % Ach with its dot and Gap show', async () => {
    const { page } = admin;
    const units = [...new Set(OCTOBER_TARGETS.map(([unit]) => unit))];
    await runSql(server, [
      ...units.map((unit, idx) => `INSERT INTO komitmen_units (month, kode_uker, kode_kanca, kanca, uker, line)
        VALUES ('2025-10-01', '${unit}', '${unit}', 'KC', 'UKER', ${idx + 3});`),
      ...OCTOBER_TARGETS.map(([unit, group, juta]) => `INSERT INTO komitmen_targets
        (month, kode_uker, target_group, measure, value) VALUES ('2025-10-01', '${unit}', '${group}', 'OS', ${juta}000000);`),
      'UPDATE data_version SET version = version + 1;',
    ].join('\n'));
    // SMALL OS at E: KC Bandung AA 5.000 against 4.600, KC Garut 1.900 against 2.000.
    await open('?group=SMALL&metric=os');
    await page.waitForSelector(`#${KONSOL} thead th[data-col="komitmen"]`);
    assert.equal(await text(page, `#${KONSOL} thead th[data-col="komitmen"] .cmp-head-main`), 'Komitmen');
    assert.equal(await text(page, `#${KONSOL} thead th[data-col="komitmen"] .cmp-head-sub`), "Okt'25");
    assert.equal(await text(page, `#${KONSOL} thead th[data-col="achievement"]`), '% Ach');
    await textBecomes(page, cell(KONSOL, '5', 'komitmen'), '4.600');
    assert.equal(await text(page, cell(KONSOL, '5', 'achievement')), '108,70');
    assert.equal(await text(page, cell(KONSOL, '5', 'gap')), '400');
    assert.equal(await text(page, cell(KONSOL, '25', 'achievement')), '95,00');
    assert.equal(await text(page, cell(KONSOL, '25', 'gap')), '(100)');
    const dot = (key, table = KONSOL) => page.$eval(`${cell(table, key, 'achievement')} .ach-dot`,
      (node) => getComputedStyle(node).backgroundColor);
    assert.equal(await dot('5'), GREEN);
    assert.equal(await dot('25'), AMBER);
    assert.equal(await text(page, cell(KANCA_ONLY, '25', 'achievement')), '75,00');
    assert.equal(await dot('25', KANCA_ONLY), RED);
    // KCP Cikajang has no target: dashes and no dot; 675 is capped at 110.
    assert.equal(await text(page, cell(KCP_ONLY, '1346', 'komitmen')), '–');
    assert.equal(await page.$(`${cell(KCP_ONLY, '1346', 'achievement')} .ach-dot`), null);
    assert.equal(await text(page, cell(KCP_ONLY, '675', 'achievement')), '110,00');
    // SME has no target: no columns.
    await open('?group=SME&metric=os');
    await textBecomes(page, cell(KONSOL, 'total', 'E'), '17.400');
    assert.equal(await page.$(`#${KONSOL} thead th[data-col="komitmen"]`), null);
    assertNoProblems(admin.problems);
  });
});
