// `npm run users -- add <name> --role admin|member | list | remove <name> | reset-password <name> | set-role <name> <role>`
// Passwords come from standard input (or TRIPWIRE_PASSWORD), never from the command line, where
// other users of the machine could read them. Works whether or not the server is running: with
// the embedded database it opens it when its lock is free, else asks the running server over the
// data directory's admin socket; with DATABASE_URL it talks to PostgreSQL directly.
import { parseArgs } from 'node:util';
import { request } from 'node:http';
import { createInterface } from 'node:readline';
import { openDatabase } from './open-database';
import { dataPaths, lockDataDir, lockHolder, DEFAULT_DATA_DIR } from './data-dir';
import { peopleCommandSchema, runPeopleCommand, type PeopleCommand } from './admin-socket';
import { PeopleError } from './accounts/people';

const USAGE = `Usage: npm run users -- add <name> --role admin|member
       npm run users -- list
       npm run users -- remove <name>
       npm run users -- reset-password <name>
       npm run users -- set-role <name> admin|member
The password is read from standard input (or TRIPWIRE_PASSWORD). --data <dir> picks the data directory (default ./data); DATABASE_URL a PostgreSQL server.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, data: { type: 'string', default: process.env.TRIPWIRE_DATA ?? DEFAULT_DATA_DIR } },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

async function readPassword(): Promise<string> {
  if (process.env.TRIPWIRE_PASSWORD) return process.env.TRIPWIRE_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return fail('No password given: type it, pipe it in, or set TRIPWIRE_PASSWORD.');
}

async function commandOf(): Promise<PeopleCommand> {
  const [verb, username, extra] = positionals;
  const raw =
    verb === 'add' ? { command: 'add', username, role: values.role, password: await readPassword() }
    : verb === 'list' ? { command: 'list' }
    : verb === 'remove' ? { command: 'remove', username }
    : verb === 'reset-password' ? { command: 'reset-password', username, password: await readPassword() }
    : verb === 'set-role' ? { command: 'set-role', username, role: extra ?? values.role }
    : fail(USAGE);
  const parsed = peopleCommandSchema.safeParse(raw);
  return parsed.success ? parsed.data : fail(USAGE);
}

/** Asks the running server, over its admin socket. */
function throughServer(socketPath: string, command: PeopleCommand): Promise<{ status: number; body: { output?: string; error?: string } }> {
  return new Promise((resolve, reject) => {
    const call = request({ socketPath, path: '/people', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 500, body: JSON.parse(text || '{}') }));
    });
    call.on('error', reject);
    call.end(JSON.stringify(command));
  });
}

/** A server that has just taken the lock opens its socket once its database is open: give it that long. */
async function askServer(socketPath: string, command: PeopleCommand) {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    try {
      return await throughServer(socketPath, command);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== 'ENOENT' && code !== 'ECONNREFUSED') || Date.now() > giveUpAt) {
        return fail(`The data directory is locked by a running server, but its admin socket (${socketPath}) does not answer: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The lock, once another `users` command that holds it has finished (seconds); null at once if a server holds it. */
async function lockWhenFree(dataDir: string) {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const unlock = await lockDataDir(dataDir, 'users');
    if (unlock || lockHolder(dataDir) === 'serve' || Date.now() > giveUpAt) return unlock;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const command = await commandOf();
const databaseUrl = process.env.DATABASE_URL || undefined;
const unlock = databaseUrl ? null : await lockWhenFree(values.data);
if (!databaseUrl && !unlock) {
  const socketPath = dataPaths(values.data).adminSocket;
  const answer = await askServer(socketPath, command);
  if (answer.status !== 200) fail(answer.body.error ?? `The server refused (HTTP ${answer.status}).`);
  console.log(answer.body.output);
} else {
  const db = await openDatabase({ databaseUrl, dataDir: values.data });
  try {
    console.log(await runPeopleCommand(db, command));
  } catch (error) {
    // Said and marked as failed, but the database is closed and the lock let go below.
    if (!(error instanceof PeopleError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await db.close();
    await unlock?.();
  }
}
