// Changing your own password on /accounts/password/: checks before and after the server,
// other sessions are signed out, and only the new password works afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, apiSession, assertNoProblems, createUser, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn, signOut } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const RINA = {
  username: 'rina.w',
  first_name: 'Rina',
  last_name: 'Wulandari',
  email: 'rina@example.co.id',
  phone_number: '',
  role: 'user',
  password: 'Sandi-Awal-Rina-1',
};
const NEW_PASSWORD = 'Sandi-Baru-Rina-2';

describe('change own password', { timeout: 240_000 }, () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    const setup = await newPage(browser);
    const call = await apiSession(setup.page.request, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await createUser(call, RINA);
    await setup.context.close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a user changes their password and signs in with the new one', async () => {
    const mine = await newPage(browser);
    const elsewhere = await newPage(browser);
    await signIn(mine.page, server.url, RINA.username, RINA.password);
    await signIn(elsewhere.page, server.url, RINA.username, RINA.password);
    assert.equal(elsewhere.page.url(), `${server.url}/`);

    const { page } = mine;
    const response = await page.goto(`${server.url}/accounts/password/`);
    assert.equal(response.status(), 200);
    assert.equal(await page.title(), 'Ubah Kata Sandi · SME Performance Highlights');
    assert.equal(await text(page, 'h1.page-title'), 'Ubah Kata Sandi');

    // Checks the page makes itself.
    await page.fill('#password-current', RINA.password);
    await page.fill('#password-new', 'pendek');
    await page.fill('#password-confirm', 'pendek');
    await page.click('#password-submit');
    assert.equal(await text(page, '[data-error-for="new_password"]'), 'Kata sandi minimal 10 karakter.');

    await page.fill('#password-new', NEW_PASSWORD);
    await page.fill('#password-confirm', `${NEW_PASSWORD}x`);
    await page.click('#password-submit');
    assert.equal(await text(page, '[data-error-for="confirm_password"]'), 'Konfirmasi kata sandi tidak sama.');
    assert.equal(await page.locator('#password-new.is-invalid').count(), 0);

    // The server's check of the current password.
    await page.fill('#password-current', 'bukan-sandi-saya');
    await page.fill('#password-confirm', NEW_PASSWORD);
    await page.click('#password-submit');
    await page.waitForSelector('#password-current.is-invalid');
    assert.equal(await text(page, '[data-error-for="current_password"]'), 'Kata sandi saat ini salah.');
    assert.ok(await page.isEnabled('#password-submit'));

    // The real change.
    await page.fill('#password-current', RINA.password);
    await page.click('#password-submit');
    await page.waitForSelector('#password-result .alert-success');
    assert.equal(await text(page, '#password-result .alert-success'),
      'Kata sandi berhasil diubah. Sesi Anda di perangkat lain telah dikeluarkan.');
    assert.equal(await page.inputValue('#password-current'), '');
    assert.equal(await page.inputValue('#password-new'), '');
    assert.equal(await page.locator('#password-form .is-invalid').count(), 0);

    // This session goes on; the other one was signed out.
    await page.goto(`${server.url}/`);
    assert.equal(page.url(), `${server.url}/`);
    await elsewhere.page.goto(`${server.url}/`);
    assert.equal(elsewhere.page.url(), `${server.url}/accounts/login/?next=%2F`);

    // Only the new password works now.
    await signOut(page);
    await signIn(page, server.url, RINA.username, RINA.password);
    assert.equal(await text(page, '#login-error'), 'Nama pengguna atau kata sandi salah.');
    await signIn(page, server.url, RINA.username, NEW_PASSWORD);
    assert.equal(page.url(), `${server.url}/`);
    assert.equal(await text(page, '#home-welcome'), 'Selamat datang, Rina Wulandari');

    assertNoProblems(mine.problems, { allowStatuses: [400, 401] });
    assertNoProblems(elsewhere.problems);
    await mine.context.close();
    await elsewhere.context.close();
  });
});
