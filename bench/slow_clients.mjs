// bench/slow_clients.mjs: the measuring half of bench/slow-clients (read that first).
import http from 'node:http';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { percentile, signIn } from './lib/requests.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    connections: { type: 'string', default: '1000' },
    requests: { type: 'string', default: '200' },
  },
});
const base = new URL(args.url);
const crowdSize = Number(args.connections);
const requestCount = Number(args.requests);
const cookie = await signIn(args.url, args.user, args.password);

// One request on a connection of its own (no keep-alive: a new client each time).
function timedRequest(path, { method = 'GET', headers = {}, body = null } = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const request = http.request({
      host: base.hostname, port: base.port, path, method, agent: false,
      headers: { Cookie: cookie, Connection: 'close', ...headers },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function normalClient() {
  const times = [];
  for (let i = 0; i < requestCount; i++) {
    const path = i % 2 === 0 ? '/api/v1/dashboard/os?group=SME&metric=os' : '/healthz';
    const { status, ms } = await timedRequest(path);
    if (status !== 200) throw new Error(`${path}: ${status}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) };
}

// Half idle (connected, silent), half trickling "X-Slow-N: 1" lines every 2 s.
async function openCrowd(size) {
  const sockets = [];
  const timers = [];
  for (let i = 0; i < size; i++) {
    const socket = net.connect({ host: base.hostname, port: Number(base.port) });
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve).once('error', resolve));
    if (i % 2 === 1) {
      socket.write(`GET /healthz HTTP/1.1\r\nHost: ${base.host}\r\n`);
      let line = 0;
      timers.push(setInterval(() => socket.write(`X-Slow-${line++}: 1\r\n`), 2000));
    }
    sockets.push(socket);
  }
  return () => {
    timers.forEach(clearInterval);
    sockets.forEach((socket) => socket.destroy());
    return sockets.filter((socket) => !socket.destroyed).length;
  };
}

const row = (name, r) => `${name.padEnd(34)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)}`;
console.log(`${'normal client, ms'.padEnd(34)} ${'p50'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}`);
const alone = await normalClient();
console.log(row('alone', alone));
const closeCrowd = await openCrowd(crowdSize);
const crowded = await normalClient();
console.log(row(`with ${crowdSize} idle/slow connections`, crowded));
closeCrowd();
console.log(`ratio (crowded / alone): p50 ${(crowded.p50 / alone.p50).toFixed(2)}x, p99 ${(crowded.p99 / alone.p99).toFixed(2)}x`);

const limits = [
  ['20 KiB header → 431', 431, timedRequest('/healthz', { headers: { 'X-Big': 'a'.repeat(20 * 1024) } })],
  ['2 MiB JSON body → 413', 413, timedRequest('/api/v1/me/password', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(2 << 20) },
    body: 'x'.repeat(2 << 20),
  }).catch(() => ({ status: 'reset', ms: NaN }))],
];
let failed = crowded.max >= 1000;
for (const [name, expected, pending] of limits) {
  const { status, ms } = await pending;
  console.log(`${name.padEnd(34)} got ${status} in ${Number.isNaN(ms) ? '?' : ms.toFixed(1)} ms`);
  if (status !== expected) failed = true;
}
console.log(failed ? 'FAIL' : 'PASS: every normal request served within 1 s under the crowd; limits hold');
process.exit(failed ? 1 : 0);
