// View data (/data/view/) as an admin uses it: the latest position opens first, a page at
// a time; the admin pages forward and back, filters by kanca and grade, searches by name
// and account number, sorts by a column both ways, opens a row, and looks at every position.
// A debtor name carrying HTML stays text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const XSS_NAME = '<img src=x onerror="window.__xss=1">PT Aman';
const UNITS = [
  ['KC Bandung AA', '5', 'KC Bandung AA'],
  ['KC Bandung AA', '675', 'KCP Rajawali Bandung'],
  ['KC Garut', '25', 'KC Garut'],
];
const HEADER = 'PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,CODE,KOL_ADK,OS';

// `count` loans at position `date` (dd/mm/yyyy); loan n's values follow from n, so the test
// knows what each filter and search must find.
function loan(n) {
  const [kanca, code, uker] = UNITS[n % 3];
  return {
    kanca, code, uker,
    account: String(200000000000000 + n),
    name: n === 7 ? XSS_NAME : `Debitur ${String(n).padStart(3, '0')}`,
    cif: `CIF${n}`,
    grade: (n % 5) + 1,
    os: `${(n * 7919) % 100000}000.${String(n % 100).padStart(2, '0')}`,
  };
}
function positionFile(date, count) {
  const lines = [HEADER];
  for (let n = 0; n < count; n += 1) {
    const row = loan(n);
    const name = `"${row.name.replaceAll('"', '""')}"`;
    lines.push([date, row.kanca, row.code, row.uker, row.account, name, row.cif, '43206', row.grade, row.os].join(','));
  }
  return lines.join('\n');
}
const LATEST_LOANS = 250;
const OLDER_LOANS = 30;
const garutLoans = (count) => [...Array(count).keys()].filter((n) => n % 3 === 2);

