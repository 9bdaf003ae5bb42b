// User management: an admin creates and manages users on /accounts/users/; a plain user
// has no admin menu and gets 403 there; names are always shown as text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { ADMIN_PASSWORD, assertNoProblems, readSidebar, text } from './support/app.mjs';
import { launchBrowser, newPage, signIn, signOut } from './support/browser.mjs';
import { ADMIN_USERNAME, startServer } from './support/server.mjs';

const BUDI = {
  username: 'budi.santoso',
  first_name: 'Budi',
  last_name: 'Santoso',
  email: 'budi.santoso@example.co.id',
  phone_number: '+62 812-3456-7890',
  password: 'Rahasia-Budi-2025',
};

const row = (username) => `#users-tbody tr[data-username="${username}"]`;

describe('user management', { timeout: 240_000 }, () => {
  let server;
  let browser;
  let admin; // { context, page, problems, dialogs } signed in as the admin for the whole file

  before(async () => {
    server = await startServer({ adminPassword: ADMIN_PASSWORD });
    browser = await launchBrowser();
    admin = await newPage(browser);
    await signIn(admin.page, server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openUsersPage() {
    const response = await admin.page.goto(`${server.url}/accounts/users/`);
    assert.equal(response.status(), 200);
    await admin.page.waitForSelector(row(ADMIN_USERNAME));
  }

  async function fillCreateForm(page, user) {
    await page.click('#users-add');
    await page.waitForSelector('#user-create-modal.show');
    await page.fill('#create-username', user.username);
    await page.fill('#create-first-name', user.first_name ?? '');
    await page.fill('#create-last-name', user.last_name ?? '');
    await page.fill('#create-email', user.email ?? '');
    await page.fill('#create-phone', user.phone_number ?? '');
    await page.selectOption('#create-role', user.role ?? 'user');
    await page.fill('#create-password', user.password);
    await page.fill('#create-password-confirm', user.confirm ?? user.password);
  }

  async function closeModal(page, id) {
    await page.click(`#${id} [data-bs-dismiss="modal"].btn-close`);
    await page.waitForSelector(`#${id}`, { state: 'hidden' });
  }

  test('the admin creates a user on the users page', async () => {
    const { page } = admin;
    await openUsersPage();
    assert.equal(await page.title(), 'Manajemen Pengguna · SME Performance Highlights');
    assert.equal(await text(page, '#users-count'), 'Menampilkan 1 dari 1 pengguna');
    assert.equal(await text(page, `${row('admin')} .users-username`), 'admin Anda');
    assert.equal(await text(page, `${row('admin')} .role-badge`), 'Admin');
    assert.equal(await text(page, `${row('admin')} .users-status`), 'Aktif');
    assert.ok(await page.isDisabled(`${row('admin')} [data-action="deactivate"]`),
      'an admin cannot deactivate their own account');

    await fillCreateForm(page, BUDI);
    await page.click('#user-create-submit');
    await page.waitForSelector('#user-create-modal', { state: 'hidden' });
    assert.equal(await text(page, '#users-feedback .alert-success'), 'Pengguna budi.santoso berhasil ditambahkan.');

    const budi = row(BUDI.username);
    assert.equal(await text(page, `${budi} .users-name`), 'Budi Santoso');
    assert.equal(await text(page, `${budi} .users-email`), BUDI.email);
    assert.equal(await text(page, `${budi} .users-phone`), BUDI.phone_number);
    assert.equal(await text(page, `${budi} .role-badge`), 'Pengguna');
    assert.equal(await text(page, `${budi} .users-status`), 'Aktif');
    assert.equal(await text(page, `${budi} .users-last-login`), 'Belum pernah');
    assert.equal(await text(page, '#users-count'), 'Menampilkan 2 dari 2 pengguna');

    // The list comes from the server, not just from the page's memory.
    await openUsersPage();
    assert.equal(await text(page, `${budi} .users-name`), 'Budi Santoso');
    assertNoProblems(admin.problems);
  });

  test('the create form reports problems next to the field', async () => {
    const { page } = admin;
    await openUsersPage();

    // Taken username: the server's 409 lands under the username field.
    await fillCreateForm(page, { ...BUDI, first_name: 'Lain' });
    await page.click('#user-create-submit');
    await page.waitForSelector('#create-username.is-invalid');
    assert.equal(await text(page, '#user-create-form [data-error-for="username"]'), 'Nama pengguna sudah dipakai.');
    assert.ok(await page.isVisible('#user-create-modal'), 'the form stays open');
    assert.ok(await page.isEnabled('#user-create-submit'), 'the button is usable again');

    // Checks the page makes before asking the server.
    await page.fill('#create-username', 'x');
    await page.click('#user-create-submit');
    assert.equal(await text(page, '#user-create-form [data-error-for="username"]'),
      'Nama pengguna 3–150 karakter: huruf, angka, . _ @ + -');

    await page.fill('#create-username', 'siti.rahma');
    await page.fill('#create-password', 'pendek');
    await page.fill('#create-password-confirm', 'pendek');
    await page.click('#user-create-submit');
    assert.equal(await text(page, '#user-create-form [data-error-for="password"]'), 'Kata sandi minimal 10 karakter.');
    assert.equal(await page.locator('#create-username.is-invalid').count(), 0, 'old errors are cleared');

    await page.fill('#create-password', 'Panjang-Sekali-1');
    await page.fill('#create-password-confirm', 'Panjang-Sekali-2');
    await page.click('#user-create-submit');
    assert.equal(await text(page, '#user-create-form [data-error-for="password_confirm"]'),
      'Konfirmasi kata sandi tidak sama.');

    // The server's own rule for e-mail addresses.
    await page.fill('#create-password-confirm', 'Panjang-Sekali-1');
    await page.fill('#create-email', 'bukan-email');
    await page.click('#user-create-submit');
    await page.waitForSelector('#create-email.is-invalid');
    assert.equal(await text(page, '#user-create-form [data-error-for="email"]'), 'Alamat email tidak valid.');

    await closeModal(page, 'user-create-modal');
    assert.equal(await page.locator(row('siti.rahma')).count(), 0);
    assertNoProblems(admin.problems, { allowStatuses: [400, 409] });
  });

  test('the search box filters the table', async () => {
    const { page } = admin;
    await openUsersPage();
    await page.fill('#users-search', 'SANTOSO');
    assert.equal(await page.locator('#users-tbody tr').count(), 1);
    assert.equal(await page.locator(row(BUDI.username)).count(), 1);
    assert.equal(await text(page, '#users-count'), 'Menampilkan 1 dari 2 pengguna');

    await page.fill('#users-search', 'tidak-ada');
    assert.equal(await page.locator('#users-tbody tr').count(), 0);
    assert.equal(await text(page, '#users-state'), 'Tidak ada pengguna yang cocok dengan “tidak-ada”.');

    await page.fill('#users-search', '');
    assert.equal(await page.locator('#users-tbody tr').count(), 2);
    assertNoProblems(admin.problems, { allowStatuses: [400, 409] });
  });

  test('the new user signs in and sees no admin menu', async () => {
    const { context, page, problems } = await newPage(browser);
    await signIn(page, server.url, BUDI.username, BUDI.password);
    assert.equal(page.url(), `${server.url}/`);
    assert.equal(await text(page, '#navbar-user-name'), 'Budi Santoso');
    assert.equal(await text(page, '#navbar-user-role'), 'Pengguna');
    assert.equal(await text(page, '#home-welcome'), 'Selamat datang, Budi Santoso');

    const sidebar = await readSidebar(page);
    const hrefs = sidebar.flatMap((section) => section.links.map((link) => link.href));
    assert.ok(hrefs.includes('/') && hrefs.includes('/accounts/password/'), hrefs.join(', '));
    assert.ok(!hrefs.includes('/accounts/users/'), 'no user management link');
    assert.ok(!sidebar.some((section) => section.heading === 'Administrasi'), 'no admin section');
    assert.equal(await page.locator('#home-admin-card').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  test('a plain user opening /accounts/users/ gets a 403 page', async () => {
    const { context, page, problems } = await newPage(browser);
    await signIn(page, server.url, BUDI.username, BUDI.password);
    const response = await page.goto(`${server.url}/accounts/users/`);
    assert.equal(response.status(), 403);
    assert.equal(await text(page, '#error-title'), 'Anda tidak memiliki akses ke halaman ini.');
    assert.equal(await text(page, '.error-code'), '403');
    assert.equal(await page.getAttribute('#error-home', 'href'), '/');
    assert.equal(await text(page, '#navbar-user-name'), 'Budi Santoso', 'still inside the layout');

    // The API refuses too.
    const list = await page.request.get(`${server.url}/api/v1/users`);
    assert.equal(list.status(), 403);
    const body = await list.json();
    assert.equal(typeof body.error.message, 'string');
    assert.equal(body.error.message, 'Anda tidak memiliki akses ke halaman ini.');
    assertNoProblems(problems, { allowStatuses: [403] });
    await context.close();
  });

  test('a name with markup is shown as text, never run', async () => {
    const { page } = admin;
    const evil = {
      username: 'xss.user',
      first_name: '<script>alert(1)</script>',
      last_name: '<img src=x onerror=alert(2)>',
      email: '',
      phone_number: '',
      password: 'Xss-Password-2025',
    };
    const display = `${evil.first_name} ${evil.last_name}`;
    await openUsersPage();
    await fillCreateForm(page, evil);
    await page.click('#user-create-submit');
    await page.waitForSelector(row(evil.username));
    assert.equal(await text(page, `${row(evil.username)} .users-name`), display);
    assert.equal(await page.locator('#users-tbody script, #users-tbody img').count(), 0);
    assert.deepEqual(admin.dialogs, []);

    const visitor = await newPage(browser);
    await signIn(visitor.page, server.url, evil.username, evil.password);
    assert.equal(await text(visitor.page, '#navbar-user-name'), display);
    assert.equal(await text(visitor.page, '#home-welcome'), `Selamat datang, ${display}`);
    assert.equal(await visitor.page.locator('main script, .app-topbar script, main img, .app-topbar img').count(), 0);
    assert.ok((await visitor.page.content()).includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    await visitor.page.waitForTimeout(300);
    assert.deepEqual(visitor.dialogs, []);
    assert.deepEqual(admin.dialogs, []);
    assertNoProblems(visitor.problems);
    await visitor.context.close();
  });

  test('the admin edits, deactivates, reactivates and resets a password', async () => {
    const { page } = admin;
    await openUsersPage();
    const budi = row(BUDI.username);

    await page.click(`${budi} [data-action="edit"]`);
    await page.waitForSelector('#user-edit-modal.show');
    assert.equal(await page.inputValue('#edit-first-name'), 'Budi');
    assert.equal(await page.inputValue('#edit-role'), 'user');
    assert.ok(await page.isEnabled('#edit-role'));
    await page.fill('#edit-email', 'budi@bank.example');
    await page.fill('#edit-phone', '0812 0000 1111');
    await page.click('#user-edit-submit');
    await page.waitForSelector('#user-edit-modal', { state: 'hidden' });
    assert.equal(await text(page, '#users-feedback .alert-success'), 'Data pengguna budi.santoso berhasil disimpan.');
    assert.equal(await text(page, `${budi} .users-email`), 'budi@bank.example');
    assert.equal(await text(page, `${budi} .users-phone`), '0812 0000 1111');

    // Deactivate: confirm first, then the user cannot sign in.
    await page.click(`${budi} [data-action="deactivate"]`);
    await page.waitForSelector('#user-confirm-modal.show');
    assert.equal(await text(page, '#user-confirm-title'), 'Nonaktifkan Pengguna');
    assert.equal(await text(page, '#user-confirm-modal [data-fill="text"]'),
      'budi.santoso tidak akan dapat masuk sampai akunnya diaktifkan kembali.');
    await page.click('#user-confirm-submit');
    await page.waitForSelector('#user-confirm-modal', { state: 'hidden' });
    assert.equal(await text(page, '#users-feedback .alert-success'), 'Pengguna budi.santoso telah dinonaktifkan.');
    assert.equal(await text(page, `${budi} .users-status`), 'Nonaktif');

    const visitor = await newPage(browser);
    await signIn(visitor.page, server.url, BUDI.username, BUDI.password);
    assert.equal(await text(visitor.page, '#login-error'), 'Nama pengguna atau kata sandi salah.');

    await page.click(`${budi} [data-action="activate"]`);
    await page.waitForSelector('#user-confirm-modal.show');
    await page.click('#user-confirm-submit');
    await page.waitForSelector('#user-confirm-modal', { state: 'hidden' });
    assert.equal(await text(page, '#users-feedback .alert-success'), 'Pengguna budi.santoso telah diaktifkan.');
    assert.equal(await text(page, `${budi} .users-status`), 'Aktif');

    // Reset the password; the old one stops working and the new one works.
    const newPassword = 'Budi-Baru-2025!!';
    await page.click(`${budi} [data-action="reset-password"]`);
    await page.waitForSelector('#user-password-modal.show');
    assert.equal(await text(page, '#user-password-modal [data-fill="intro"]'),
      'Kata sandi baru untuk budi.santoso. Sampaikan kepada pengguna melalui saluran yang aman.');
    await page.fill('#reset-password', newPassword);
    await page.fill('#reset-password-confirm', newPassword);
    await page.click('#user-password-submit');
    await page.waitForSelector('#user-password-modal', { state: 'hidden' });
    assert.equal(await text(page, '#users-feedback .alert-success'), 'Kata sandi budi.santoso berhasil diatur ulang.');
    BUDI.password = newPassword;

    await signIn(visitor.page, server.url, BUDI.username, newPassword);
    assert.equal(visitor.page.url(), `${server.url}/`);
    assert.equal(await text(visitor.page, '#navbar-user-name'), 'Budi Santoso');
    await visitor.context.close();
    assertNoProblems(admin.problems, { allowStatuses: [400, 409] });
  });

  test('the admin cannot change their own role or deactivate themselves', async () => {
    const { page } = admin;
    await openUsersPage();
    await page.click(`${row('admin')} [data-action="edit"]`);
    await page.waitForSelector('#user-edit-modal.show');
    assert.ok(await page.isDisabled('#edit-role'));
    assert.equal(await text(page, '#edit-role-hint'), 'Anda tidak dapat mengubah peran akun Anda sendiri.');
    await closeModal(page, 'user-edit-modal');
    assert.ok(await page.isDisabled(`${row('admin')} [data-action="deactivate"]`));
    assert.equal(await page.getAttribute(`${row('admin')} [data-action="deactivate"]`, 'title'),
      'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  });

  test('repeated failed sign-ins lock an account until the admin unlocks it', async () => {
    const visitor = await newPage(browser);
    let message = '';
    for (let attempt = 1; attempt <= 8 && !message.startsWith('Terlalu banyak'); attempt += 1) {
      await signIn(visitor.page, server.url, BUDI.username, `wrong-password-${attempt}`);
      message = await text(visitor.page, '#login-error');
    }
    assert.match(message, /^Terlalu banyak percobaan gagal\. Coba lagi dalam \d+ menit\.$/);
    // Locked: even the right password is refused.
    await signIn(visitor.page, server.url, BUDI.username, BUDI.password);
    assert.match(await text(visitor.page, '#login-error'), /^Terlalu banyak percobaan gagal/);

    const { page } = admin;
    await openUsersPage();
    const budi = row(BUDI.username);
    assert.match(await text(page, `${budi} .users-locked`), /^Terkunci hingga \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.click(`${budi} [data-action="unlock"]`);
    await page.waitForSelector(`${budi} .users-locked`, { state: 'detached' });
    assert.equal(await text(page, '#users-feedback .alert-success'), 'Kunci masuk budi.santoso telah dibuka.');
    assert.equal(await page.locator(`${budi} [data-action="unlock"]`).count(), 0);

    await signIn(visitor.page, server.url, BUDI.username, BUDI.password);
    assert.equal(visitor.page.url(), `${server.url}/`);
    await visitor.context.close();
    assertNoProblems(admin.problems, { allowStatuses: [400, 409] });
  });

  test('signing out of the admin session ends the file cleanly', async () => {
    await signOut(admin.page);
    assert.equal(admin.page.url(), `${server.url}/accounts/login/`);
    await admin.context.close();
  });
});
