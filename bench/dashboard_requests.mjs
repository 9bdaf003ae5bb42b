// bench/dashboard's measuring half: signs in to a running `smedash serve`, then for each
// dashboard API endpoint sends --requests requests with varied positions, groups, kanca and
// metrics, one at a time over a kept-alive connection, and times them. For every request it
// also writes the reference: the same figures computed by one SQL aggregate over loan_data
// (what the Django design did per page view), for the dates our answer says it compared.
// The reference queries run afterwards in ONE psql session with \timing, so both sides are
// timed without process start-up. Prints a table of p50/p99 and the ratios; writes
// OUT/os_body.json (one Dashboard OS answer) for the nginx ceiling measurement.
//
// Usage: node bench/dashboard_requests.mjs --url URL --user NAME --password PW
//          --psql-url CONNINFO --out DIR [--requests N]
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  dashboardPath, GROUP_SEGMENTS, GROUPS, kancaIds, METRICS, seededRandom, somePosition as anyPosition, SUMMARY_TABS,
} from './lib/dashboard_urls.mjs';
import { benchArgs, latencyColumns, latencyRow, signIn, timedGetter, timeInPsql } from './lib/requests.mjs';

const args = benchArgs('dashboard_requests', { requests: { type: 'string', default: '200' } });
const base = args.url.replace(/\/$/, '');
const requests = Number(args.requests);

const { random, pick } = seededRandom(20251009);

const sqlList = (items) => items.map((item) => `'${item}'`).join(', ');
const comparedDates = (columns) => Object.values(columns).filter(Boolean);

// Every row of the positions with its segment and effective kanca, as the Django design
// joined them on each page view.
function rowsOf(dates, extraWhere = '') {
  return `FROM loan_data l
  JOIN unit_hierarchy h ON h.kode_uker = l.kode_uker
  LEFT JOIN segment_map m ON m.code = l.code
  WHERE l.periode IN (${sqlList(dates)}) ${extraWhere}`;
}
const SUMS = `sum(l.os) AS os,
  sum(l.os) FILTER (WHERE l.kol_adk = 2) AS dpk,
  sum(l.os) FILTER (WHERE l.kol_adk >= 3) AS npl,
  sum(l.os) FILTER (WHERE l.kol_adk = 1 AND l.flag_restruk) AS lr,
  count(DISTINCT l.cif_no) FILTER (WHERE l.os > 0) AS nsb`;
const segmentOf = `coalesce(m.segment, 'SMALL NCC')`;

function osReference(answer, group) {
  const dates = comparedDates(answer.columns);
  if (dates.length === 0) return 'SELECT 1;';
  return `SELECT l.periode, h.kanca_key, l.kode_uker, ${SUMS}
  ${rowsOf(dates, `AND ${segmentOf} IN (${sqlList(GROUP_SEGMENTS[group])})`)}
  GROUP BY GROUPING SETS ((l.periode, h.kanca_key), (l.periode, l.kode_uker), (l.periode));`;
}

function summaryReference(answer, kanca) {
  const dates = comparedDates(answer.columns);
  if (dates.length === 0) return 'SELECT 1;';
  const scope = kanca === 'all' ? '' : `AND h.kode_kanca = '${kanca}'`;
  const perGroup = Object.entries(GROUP_SEGMENTS).map(([code, segments]) =>
    `count(DISTINCT l.cif_no) FILTER (WHERE l.os > 0 AND ${segmentOf} IN (${sqlList(segments)})) AS nsb_${code}`);
  return `SELECT l.periode, ${segmentOf} AS segment, ${SUMS}, ${perGroup.join(',\n  ')}
  ${rowsOf(dates, scope)}
  GROUP BY GROUPING SETS ((l.periode, ${segmentOf}), (l.periode));`;
}

function seriesReference(dates, group, kanca) {
  if (dates.length === 0) return 'SELECT 1;';
  const scope = kanca === 'all' ? '' : `AND h.kode_kanca = '${kanca}'`;
  return `SELECT l.periode, ${SUMS}
  ${rowsOf(dates, `AND ${segmentOf} IN (${sqlList(GROUP_SEGMENTS[group])}) ${scope}`)}
  GROUP BY l.periode;`;
}

