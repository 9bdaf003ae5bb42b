// The language switch: Indonesian by default, English on request, for server-rendered
// texts and for the texts the page scripts write.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { ADMIN_PASSWORD, useServerAndBrowser, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { newPage, signIn } from './support/browser.mjs';
import { ADMIN_USERNAME } from './support/server.mjs';

describe('language switch', { timeout: 240_000 }, () => {
  const env = useServerAndBrowser();

  test('switching to English changes the layout, the page and the scripts\' texts', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await signIn(page, env.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    assert.equal(await text(page, '.app-lang-switch'), 'English');

    await Promise.all([page.waitForNavigation(), page.click('.app-lang-switch')]);
    assert.equal(page.url(), `${env.server.url}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Home · SME Performance Highlights');
    assert.equal(await text(page, '#home-welcome'), 'Welcome, admin');
    assert.equal(await text(page, '#home-data-empty'), 'No loan position data has been loaded yet.');
    assert.equal(await text(page, '#navbar-logout'), 'Sign out');
    assert.equal(await text(page, '.app-lang-switch'), 'Bahasa Indonesia');
    const sidebar = await readSidebar(page);
    const links = sidebar.flatMap((section) => section.links).map((link) => link.text);
    assert.ok(links.includes('Home') && links.includes('User Management') && links.includes('Change Password'),
      links.join(', '));
    assert.ok(sidebar.map((section) => section.heading).includes('Administration'));

    // The choice sticks across pages, and the page scripts speak it too.
    await page.goto(`${env.server.url}/accounts/users/`);
    await page.waitForSelector('#users-tbody tr[data-username="admin"]');
    assert.equal(await text(page, '#users-table thead th:first-child'), 'Username');
    assert.equal(await text(page, '#users-count'), 'Showing 1 of 1 users');
    assert.equal(await text(page, 'tr[data-username="admin"] .users-status'), 'Active');
    assert.match(await text(page, 'tr[data-username="admin"] .users-last-login'), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    // And back to Indonesian, staying on the same page.
    await Promise.all([page.waitForNavigation(), page.click('.app-lang-switch')]);
    assert.equal(page.url(), `${env.server.url}/accounts/users/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
    await page.waitForSelector('#users-tbody tr[data-username="admin"]');
    assert.equal(await text(page, '#users-table thead th:first-child'), 'Nama pengguna');
    assert.equal(await text(page, '#users-count'), 'Menampilkan 1 dari 1 pengguna');
    assert.equal(await text(page, 'tr[data-username="admin"] .users-status'), 'Aktif');
    assertNoProblems(problems);
    await context.close();
  });

  test('the sign-in page switches language too', async () => {
    const { context, page, problems } = await newPage(env.browser);
    await page.goto(`${env.server.url}/accounts/login/`);
    assert.equal(await text(page, '#login-lang-switch'), 'English');
    await Promise.all([page.waitForNavigation(), page.click('#login-lang-switch')]);
    assert.equal(page.url(), `${env.server.url}/accounts/login/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), 'Sign In · SME Performance Highlights');
    assert.equal(await text(page, 'h1'), 'Sign in to your account');
    assert.equal(await text(page, '#login-submit'), 'Sign in');

    await page.fill('#login-username', ADMIN_USERNAME);
    await page.fill('#login-password', 'wrong-password-here');
    await Promise.all([page.waitForNavigation(), page.click('#login-submit')]);
    assert.equal(await text(page, '#login-error'), 'Wrong username or password.');
    assertNoProblems(problems, { allowStatuses: [401] });
    await context.close();
  });
});
