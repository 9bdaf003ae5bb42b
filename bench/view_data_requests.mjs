// bench/view-data's measuring half: signs in to a running `smedash serve` and times View
// data pages over HTTP (GET /api/v1/loan-data), page 1 and page 1,000, next to the same
// query paged with OFFSET in psql. Page 1,000 is reached once by following the API's
// cursors; its cursor is then asked for again and again. The reference queries run in ONE
// psql session with \timing, so neither side pays a process start-up. Prints p50/p99 and
// the ratios; writes OUT/view-data.json.
//
// Usage: node bench/view_data_requests.mjs --url URL --user NAME --password PW
//          --psql-url CONNINFO --out DIR [--requests N] [--ref-requests N]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  benchArgs, latencyColumns, latencyRow, percentile, signIn, timedGetter, timeInPsql,
} from './lib/requests.mjs';

const args = benchArgs('view_data_requests', {
  requests: { type: 'string', default: '50' },
  'ref-requests': { type: 'string', default: '10' },
});
const base = args.url.replace(/\/$/, '');
const requests = Number(args.requests);
const refRequests = Number(args['ref-requests']);
const PAGE_ROWS = 100;
const FAR_PAGE = 1000;

// What the API searches (src/data_management/view_data_query.cpp): identifiers from their
// start as typed or in capitals, the name anywhere ignoring case.
const IDENTIFIERS = ['nomor_rekening', 'cif_no', 'pn_pengelola_singlepn', 'pn_pengelola_1',
  'pn_pemrakarsa', 'pn_referral', 'pn_restruk', 'pn_pengelola_2', 'pn_pemutus', 'pn_crm',
  'pn_rm_referral_naik_segmentasi', 'pn_rm_crr', 'pn_rm'];
const literal = (text) => `'${text.replaceAll("'", "''")}'`;
const escapeLike = (text) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
function searchWhere(term) {
  const typed = `${escapeLike(term)}%`;
  const upper = typed.toUpperCase();
  const prefix = upper === typed ? literal(typed) : `ANY(ARRAY[${literal(typed)}, ${literal(upper)}])`;
  return `(${IDENTIFIERS.map((column) => `l.${column} LIKE ${prefix}`).join(' OR ')} ` +
    `OR l.nama_debitur ILIKE ${literal(`%${escapeLike(term)}%`)})`;
}

