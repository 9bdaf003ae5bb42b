// The audit log on /accounts/audit/: the admin signs in, finds that sign-in at the top,
// filters by action (the filter lands in the address), pages through, sees what a visitor
// typed as text rather than markup, and downloads the filtered entries as CSV.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const TIME_RE = /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/;
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

describe('the audit log', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let admin; // { context, page, problems, dialogs } signed in through the form

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    // A failed sign-in with markup for a username, before the admin's own sign-in.
    const visitor = await newPage(browser);
    const refused = await visitor.page.request.post(`${server.url}/api/v1/session`, {
      data: { username: HOSTILE_NAME, password: 'salah-sekali-123' },
      headers: { Origin: server.url },
    });
    assert.equal(refused.status(), 401);
    await visitor.context.close();

    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openAudit(query = '') {
    const response = await admin.page.goto(`${server.url}/accounts/audit/${query}`);
    assert.equal(response.status(), 200);
    // The state box shows "loading" from the start; it is an answer once no longer busy.
    await admin.page.waitForSelector('#audit-tbody tr, #audit-state:not([hidden]):not([aria-busy])');
  }

  const rows = () => admin.page.$$eval('#audit-tbody tr', (trs) => trs.map((tr) => ({
    id: tr.dataset.id,
    action: tr.dataset.action,
    time: tr.querySelector('.audit-time').textContent.trim(),
    actor: tr.querySelector('.audit-actor').textContent.trim(),
    label: tr.querySelector('.audit-action div').textContent.trim(),
    ip: tr.querySelector('.audit-ip').textContent.trim(),
  })));

  test('the admin finds their own sign-in at the top', async () => {
    // In the admin section, right after user management.
    const sidebar = await readSidebar(admin.page);
    const section = sidebar.find((candidate) => candidate.links.some((link) => link.href === '/accounts/audit/'));
    assert.equal(section.heading, 'Administrasi');
    const hrefs = section.links.map((link) => link.href);
    assert.equal(hrefs.indexOf('/accounts/audit/'), hrefs.indexOf('/accounts/users/') + 1, hrefs.join(' '));
    assert.equal(section.links[hrefs.indexOf('/accounts/audit/')].text, 'Log Audit');

    await openAudit();
    const [top, second] = await rows();
    assert.equal(top.action, 'auth.sign_in');
    assert.equal(top.label, 'Masuk');
    assert.equal(top.actor, ADMIN_USERNAME);
    assert.equal(top.ip, '127.0.0.1');
    assert.match(top.time, TIME_RE);
    assert.equal(await text(admin.page, '#audit-table thead th:first-child'), 'Waktu (WIB)');
    // The time is the server's clock in WIB: the API's ISO time, seven hours on.
    const iso = await admin.page.getAttribute('#audit-tbody tr:first-child time', 'datetime');
    const wib = new Date(Date.parse(iso) + 7 * 3600 * 1000);
    const pad = (n) => String(n).padStart(2, '0');
    assert.equal(top.time, `${pad(wib.getUTCDate())}/${pad(wib.getUTCMonth() + 1)}/${wib.getUTCFullYear()} `
      + `${pad(wib.getUTCHours())}:${pad(wib.getUTCMinutes())}:${pad(wib.getUTCSeconds())}`);

    // The failed sign-in before it shows what was typed, as text.
    assert.equal(second.action, 'auth.sign_in_failed');
    assert.ok(second.actor.startsWith(HOSTILE_NAME), second.actor);
    assert.equal(await admin.page.locator('#audit-tbody img').count(), 0);
    assert.deepEqual(admin.dialogs, []);
    assertNoProblems(admin.problems);
  });

  test('filtering by action puts the filter in the address and keeps only that action', async () => {
    const call = await apiSession(admin.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    for (const username of ['rina', 'dodi']) {
      const { status } = await call('POST', '/api/v1/users', { username, password: 'Sandi-Rahasia-1', role: 'user' });
      assert.equal(status, 201);
    }
    await openAudit();
    await admin.page.selectOption('#audit-action', 'user.create');
    await Promise.all([admin.page.waitForNavigation(), admin.page.click('#audit-apply')]);
    assert.equal(new URL(admin.page.url()).search, '?action=user.create');
    await admin.page.waitForSelector('#audit-tbody tr');
    const shown = await rows();
    // rina and dodi, newest first, then the first admin made at start-up.
    assert.deepEqual(shown.map((row) => row.action), ['user.create', 'user.create', 'user.create']);
    assert.ok(shown.every((row) => row.label === 'Pengguna ditambahkan'));
    const details = await admin.page.$$eval('#audit-tbody tr .audit-detail', (lists) => lists.map((list) => list.textContent));
    assert.match(details[0], /nama pengguna\s*dodi/);
    assert.match(details[1], /nama pengguna\s*rina/);
    assert.equal(await admin.page.inputValue('#audit-action'), 'user.create');

    // A category, and a search that matches nothing.
    await openAudit('?action=auth&q=tidak-ada-yang-cocok');
    assert.equal(await text(admin.page, '#audit-state'), 'Tidak ada entri yang cocok dengan filter.');
    assert.equal(await admin.page.inputValue('#audit-q'), 'tidak-ada-yang-cocok');
    assertNoProblems(admin.problems);
  });

  test('pages of 50 link to older and newer entries', async () => {
    const call = await apiSession(admin.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    for (let index = 1; index <= 53; index += 1) {
      const { status } = await call('POST', '/api/v1/users', { username: `staf${index}`, password: 'Sandi-Rahasia-1', role: 'user' });
      assert.equal(status, 201);
    }
    // 56 user.create entries: 50 on the newest page, 6 on the next.
    await openAudit('?action=user.create');
    const first = (await rows()).map((row) => row.id);
    assert.equal(first.length, 50);
    assert.ok(await admin.page.isHidden('#audit-newer'));
    await Promise.all([admin.page.waitForNavigation(), admin.page.click('#audit-older')]);
    await admin.page.waitForSelector('#audit-tbody tr');
    assert.match(new URL(admin.page.url()).search, /^\?action=user\.create&before=\d+$/);
    const second = (await rows()).map((row) => row.id);
    assert.equal(second.length, 6);
    assert.ok(Number(second[0]) < Number(first.at(-1)), 'older entries on the older page');
    assert.ok(await admin.page.isHidden('#audit-older'));
    await Promise.all([admin.page.waitForNavigation(), admin.page.click('#audit-newer')]);
    await admin.page.waitForSelector('#audit-tbody tr');
    assert.deepEqual((await rows()).map((row) => row.id), first);
    assertNoProblems(admin.problems);
  });

  test('the CSV holds the filtered entries', async () => {
    // staf1 and staf10 to staf19.
    await openAudit('?action=user.create&q=staf1');
    const shown = await rows();
    assert.equal(shown.length, 11);
    const [download] = await Promise.all([
      admin.page.waitForEvent('download'),
      admin.page.click('#audit-export'),
    ]);
    assert.equal(download.suggestedFilename(), 'log-audit.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'ID;Waktu (WIB);Pengguna;ID pengguna;Tindakan;Kode tindakan;Target;Detail (JSON);Alamat IP');
    assert.deepEqual(lines.slice(1).map((line) => line.split(';')[0]), shown.map((row) => row.id));
    assert.ok(lines.slice(1).every((line) => line.split(';')[5] === 'user.create'));
    assert.match(lines[1].split(';')[1], TIME_RE);
    assertNoProblems(admin.problems);
  });
});
