// Shared steps and expectations for the browser tests: the admin's credentials, JSON API
// calls for test set-up, reading the sidebar, and the "nothing went wrong" check.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';

import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

export const ADMIN_PASSWORD = 'Admin-Sandi-2025!';

// One server (with its private PostgreSQL) and one browser for a test file's suite,
// started before its tests and stopped after them. Use inside describe().
export function useServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer({ adminPassword: ADMIN_PASSWORD });
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// Signs `request` (a Playwright APIRequestContext, e.g. page.request, sharing the page's
// cookies) in through the JSON API and returns a caller that sends the CSRF header.
export async function apiSession(request, baseUrl, username, password) {
  const response = await request.post(`${baseUrl}/api/v1/session`, {
    data: { username, password },
    headers: { Origin: baseUrl },
  });
  assert.equal(response.status(), 200, await response.text());
  const { csrf_token: csrf } = await response.json();
  assert.ok(csrf, 'the session answer carries a csrf_token');
  return async (method, path, data) => {
    const answer = await request.fetch(`${baseUrl}${path}`, {
      method,
      data,
      headers: { 'X-CSRF-Token': csrf, Origin: baseUrl },
    });
    const type = answer.headers()['content-type'] || '';
    return { status: answer.status(), body: type.includes('json') ? await answer.json() : null };
  };
}

// Creates a user through POST /api/v1/users and checks the 201.
export async function createUser(call, user) {
  const { status, body } = await call('POST', '/api/v1/users', user);
  assert.equal(status, 201, JSON.stringify(body));
  assert.equal(body.user.username, user.username);
  return body.user;
}

// The sidebar as [{ heading, links: [{ text, href, active }] }].
export async function readSidebar(page) {
  return page.$$eval('#app-sidebar .sidebar-nav > *', (nodes) => {
    const sections = [];
    for (const node of nodes) {
      if (node.classList.contains('sidebar-heading')) {
        sections.push({ heading: node.textContent.trim(), links: [] });
      } else if (node.tagName === 'UL' && sections.length) {
        for (const link of node.querySelectorAll('a.nav-link')) {
          sections.at(-1).links.push({
            text: link.textContent.trim(),
            href: link.getAttribute('href'),
            active: link.classList.contains('active'),
          });
        }
      }
    }
    return sections;
  });
}

export async function text(page, selector) {
  return (await page.textContent(selector)).replace(/\s+/g, ' ').trim();
}

// No script error, CSP violation or failed asset load happened on the page. `allowStatuses`
// lists HTTP statuses the test provoked on purpose (Chromium logs those as console errors).
export function assertNoProblems(problems, { allowStatuses = [] } = {}) {
  const unexpected = problems.filter((problem) => {
    const match = /status of (\d{3})/.exec(problem);
    return !(match && allowStatuses.includes(Number(match[1])));
  });
  assert.deepEqual(unexpected, []);
}
