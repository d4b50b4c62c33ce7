// `npm run users` as a person runs it: a child process on a data directory of its own, first with
// no server (it opens the embedded database itself), then beside a running `serve` that holds the
// directory's lock (it goes through the server's admin socket, and the server sees the change at
// once). Refusals exit 1 with a sentence saying why. Processes start with `node --import tsx`, which
// is what `npx tsx` runs, without npx's own start-up.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const PASSWORD = 'a long enough password';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a person's shell: no PostgreSQL, no data directory but the one given. */
function environment(extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.TRIPWIRE_DATA;
  if (!('TRIPWIRE_PASSWORD' in extra)) delete env.TRIPWIRE_PASSWORD;
  return env;
}

function tsx(script: string, args: string[], { env = {}, stdin }: { env?: Record<string, string>; stdin?: string } = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/server', script), ...args], { cwd: ROOT, env: environment(env), stdio: ['pipe', 'pipe', 'pipe'] });
  if (stdin === undefined) child.stdin!.end();
  else child.stdin!.end(stdin);
  return child;
}

function finished(child: ChildProcess): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run users', () => {
  let dir: string;
  let data: string;
  let dist: string;
  let server: ChildProcess | null = null;
  let serverExit: Promise<Ran> | null = null;
  let origin = '';

  const users = (args: string[], options: { password?: string; stdin?: string } = {}) =>
    finished(tsx('users-cli.ts', [...args, '--data', data], { env: options.password === undefined ? {} : { TRIPWIRE_PASSWORD: options.password }, stdin: options.stdin }));

  const signIn = (username: string, password: string) =>
    fetch(`${origin}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tripwire-users-'));
    data = join(dir, 'data');
    dist = join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tripwire</title>');
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await serverExit;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no server running: opens the database itself, one command after another', async () => {
    // Two at once: the second waits for the first to let go of the directory (seconds), then opens it itself.
    const [usage, added, other] = await Promise.all([
      users([]),
      users(['add', 'root', '--role', 'admin'], { password: PASSWORD }),
      users(['add', 'bea', '--role', 'member'], { password: PASSWORD }),
    ]);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/^Usage: npm run users -- add <name> --role admin\|member/);
    expect(added).toEqual({ code: 0, stdout: 'Added root (admin).\n', stderr: '' });
    expect(other).toEqual({ code: 0, stdout: 'Added bea (member).\n', stderr: '' });
    expect(statSync(data).mode & 0o777).toBe(0o700);
  }, 120_000);

  it('with the server running: goes through its admin socket, and the server sees each change at once', async () => {
    server = tsx('serve.ts', ['--data', data, '--port', '0', '--dist', dist]);
    serverExit = finished(server);
    origin = await new Promise<string>((resolve, reject) => {
      let seen = '';
      server!.stdout!.on('data', (chunk: string) => {
        seen += chunk;
        const match = /Tripwire team server at http:\/\/localhost:(\d+)/.exec(seen);
        if (match) resolve(`http://127.0.0.1:${match[1]}`);
      });
      void serverExit!.then((ran) => reject(new Error(`serve exited ${ran.code}: ${ran.stderr}`)));
    });
    const socket = statSync(join(data, 'admin.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);

    const [second, added, lastAdmin] = await Promise.all([
      // A second server on the same data directory refuses, saying why.
      finished(tsx('serve.ts', ['--data', data, '--port', '0', '--dist', dist])),
      // The password from standard input, as typed or piped.
      users(['add', 'ann', '--role', 'member'], { stdin: `${PASSWORD}\n` }),
      users(['remove', 'root']),
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/Another Tripwire server is using .*data \(its lock is held\)/);
    expect(added).toEqual({ code: 0, stdout: 'Added ann (member).\n', stderr: '' });
    expect([lastAdmin.code, lastAdmin.stdout, lastAdmin.stderr]).toEqual([1, '', '“root” is the last admin\n']);

    const annSession = await signIn('ann', PASSWORD);
    expect(annSession.status).toBe(200);
    const cookie = annSession.headers.get('set-cookie')!.split(';')[0]!;
    const session = () => fetch(`${origin}/api/session`, { headers: { cookie } }).then((r) => r.status);
    expect(await session()).toBe(200);

    const [badName, shortPassword, taken, list, role, reset] = await Promise.all([
      users(['add', 'Ann Smith', '--role', 'member'], { password: PASSWORD }),
      users(['add', 'bob', '--role', 'member'], { password: 'short' }),
      users(['add', 'ann', '--role', 'admin'], { password: PASSWORD }),
      users(['list']),
      users(['set-role', 'ann', 'admin']),
      users(['reset-password', 'ann'], { password: 'another long password' }),
    ]);
    expect([badName.code, badName.stderr]).toEqual([1, expect.stringMatching(/^a username is 1 to 40 characters/)]);
    expect([shortPassword.code, shortPassword.stderr]).toEqual([1, 'a password needs at least 8 characters\n']);
    expect([taken.code, taken.stderr]).toEqual([1, '“ann” is taken\n']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ann\t(member|admin)\tsince \d{4}-\d\d-\d\d\nbea\tmember\tsince \d{4}-\d\d-\d\d\nroot\tadmin\tsince \d{4}-\d\d-\d\d\n$/);
    expect(role).toEqual({ code: 0, stdout: 'ann is now an admin; their sessions have ended.\n', stderr: '' });
    expect(reset).toEqual({ code: 0, stdout: 'New password set for ann; their sessions have ended.\n', stderr: '' });
    expect(await session()).toBe(401);
    expect((await signIn('ann', PASSWORD)).status).toBe(401);
    expect(((await (await signIn('ann', 'another long password')).json()) as { user: unknown }).user).toEqual({ username: 'ann', role: 'admin' });

    const [removed, noOne] = await Promise.all([users(['remove', 'root']), users(['remove', 'nobody'])]);
    expect(removed).toEqual({ code: 0, stdout: 'Removed root; their sessions have ended and their scenarios passed to the longest-standing admin.\n', stderr: '' });
    expect([noOne.code, noOne.stderr]).toEqual([1, 'no one is called “nobody”\n']);
    expect((await signIn('root', PASSWORD)).status).toBe(401);

    // Stopped, the server lets go of the directory: users opens it itself again and finds what the
    // server kept (root gone, ann the last admin), refusing as it refused through the socket.
    server.kill('SIGTERM');
    expect((await serverExit).code).toBe(0);
    const demote = await users(['set-role', 'ann', 'member']);
    expect([demote.code, demote.stdout, demote.stderr]).toEqual([1, '', '“ann” is the last admin\n']);
  }, 120_000); // some fifteen processes, each starting Node and tsx (and two opening PGlite)
});