async function main() {
  const cookie = await signIn(base, args.user, args.password);
  const get = timedGetter(base, cookie);

  const { json: listing } = await get(dashboardPath.positions());
  const positions = listing.positions; // newest first
  if (positions.length === 0) throw new Error('no positions loaded');
  const kancas = kancaIds(listing);
  // Favour recent positions, as users do, but reach back across the whole year.
  const somePosition = () => anyPosition({ random, pick }, positions);

  const endpoints = {
    positions: { ours: [], reference: [] },
    home: { ours: [], reference: [] },
    os: { ours: [], reference: [] },
    summary: { ours: [], reference: [] },
    daily: { ours: [], reference: [] },
  };
  const referenceSql = []; // [endpoint, sql]
  let osBody = '';
  for (let i = 0; i < requests; i += 1) {
    let answer = await get(dashboardPath.positions());
    endpoints.positions.ours.push(answer.ms);
    referenceSql.push(['positions', 'SELECT DISTINCT periode FROM loan_data ORDER BY 1 DESC;']);

    answer = await get(dashboardPath.home());
    endpoints.home.ours.push(answer.ms);
    const trend = answer.json.trend.map((p) => p.position);
    referenceSql.push(['home', seriesReference([...new Set([...trend, ...comparedDates(answer.json.columns)])], 'SME', 'all')]);

    const group = pick(GROUPS);
    const metric = pick(METRICS);
    const position = somePosition();
    answer = await get(dashboardPath.os({ group, metric, position }));
    endpoints.os.ours.push(answer.ms);
    referenceSql.push(['os', osReference(answer.json, group)]);
    if (!osBody) osBody = answer.body;

    const tab = pick(SUMMARY_TABS);
    const kanca = random(3) ? 'all' : pick(kancas);
    answer = await get(dashboardPath.summary({ tab, kanca, position: somePosition() }));
    endpoints.summary.ours.push(answer.ms);
    referenceSql.push(['summary', summaryReference(answer.json, kanca)]);

    const dailyKanca = random(2) ? 'all' : pick(kancas);
    const dailyGroup = pick(GROUPS);
    answer = await get(dashboardPath.daily({ view: 'daily', group: dailyGroup, kanca: dailyKanca }));
    endpoints.daily.ours.push(answer.ms);
    referenceSql.push(['daily', seriesReference(answer.json.points.map((p) => p.position), dailyGroup, dailyKanca)]);
  }
  writeFileSync(path.join(args.out, 'os_body.json'), osBody);

  const queryTimes = timeInPsql(args['psql-url'], path.join(args.out, 'reference.sql'),
    referenceSql.map(([, sql]) => sql));
  referenceSql.forEach(([endpoint], index) => endpoints[endpoint].reference.push(queryTimes[index]));

  const results = {};
  console.log(`\n${requests} requests per endpoint, ${positions.length} positions loaded`);
  console.log('endpoint      ours p50   ours p99    ref p50    ref p99   p50 ratio   p99 < 50 ms');
  for (const [name, { ours, reference }] of Object.entries(endpoints)) {
    const row = latencyRow(ours, reference);
    results[name] = row;
    console.log(`${name.padEnd(12)} ${latencyColumns(row)} ${row.ours_p99 < 50 ? 'met' : 'MISSED'}`);
  }
  writeFileSync(path.join(args.out, 'latency.json'), JSON.stringify(results, null, 2));
  const weakest = Math.min(...Object.values(results).map((r) => r.ratio));
  console.log(`targets: every endpoint p50 >= 50x faster than the reference: ` +
    `${weakest >= 50 ? 'met' : 'MISSED'} (weakest ${weakest.toFixed(1)}x); p99 < 50 ms: ` +
    `${Object.values(results).every((r) => r.ours_p99 < 50) ? 'met' : 'MISSED'}`);
  console.log(`COOKIE ${cookie}`);
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
