// Sign-in, sign-out and the redirect of anonymous visitors, against the real server.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ADMIN_PASSWORD, useServerAndBrowser, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { newPage, signIn, signOut } from './support/browser.mjs';
import { ADMIN_USERNAME } from './support/server.mjs';

describe('sign-in and sign-out', { timeout: 240_000 }, () => {
  const env = useServerAndBrowser();

  test('an anonymous visit to / is sent to the sign-in page with next=/', async () => {
    const { context, page, problems } = await newPage(env.browser);
    const response = await page.goto(`${env.server.url}/`);
    assert.equal(page.url(), `${env.server.url}/accounts/login/?next=%2F`);
    const redirect = response.request().redirectedFrom();
    assert.ok(redirect, 'the first answer is a redirect');
    assert.equal((await redirect.response()).status(), 303);
    assert.equal(response.status(), 200);

    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(await page.title(), 'Masuk · SME Performance Highlights');
    assert.equal(await text(page, 'h1'), 'Masuk ke akun Anda');
    assert.equal(await text(page, 'label[for="login-username"]'), 'Nama pengguna');
    assert.equal(await text(page, 'label[for="login-password"]'), 'Kata sandi');
    assert.equal(await text(page, '#login-submit'), 'Masuk');
    assert.equal(await page.inputValue('input[name="next"]'), '/');
    assert.equal(await page.locator('#login-error').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('the admin signs in and lands on home with the sidebar and navbar', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await page.goto(`${env.server.url}/`);
    await page.fill('#login-username', ADMIN_USERNAME);
    await page.fill('#login-password', ADMIN_PASSWORD);
    await Promise.all([page.waitForURL(`${env.server.url}/`), page.click('#login-submit')]);

    assert.equal(await page.title(), 'Beranda · SME Performance Highlights');
    assert.equal(await text(page, '#navbar-user-name'), 'admin');
    assert.equal(await text(page, '#navbar-user-role'), 'Admin');
    assert.equal(await text(page, '#home-welcome'), 'Selamat datang, admin');
    assert.equal(await text(page, '#home-last-login'), 'Belum ada catatan masuk sebelumnya.');
    assert.equal(await text(page, '#home-data-empty'), 'Belum ada data posisi pinjaman yang dimuat.');
    assert.ok(await page.isVisible('#home-admin-card'), 'admins see the user management card');
    assert.equal(await page.getAttribute('#home-admin-card a', 'href'), '/accounts/users/');
    assert.match(await page.getAttribute('meta[name="csrf-token"]', 'content'), /\S{16,}/);

    const sidebar = await readSidebar(page);
    const links = sidebar.flatMap((section) => section.links);
    assert.deepEqual(links.find((link) => link.href === '/'), { text: 'Beranda', href: '/', active: true });
    assert.deepEqual(links.find((link) => link.href === '/accounts/users/'),
      { text: 'Manajemen Pengguna', href: '/accounts/users/', active: false });
    assert.deepEqual(links.find((link) => link.href === '/accounts/password/'),
      { text: 'Ubah Kata Sandi', href: '/accounts/password/', active: false });
    const headings = sidebar.map((section) => section.heading);
    assert.ok(headings.includes('Dashboard'), headings.join(', '));
    assert.ok(headings.includes('Administrasi'), headings.join(', '));
    assertNoProblems(problems);

    // The second sign-in shows when the first one happened.
    await signOut(page);
    await signIn(page, env.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    assert.match(await text(page, '#home-last-login'), /^Terakhir masuk: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await context.close();
  });

  test('a wrong password is refused with the Indonesian message and a 401', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await page.goto(`${env.server.url}/accounts/login/`);
    await page.fill('#login-username', ADMIN_USERNAME);
    await page.fill('#login-password', 'not-the-password');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${env.server.url}/accounts/login/` && r.request().method() === 'POST'),
      page.click('#login-submit'),
    ]);
    await page.waitForLoadState();
    assert.equal(response.status(), 401);
    assert.equal(page.url(), `${env.server.url}/accounts/login/`);
    assert.equal(await text(page, '#login-error'), 'Nama pengguna atau kata sandi salah.');
    assert.equal(await page.inputValue('#login-username'), ADMIN_USERNAME);
    assert.equal(await page.inputValue('#login-password'), '');

    // An unknown username gets the very same answer.
    await page.fill('#login-username', 'nobody.here');
    await page.fill('#login-password', 'whatever-password');
    await Promise.all([page.waitForNavigation(), page.click('#login-submit')]);
    assert.equal(await text(page, '#login-error'), 'Nama pengguna atau kata sandi salah.');

    // Still signed out.
    await page.goto(`${env.server.url}/`);
    assert.equal(page.url(), `${env.server.url}/accounts/login/?next=%2F`);
    assertNoProblems(problems, { allowStatuses: [401] });
    await context.close();
  });

  test('signing out returns to the sign-in page and / redirects again', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await signIn(page, env.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    assert.equal(page.url(), `${env.server.url}/`);

    await signOut(page);
    assert.equal(page.url(), `${env.server.url}/accounts/login/`);
    assert.equal(await text(page, 'h1'), 'Masuk ke akun Anda');

    await page.goto(`${env.server.url}/`);
    assert.equal(page.url(), `${env.server.url}/accounts/login/?next=%2F`);
    assertNoProblems(problems);
    await context.close();
  });

  test('the sign-out page asks first, then signs out', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await signIn(page, env.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    const response = await page.goto(`${env.server.url}/accounts/logout/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.title(), 'Keluar · SME Performance Highlights');
    assert.equal(await text(page, '#logout-title'), 'Keluar dari aplikasi');
    assert.equal(await text(page, '#logout-confirm'), 'Ya, keluar');

    await Promise.all([page.waitForURL(`${env.server.url}/accounts/login/`), page.click('#logout-confirm')]);
    await page.goto(`${env.server.url}/accounts/password/`);
    assert.equal(page.url(), `${env.server.url}/accounts/login/?next=%2Faccounts%2Fpassword%2F`);
    assertNoProblems(problems);
    await context.close();
  });

  test('after signing in the visitor goes where they were headed', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await page.goto(`${env.server.url}/accounts/password/`);
    assert.equal(await page.inputValue('input[name="next"]'), '/accounts/password/');
    await page.fill('#login-username', ADMIN_USERNAME);
    await page.fill('#login-password', ADMIN_PASSWORD);
    await Promise.all([page.waitForURL(`${env.server.url}/accounts/password/`), page.click('#login-submit')]);
    assert.equal(await text(page, 'h1.page-title'), 'Ubah Kata Sandi');
    const active = (await readSidebar(page)).flatMap((s) => s.links).filter((l) => l.active);
    assert.deepEqual(active.map((l) => l.href), ['/accounts/password/']);
    assertNoProblems(problems);
    await context.close();
  });
});
