// bench/lib/dashboard_load.mjs: many signed-in users of role `user` looping over the
// dashboard API at once, their requests timed and their failures counted, for
// bench/dashboard-under-upload and its short version in tests/e2e.
import {
  DAILY_VIEWS, dashboardPath, GROUPS, kancaIds, METRICS, seededRandom, somePosition, SUMMARY_TABS,
} from './dashboard_urls.mjs';
import { percentile, signInSession, timedGetter } from './requests.mjs';

export const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Runs `task(item, index)` over `items`, `width` at a time; the results in order.
export async function eachLimited(items, width, task) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  }));
  return results;
}

// The answer's JSON when its status is one of `statuses`; else throws naming `what`.
export function expectStatus(answer, statuses, what) {
  if (!statuses.includes(answer.status)) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

// The cookies of `count` users load-001..., signed in with `password`, through `admin` (an
// apiCaller of an admin). Missing users are made; existing ones are reset (password,
// active, unlocked) unless `trusted`, the password they were made with, signs the first
// one in (one try only: failed sign-ins count towards the address's lock). Four at a time:
// each hashes a password, and the server's workers serve the dashboards too.
export async function signInUsers(base, admin, count, password, { trusted = false } = {}) {
  const { users: existing } = expectStatus(await admin('GET', '/api/v1/users'), [200], 'listing users');
  const byName = new Map(existing.map((user) => [user.username, user]));
  const names = Array.from({ length: count }, (_, i) => `load-${String(i + 1).padStart(3, '0')}`);
  const first = trusted && byName.has(names[0])
    ? await signInSession(base, names[0], password).catch(() => null) : null;
  await eachLimited(names, 4, async (username) => {
    const known = byName.get(username);
    if (!known) {
      expectStatus(await admin('POST', '/api/v1/users', {
        username, password, role: 'user', first_name: 'Load', last_name: username,
      }), [201], `creating ${username}`);
    } else if (!first) {
      expectStatus(await admin('PATCH', `/api/v1/users/${known.id}`, { password, is_active: true, unlock: true }),
        [200], `resetting ${username}`);
    }
  });
  return eachLimited(names, 4, async (username, index) =>
    (index === 0 && first ? first : await signInSession(base, username, password)).cookie);
}

// A user's next request, as [endpoint, path]: the page they open, with the filters they
// pick. `listing`: an answer of /api/v1/positions.
function nextRequest(rng, listing) {
  const { positions } = listing;
  const kanca = () => (rng.random(3) ? 'all' : rng.pick(kancaIds(listing)));
  switch (rng.random(6)) {
    case 0: return ['positions', dashboardPath.positions()];
    case 1: return ['home', dashboardPath.home()];
    case 2: return ['os', dashboardPath.os({ group: rng.pick(GROUPS), metric: rng.pick(METRICS), position: somePosition(rng, positions) })];
    case 3: return ['summary', dashboardPath.summary({ tab: rng.pick(SUMMARY_TABS), kanca: kanca(), position: somePosition(rng, positions) })];
    default: return ['daily', dashboardPath.daily({ view: rng.pick(DAILY_VIEWS), group: rng.pick(GROUPS), kanca: kanca() })];
  }
}

// Every user (one per cookie) loops until `done()`, `thinkMs` between requests; each
// request's time goes to the stage `stageOf()` names when it starts. A failure (any
// non-2xx or network error) is counted and the loop goes on. → Map stage → { times,
// errors, firstErrors, byEndpoint: { endpoint: times }, from, to }.
export async function runUsers(base, cookies, listing, { done, stageOf = () => 'all', thinkMs = 0 }) {
  const stages = new Map();
  const stage = (name) => {
    if (!stages.has(name)) {
      stages.set(name, { times: [], errors: 0, firstErrors: [], byEndpoint: {}, from: Date.now(), to: Date.now() });
    }
    return stages.get(name);
  };
  await Promise.all(cookies.map(async (cookie, index) => {
    const get = timedGetter(base, cookie, { parse: false });
    const rng = seededRandom(20251010 + index);
    while (!done()) {
      const [endpoint, pathAndQuery] = nextRequest(rng, listing);
      const into = stage(stageOf());
      try {
        const { ms } = await get(pathAndQuery);
        into.times.push(ms);
        (into.byEndpoint[endpoint] ||= []).push(ms);
      } catch (error) {
        into.errors += 1;
        if (into.firstErrors.length < 5) into.firstErrors.push(String(error.cause || error.message).slice(0, 200));
      }
      into.to = Date.now();
      if (thinkMs) await sleep(thinkMs);
    }
  }));
  return stages;
}

// Requests, errors, requests/s and latencies (ms) of one or more stages of runUsers.
export function loadFigures(...stages) {
  const times = stages.flatMap((s) => s.times);
  const errors = stages.reduce((sum, s) => sum + s.errors, 0);
  const seconds = (Math.max(...stages.map((s) => s.to)) - Math.min(...stages.map((s) => s.from))) / 1000;
  return {
    requests: times.length + errors,
    errors,
    rate: (times.length + errors) / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.reduce((a, b) => Math.max(a, b), -Infinity),
  };
}
