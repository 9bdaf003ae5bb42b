// Debian's Chromium driven by playwright-core (installed in web/node_modules; it never
// downloads a browser), plus the steps most tests share.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A fresh context (own cookies) and page that records script errors, CSP violations and
// dialogs, so a test can assert none happened.
export async function newPage(browser, { locale = 'id-ID', timezoneId = 'Asia/Jakarta' } = {}) {
  const context = await browser.newContext({ locale, timezoneId, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.setDefaultTimeout(15_000);
  return { context, page, problems, dialogs };
}

// Signs in through the form and waits for the page the server sends us to.
export async function signIn(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/accounts/login/`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await Promise.all([
    page.waitForNavigation(),
    page.click('#login-submit'),
  ]);
}

export async function signOut(page) {
  await Promise.all([
    page.waitForNavigation(),
    page.click('#navbar-logout'),
  ]);
}