describe('view data', { timeout: 300_000 }, () => {
  let server;
  let browser;
  let admin; // { page, problems } signed in as the admin
  let call;

  async function load(name, content) {
    const staged = await call('POST', `/api/v1/uploads?name=${name}&number_style=en`, content);
    assert.equal(staged.status, 201, JSON.stringify(staged.body));
    const id = staged.body.upload.id;
    assert.equal((await call('POST', `/api/v1/uploads/${id}/process`)).status, 202);
    for (let tries = 0; ; tries += 1) {
      const { body } = await call('GET', `/api/v1/uploads/${id}`);
      if (body.upload.status === 'completed') return;
      assert.ok(body.upload.status !== 'failed' && tries < 600, JSON.stringify(body.upload));
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
  }

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    call = await apiSession(admin.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await load('lama.csv', positionFile('08/10/2025', OLDER_LOANS));
    await load('terbaru.csv', positionFile('09/10/2025', LATEST_LOANS));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const page = () => admin.page;
  const column = (name) => page().$$eval(`#view-data-tbody tr`, (rows, index) =>
    rows.map((row) => row.children[index].textContent.replace(/\s+/g, ' ').trim()),
  COLUMNS.indexOf(name));
  const COLUMNS = ['periode', 'kanca', 'kode_uker', 'uker', 'nomor_rekening', 'nama_debitur', 'cif_no',
    'code', 'kol_adk', 'flag_restruk', 'plafon', 'os', 'tgl_jatuh_tempo'];

  // Waits for the table to show the answer to what the page asked last.
  async function settled() {
    await page().waitForFunction(() => {
      const table = document.getElementById('view-data-table');
      return table.getAttribute('aria-busy') === 'false';
    });
    await page().waitForFunction(() => !/…/.test(document.getElementById('view-data-count').textContent));
  }

  async function open(query = '') {
    const response = await page().goto(`${server.url}/data/view/${query}`);
    assert.equal(response.status(), 200);
    await settled();
  }

  const pageLine = () => text(page(), '#view-data-page');
  const count = () => text(page(), '#view-data-count');

  test('the admin opens the latest position and pages forward and back', async () => {
    await open();
    assert.equal(await page().title(), 'Lihat Data · SME Performance Highlights');
    const data = (await readSidebar(page())).flatMap((section) => section.links);
    assert.ok(data.some((link) => link.href === '/data/view/' && link.active), JSON.stringify(data));
    assert.equal(await page().$eval('#view-data-position', (select) => select.selectedOptions[0].textContent),
      '09/10/2025 (terbaru)');
    assert.equal(await count(), '250 baris');
    assert.equal(await pageLine(), 'Halaman 1 · baris 1–100');
    assert.ok(await page().isDisabled('#view-data-prev'));
    const first = await column('nomor_rekening');
    assert.equal(first.length, 100);
    // Newest position first, then the account numbers from the top.
    assert.deepEqual(first.slice(0, 2), [String(200000000000000 + 249), String(200000000000000 + 248)]);
    assert.ok((await column('periode')).every((value) => value === '09/10/2025'));

    await page().click('#view-data-next');
    await settled();
    assert.equal(await pageLine(), 'Halaman 2 · baris 101–200');
    const second = await column('nomor_rekening');
    assert.equal(second[0], String(200000000000000 + 149));
    await page().click('#view-data-next');
    await settled();
    assert.equal(await pageLine(), 'Halaman 3 · baris 201–250');
    assert.ok(await page().isDisabled('#view-data-next'));
    assert.equal((await column('nomor_rekening')).length, 50);

    await page().click('#view-data-prev');
    await settled();
    assert.equal(await pageLine(), 'Halaman 2 · baris 101–200');
    assert.deepEqual(await column('nomor_rekening'), second);
    await page().goBack();  // the page lives in the URL
    await settled();
    assert.equal(await pageLine(), 'Halaman 3 · baris 201–250');
    assertNoProblems(admin.problems);
  });

  test('amounts read in Indonesian and a name with HTML stays text', async () => {
    await open('?q=PT+Aman');
    assert.equal(await count(), '1 baris');
    assert.deepEqual(await column('nama_debitur'), [XSS_NAME]);
    const [whole, cents] = loan(7).os.split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    assert.deepEqual(await column('os'), [`${grouped},${cents}`]);
    assert.equal(await page().evaluate(() => window.__xss), undefined);
  });

  test('the admin filters by kanca and grade, and searches by name and account', async () => {
    await open();
    await page().selectOption('#view-data-kanca', '25');
    await page().click('#view-data-apply');
    await settled();
    const garut = garutLoans(LATEST_LOANS);
    assert.equal(await count(), `${garut.length} baris`);
    assert.ok((await column('kanca')).every((value) => value === 'KC Garut'));

    await page().selectOption('#view-data-grade', '3');
    await page().click('#view-data-apply');
    await settled();
    const graded = garut.filter((n) => loan(n).grade === 3);
    assert.equal(await count(), `${graded.length} baris`);
    assert.deepEqual(await column('kol_adk'), graded.map(() => '3'));

    await page().click('#view-data-reset');
    await settled();
    assert.equal(await count(), '250 baris');
    await page().fill('#view-data-search', 'debitur 12');  // names 120–129, any case
    await page().press('#view-data-search', 'Enter');
    await settled();
    const named = [...Array(LATEST_LOANS).keys()].filter((n) => loan(n).name.toLowerCase().includes('debitur 12'));
    assert.equal(await count(), `${named.length} baris`);

    await page().fill('#view-data-search', loan(42).account);
    await page().click('#view-data-apply');
    await settled();
    assert.deepEqual(await column('nomor_rekening'), [loan(42).account]);
    // The row opens with every column of the file.
    await page().click('#view-data-tbody tr');
    await page().waitForSelector('#view-data-row-modal.show');
    assert.equal(await text(page(), '#view-data-row-title'), `Rekening ${loan(42).account} · posisi 09/10/2025`);
    const facts = await page().$$eval('#view-data-row-facts dt', (nodes) => nodes.map((node) => node.textContent));
    assert.ok(facts.includes('NAMA DEBITUR') && facts.includes('KOLEKTIBILITAS MACET') && facts.includes('PN RM'));
    await page().click('#view-data-row-modal .modal-footer button');
    await page().waitForSelector('#view-data-row-modal', { state: 'hidden' });
    assertNoProblems(admin.problems);
  });

  test('the admin sorts by a column both ways and looks at every position', async () => {
    await open('?kanca=5');
    const amount = (value) => Number(value.replaceAll('.', '').replace(',', '.'));
    await page().click('th[data-sort="os"] button');
    await settled();
    assert.equal(await page().getAttribute('th[data-sort="os"]', 'aria-sort'), 'ascending');
    const up = (await column('os')).map(amount);
    assert.deepEqual(up, [...up].sort((a, b) => a - b));
    await page().click('th[data-sort="os"] button');
    await settled();
    assert.equal(await page().getAttribute('th[data-sort="os"]', 'aria-sort'), 'descending');
    const down = (await column('os')).map(amount);
    assert.deepEqual(down, [...down].sort((a, b) => b - a));
    assert.ok(down[0] >= up.at(-1), 'the largest amount comes first');
    // The export follows the view.
    const href = await page().getAttribute('#view-data-export-csv', 'href');
    assert.match(href, /format=csv/);
    assert.match(href, /kanca=5/);
    assert.match(href, /sort=os&dir=desc/);
    const csv = await page().request.get(`${server.url}${href}`);
    assert.equal(csv.status(), 200);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length - 1, [...Array(LATEST_LOANS).keys()].filter((n) => n % 3 !== 2 && loan(n).kanca === 'KC Bandung AA').length);

    await page().selectOption('#view-data-position', 'all');
    await page().click('#view-data-apply');
    await settled();
    const bandung = (total) => [...Array(total).keys()].filter((n) => loan(n).kanca === 'KC Bandung AA').length;
    assert.equal(await count(), `${bandung(LATEST_LOANS) + bandung(OLDER_LOANS)} baris`);
    assertNoProblems(admin.problems);
  });
});
