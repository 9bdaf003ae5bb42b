// Starts the real `smedash serve` for one test file: a fresh data directory (the server
// starts its private PostgreSQL there), an ephemeral port, and the first admin's password
// from SMEDASH_ADMIN_PASSWORD. Resolves once the server prints
// "smedash: serving http://127.0.0.1:PORT". For crash tests: kill() is a kill -9, and
// startServer({ dataDir }) starts again on the data a killed server left.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const ADMIN_USERNAME = process.env.SMEDASH_ADMIN_USERNAME || 'admin';

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

export function serverBinary() {
  return process.env.SMEDASH_BIN || path.join(repoRoot, 'build', 'smedash');
}

export function serverAvailable() {
  return existsSync(serverBinary());
}

// Where the private cluster of `dataDir` listens (postmaster.pid: line 4 the port, line 5
// the socket folder) and as whom to connect: its superuser is the OS user it runs as,
// postgres when smedash runs as root. Local connections are trusted, as smedash's own are.
export async function clusterConnection(dataDir) {
  const pid = (await readFile(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8')).split('\n');
  const user = process.getuid() === 0 ? 'postgres' : os.userInfo().username;
  return { host: pid[4].trim(), port: pid[3].trim(), user };
}

// pg_ctl on the private cluster of `dataDir`, as the OS user that owns it (postgres when
// smedash runs as root).
export async function pgCtl(dataDir, args, { timeout = STOP_TIMEOUT_MS } = {}) {
  const command = ['/usr/lib/postgresql/15/bin/pg_ctl', '-D', path.join(dataDir, 'pgdata'), ...args];
  const [file, argv] = process.getuid() === 0
    ? ['runuser', ['-u', 'postgres', '--', ...command]] : [command[0], command.slice(1)];
  await promisify(execFile)(file, argv, { timeout });
}

// Removes a data folder, first stopping the private PostgreSQL a killed server left
// running in it (the last smedash to leave stops it; a killed one never does).
export async function discardDataDir(dataDir) {
  if (existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))) {
    await pgCtl(dataDir, ['-m', 'immediate', '-w', 'stop']).catch(() => {});
  }
  await rm(dataDir, { recursive: true, force: true });
}

// `dataDir`: start on that existing folder (after a kill) and leave it there on stop;
// without, a fresh folder that stop() removes.
export async function startServer({ adminPassword, env = {}, dataDir: existing } = {}) {
  const dataDir = existing ?? await mkdtemp(path.join(os.tmpdir(), 'smedash-e2e-'));
  // mkdtemp makes the folder 0700. Run as root, smedash hands the cluster to the postgres
  // system user, which must be able to pass through it (x only, no listing).
  if (!existing) await chmod(dataDir, 0o711);
  const removeDataDir = () => (existing ? undefined : rm(dataDir, { recursive: true, force: true }));
  const binary = serverBinary();
  // Always the private cluster: a DATABASE_URL from the environment would make every
  // test file share one database.
  const childEnv = { ...process.env, SMEDASH_ADMIN_PASSWORD: adminPassword ?? '', ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(binary, ['serve', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  // Keep the server's output for failure reports, without flooding passing runs.
  const log = [];
  const remember = (chunk) => {
    log.push(chunk.toString());
    if (log.length > 400) log.shift();
  };
  child.stderr.on('data', remember);

  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const url = await new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      reject(new Error(`smedash did not print "serving" within ${START_TIMEOUT_MS} ms\n${log.join('')}`));
    }, START_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${binary}: ${error.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`smedash exited early (code ${code}, signal ${signal})\n${log.join('')}`));
    });
    child.stdout.on('data', (chunk) => {
      remember(chunk);
      buffered += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
  }).catch(async (error) => {
    child.kill('SIGKILL');
    await exited;
    await removeDataDir();
    throw error;
  });

  let stopped = null;
  async function stop() {
    if (stopped) return stopped;
    stopped = (async () => {
      const crashed = child.exitCode !== null || child.signalCode !== null;
      if (crashed) {
        await removeDataDir();
        throw new Error(`smedash exited during the tests (code ${child.exitCode}, signal ${child.signalCode})\n${log.join('')}`);
      }
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      const { code, signal } = await exited;
      clearTimeout(timer);
      await removeDataDir();
      if (code !== 0 && signal !== 'SIGTERM') {
        throw new Error(`smedash did not stop cleanly on SIGTERM (code ${code}, signal ${signal})\n${log.join('')}`);
      }
    })();
    return stopped;
  }

  // kill -9: no clean-up of any kind runs; the data folder and the private PostgreSQL
  // stay for a restart. stop() does nothing afterwards.
  async function kill() {
    if (!stopped) {
      stopped = exited;
      child.kill('SIGKILL');
    }
    await stopped;
  }

  return { url, stop, kill, dataDir, output: () => log.join('') };
}