function psql(sql) {
  const result = spawnSync('psql', [args['psql-url'], '-XAtq', '-c', sql], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout.trim();
}

async function main() {
  const cookie = await signIn(base, args.user, args.password);
  const get = timedGetter(base, cookie);

  // The staff number with the most rows at the latest position: a search a manager makes,
  // with enough rows over every position for 1,000 pages.
  const term = psql(`SELECT pn_rm FROM loan_data WHERE periode = (SELECT max(periode) FROM agg_position)
    AND pn_rm IS NOT NULL GROUP BY pn_rm ORDER BY count(*) DESC, pn_rm LIMIT 1`);
  const matches = Number(psql(`SELECT count(*) FROM loan_data l WHERE ${searchWhere(term)}`));
  if (matches < FAR_PAGE * PAGE_ROWS) throw new Error(`search ${term} finds ${matches} rows, too few for ${FAR_PAGE} pages`);
  const rare = psql('SELECT nomor_rekening FROM loan_data WHERE periode = (SELECT max(periode) FROM agg_position) ORDER BY nomor_rekening LIMIT 1');

  const order = 'ORDER BY l.periode DESC, l.nomor_rekening DESC';
  const paged = [
    { name: 'unfiltered', query: 'position=all', where: 'true' },
    { name: `search "${term}"`, query: `position=all&q=${encodeURIComponent(term)}`, where: searchWhere(term) },
  ];
  const results = { term, matches, cases: {} };
  const referenceSql = []; // [case key, sql]
  const lines = [];

  for (const item of paged) {
    // Page 1,000: reached once through the cursors, as an admin clicking "next" would.
    let page = await get(`/api/v1/loan-data?${item.query}`);
    const walkStart = process.hrtime.bigint();
    let farCursor = null;
    for (let number = 2; number <= FAR_PAGE; number += 1) {
      if (!page.json.next) throw new Error(`${item.name}: no page ${number}`);
      farCursor = page.json.next;
      page = await get(`/api/v1/loan-data?${item.query}&after=${farCursor}`);
    }
    const walkMs = Number(process.hrtime.bigint() - walkStart) / 1e6;
    const first = [];
    const far = [];
    for (let i = 0; i < requests; i += 1) {
      first.push((await get(`/api/v1/loan-data?${item.query}`)).ms);
      far.push((await get(`/api/v1/loan-data?${item.query}&after=${farCursor}`)).ms);
    }
    const counts = [];
    for (let i = 0; i < 3; i += 1) counts.push((await get(`/api/v1/loan-data/count?${item.query}`)).ms);
    results.cases[`${item.name} page 1`] = { ours: first };
    results.cases[`${item.name} page ${FAR_PAGE}`] = { ours: far };
    lines.push(`${item.name}: walked pages 2..${FAR_PAGE} in ${(walkMs / 1000).toFixed(1)} s ` +
      `(${(walkMs / (FAR_PAGE - 1)).toFixed(1)} ms a page); count p50 ${percentile(counts, 50).toFixed(1)} ms`);
    const sql = (offset) => `SELECT l.* FROM loan_data l WHERE ${item.where} ${order} LIMIT ${PAGE_ROWS} OFFSET ${offset};`;
    referenceSql.push([`${item.name} page 1`, sql(0)]);
    referenceSql.push([`${item.name} page ${FAR_PAGE}`, sql((FAR_PAGE - 1) * PAGE_ROWS)]);
  }

  // For scale: cases without a reference, a few requests each.
  const extra = [
    [`search "${term}" in the latest position, page 1`, `q=${encodeURIComponent(term)}`],
    [`rare search (one account) over every position, page 1`, `position=all&q=${rare}`],
    ['sort by OS over every position, page 1', 'position=all&sort=os&dir=desc'],
    ['sort by OS in the latest position, page 1', 'sort=os&dir=desc'],
    ['count over every position, no search', 'position=all'],
  ];
  const extraLines = [];
  for (const [label, query] of extra) {
    const pathPrefix = label.startsWith('count') ? '/api/v1/loan-data/count?' : '/api/v1/loan-data?';
    const times = [];
    for (let i = 0; i < 5; i += 1) times.push((await get(`${pathPrefix}${query}`)).ms);
    extraLines.push(`  ${label.padEnd(58)} p50 ${percentile(times, 50).toFixed(1).padStart(8)} ms  max ${Math.max(...times).toFixed(1).padStart(8)} ms`);
  }

  // The reference, in one psql session; each query once unmeasured first (cache, plan).
  const queries = referenceSql.flatMap(([, sql]) => Array(refRequests + 1).fill(sql));
  const times = timeInPsql(args['psql-url'], path.join(args.out, 'view-data-reference.sql'), queries);
  referenceSql.forEach(([key], index) => {
    results.cases[key].reference = times.slice(index * (refRequests + 1) + 1, (index + 1) * (refRequests + 1));
  });

  console.log(`\nView data, ${requests} requests per case (reference: ${refRequests} OFFSET queries in psql)`);
  console.log(`search term ${term}: ${matches} matching rows over every position`);
  console.log('case                               ours p50   ours p99    ref p50    ref p99   ratio p50');
  const summary = {};
  for (const [key, { ours, reference }] of Object.entries(results.cases)) {
    const row = latencyRow(ours, reference);
    summary[key] = row;
    console.log(`${key.padEnd(32)} ${latencyColumns(row)}`);
  }
  for (const item of paged) {
    const near = summary[`${item.name} page 1`];
    const far = summary[`${item.name} page ${FAR_PAGE}`];
    console.log(`${item.name}: page ${FAR_PAGE} / page 1, p50: ours ${(far.ours_p50 / near.ours_p50).toFixed(2)}x, ` +
      `OFFSET ${(far.ref_p50 / near.ref_p50).toFixed(2)}x`);
  }
  for (const line of lines) console.log(line);
  console.log('more cases (ours only, 5 requests each):');
  for (const line of extraLines) console.log(line);
  writeFileSync(path.join(args.out, 'view-data.json'), JSON.stringify({ term, matches, summary }, null, 2));
  console.log(`COOKIE ${cookie}`);
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
