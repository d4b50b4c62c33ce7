// Where the embedded database keeps its data (./data by default), and the lock that lets one
// process at a time open it: PGlite is PostgreSQL in this process, with no server to share it, so
// a second `serve` must refuse and `users` must go through the running server instead.
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

export const DEFAULT_DATA_DIR = 'data';

export const dataPaths = (dataDir: string) => {
  const root = resolve(dataDir);
  return { root, database: join(root, 'pglite'), lock: join(root, 'tripwire.lock'), holder: join(root, 'tripwire.lock.holder'), adminSocket: join(root, 'admin.sock') };
};

export type LockHolder = 'serve' | 'users';

/** Which kind of process holds the data directory's lock (a `users` command lets go in seconds; a server does not). */
export function lockHolder(dataDir: string): LockHolder | null {
  try {
    return (JSON.parse(readFileSync(dataPaths(dataDir).holder, 'utf8')) as { holder: LockHolder }).holder;
  } catch {
    return null;
  }
}

/** Whether a process of this id runs on this machine (EPERM: it runs, as someone else). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * A lock whose holder has died (`kill -9`, a power cut) is let go at once rather than after the
 * minute it takes to go stale: the holder file names the process, and a process of that id no
 * longer runs. Removed only if the lock is still the one that holder took (the holder file is
 * written right after the lock is taken, and is no older than it).
 */
function removeLockOfDeadHolder(paths: ReturnType<typeof dataPaths>): boolean {
  try {
    const { pid } = JSON.parse(readFileSync(paths.holder, 'utf8')) as { pid?: unknown };
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) return false;
    if (statSync(paths.holder).mtimeMs + 1_000 < statSync(paths.lock).birthtimeMs) return false; // a newer lock than the holder file
    rmSync(paths.lock, { recursive: true, force: true });
    rmSync(paths.holder, { force: true });
    return true;
  } catch {
    return false; // no holder file, or no lock any more: nothing to remove
  }
}

/** Takes the data directory's lock for a `holder`; null when another process holds it. Resolves with the way to let go. */
export async function lockDataDir(dataDir: string, holder: LockHolder, retried = false): Promise<(() => Promise<void>) | null> {
  const paths = dataPaths(dataDir);
  mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  chmodSync(paths.root, 0o700); // the admin socket inside is guarded by this directory too
  try {
    // proper-lockfile keeps the lock fresh while this process lives; a lock left by a crash goes
    // stale after a minute. Not less: PGlite's start blocks this process's event loop for seconds
    // on a busy machine, and the lock must not look abandoned meanwhile.
    const release = await lockfile.lock(paths.root, {
      lockfilePath: paths.lock,
      stale: 60_000,
      update: 10_000,
      realpath: false,
      // The lock was taken from under us (the directory removed, a clock jump): stop before two processes write the same data.
      onCompromised: (error) => {
        console.error(`The lock on ${paths.root} was lost (${error.message}); stopping so that no other process writes the same data.`);
        process.exit(1);
      },
    });
    writeFileSync(paths.holder, JSON.stringify({ holder, pid: process.pid }));
    return async () => {
      rmSync(paths.holder, { force: true });
      await release();
    };
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    return !retried && removeLockOfDeadHolder(paths) ? lockDataDir(dataDir, holder, true) : null;
  }
}
