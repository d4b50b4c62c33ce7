// A real `serve` process (src/server/serve.ts under tsx, as `npm run serve` starts it), for the
// tests that need what only a process shows: two servers on one database, a server killed with
// SIGKILL and started again. Spawned with node itself (not npx), so a signal reaches the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

export interface ServerProcess {
  /** "http://127.0.0.1:<port>" */
  url: string;
  child: ChildProcess;
  /** What it printed, for a failing test's message. */
  output: () => string;
  /** Stops it (SIGTERM, a clean stop) and waits for it to exit. */
  stop: () => Promise<void>;
}

/** A built app to serve: serve.ts refuses to start without an index.html, and the API tests need no more. */
export function minimalDist(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tripwire</title>');
  return dir;
}

/** Starts serve.ts with `args` (and DATABASE_URL when given); resolves once it says where it listens. */
export function startServerProcess({ args, databaseUrl }: { args: string[]; databaseUrl?: string }): Promise<ServerProcess> {
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl };
  if (!databaseUrl) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server/serve.ts'), '--host', '127.0.0.1', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /Tripwire team server at (http:\/\/\S+)/.exec(output)?.[1];
      if (address) resolve({ url: address.replace('localhost', '127.0.0.1'), child, output: () => output, stop: () => (child.kill('SIGTERM'), exited) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened:\n${output}`)));
  });
}
