// A real PostgreSQL for the server's tests: a new cluster in a temporary folder, on a free port of
// 127.0.0.1, made with Debian's server binaries (scripts/ensure-postgres.mjs installs them). Nothing
// is shared with Debian's own cluster or with another test run. Durability is off (fsync,
// full_page_writes, synchronous_commit): the data lives for one test run.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const ROOT = '/usr/lib/postgresql';
const TOOLS = ['initdb', 'pg_ctl', 'postgres'];
const USER = 'tripwire';
const DATABASE = 'tripwire';
const START_TIMEOUT_MS = 30_000;

export interface ThrowawayPostgres {
  /** postgresql://tripwire@127.0.0.1:<port>/tripwire (trust authentication: no password). */
  url: string;
  /** What `select version()` says, e.g. "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, …". */
  version: string;
  /** Stops the server at once (pg_ctl stop -m immediate) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** The bin folder of the highest PostgreSQL version under /usr/lib/postgresql with every tool (as scripts/ensure-postgres.mjs looks). */
export function findPostgresBin(): string {
  let versions: string[] = [];
  try {
    versions = readdirSync(ROOT);
  } catch {
    // no PostgreSQL at all: said below
  }
  const bin = versions
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => `${ROOT}/${version}/bin`)
    .find((folder) => TOOLS.every((tool) => existsSync(`${folder}/${tool}`)));
  if (!bin) throw new Error(`PostgreSQL's server binaries (${TOOLS.join(', ')}) are not under ${ROOT}/<version>/bin: run "node scripts/ensure-postgres.mjs" (it installs Debian's postgresql package, or says what to run).`);
  return bin;
}

/** Who runs initdb and postgres: this process's user, or Debian's `postgres` system user when this process is root (postgres refuses root). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined)
    throw new Error('Running as root, the throwaway PostgreSQL runs as the "postgres" system user, and there is none: run "node scripts/ensure-postgres.mjs" (Debian\'s postgresql package creates it).');
  return { uid: Number(uid), gid: Number(gid) };
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Runs a tool to its end as `user`; rejects with its output when it fails. */
const run = (command: string, args: string[], user: { uid: number; gid: number } | undefined, cwd: string): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, LC_ALL: 'C.UTF-8' }, ...user }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const readLog = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Starts postgres on `data`: TCP on 127.0.0.1:`port` only, its Unix socket in `dir`, durability off. */
function startServer(bin: string, dir: string, data: string, port: number, user: { uid: number; gid: number } | undefined, log: string): ChildProcess {
  const logFd = openSync(log, 'a');
  const args = ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'];
  // The server logs to a file, not a pipe: it keeps going if this process dies without stop().
  const child = spawn(`${bin}/postgres`, args, { cwd: dir, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_ALL: 'C.UTF-8' }, ...user });
  closeSync(logFd);
  return child;
}

/** Waits until the server takes connections as `tripwire`; throws with its log if it exits or never does. */
async function waitUntilReady(port: number, child: ChildProcess, log: string): Promise<void> {
  let exited: string | undefined;
  const onExit = (code: number | null, signal: string | null) => (exited = `exited (${signal ?? `code ${code}`})`);
  child.once('exit', onExit);
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (let attempt = 0; ; attempt += 1) {
      if (exited) throw new Error(`The throwaway PostgreSQL ${exited} while starting:\n${readLog(log)}`);
      const client = new pg.Client({ host: '127.0.0.1', port, user: USER, database: 'postgres', connectionTimeoutMillis: 2_000 });
      try {
        await client.connect();
        await client.query('select 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`The throwaway PostgreSQL did not take connections in ${START_TIMEOUT_MS / 1000} s (${(error as Error).message}):\n${readLog(log)}`, { cause: error });
      } finally {
        await client.end().catch(() => undefined);
      }
      await delay(attempt < 20 ? 25 : 100);
    }
  } finally {
    child.off('exit', onExit);
  }
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Starts a new PostgreSQL cluster for this test run and makes the database `tripwire` in it. Throws
 * (never skips) when PostgreSQL is missing. Call stop() when done; a process that exits without it
 * still stops the server and removes the folder.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  const user = serverUser();
  // A short path: the Unix socket lives here too, and socket paths are limited to ~107 bytes.
  const dir = mkdtempSync(join(tmpdir(), 'tripwire-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  let child: ChildProcess | undefined;
  let stopped = false;

  // If the process exits without stop(): an immediate shutdown (what pg_ctl -m immediate sends) and no folder left.
  const onProcessExit = () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onProcessExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onProcessExit);
    const server = child;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      try {
        await run(`${bin}/pg_ctl`, ['stop', '-D', data, '-m', 'immediate', '-w', '-t', '10'], user, dir);
      } catch {
        server.kill('SIGQUIT');
      }
      const killed = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
      if (!killed) {
        server.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (user) chownSync(dir, user.uid, user.gid);
    await run(`${bin}/initdb`, ['-D', data, '-U', USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], user, dir);
    // The port is free when picked, but another process may take it before postgres binds it: try another.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const logBefore = readLog(log).length;
      child = startServer(bin, dir, data, port, user, log);
      try {
        await waitUntilReady(port, child, log);
      } catch (error) {
        // Only a server that exited because its port was taken is tried again.
        const portTaken = child.exitCode !== null && /Address already in use/i.test(readLog(log).slice(logBefore));
        if (!portTaken || attempt >= 3) throw error;
        continue;
      }
      const client = new pg.Client({ host: '127.0.0.1', port, user: USER, database: 'postgres' });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: string }>('select version() as version');
        await client.query(`create database ${quoteIdentifier(DATABASE)}`);
        return { url: `postgresql://${USER}@127.0.0.1:${port}/${DATABASE}`, version: rows[0]!.version, stop };
      } finally {
        await client.end();
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Makes another empty database on the cluster at `url` (one per test file or worker, say) and
 * gives its URL. `name` is a plain identifier: letters, digits and underscores.
 */
export async function freshDatabase(url: string, name: string): Promise<string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error(`freshDatabase: "${name}" is not a plain database name (letters, digits, _; at most 63).`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${quoteIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}
