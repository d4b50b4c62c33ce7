// `npm run serve`: the team server. One process serves the built app and the API on one port,
// over PGlite under ./data (nothing to install) or the PostgreSQL server DATABASE_URL names.
//   npm run serve -- [--port 4174] [--host 127.0.0.1] [--data ./data] [--secure-cookies] [--trust-proxy]
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './http/app';
import { openDatabase } from './open-database';
import { dataPaths, lockDataDir, lockHolder, DEFAULT_DATA_DIR } from './data-dir';
import { listenOnAdminSocket } from './admin-socket';
import { startFeedPoller } from './feeds/feed-poller';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4174' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: process.env.TRIPWIRE_DATA ?? DEFAULT_DATA_DIR },
    dist: { type: 'string', default: 'dist' },
    'secure-cookies': { type: 'boolean', default: false },
    'trust-proxy': { type: 'boolean', default: false },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not “${values.port}”.`);
const distDir = resolve(values.dist);
if (!existsSync(`${distDir}/index.html`)) fail(`There is no built app in ${distDir}: run "npm run build" first (npm run serve does).`);
const databaseUrl = process.env.DATABASE_URL || undefined;

/** The lock, once a `users` command that holds it has finished (seconds); null at once if a server holds it. */
async function lockWhenFree(dataDir: string) {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const unlock = await lockDataDir(dataDir, 'serve');
    if (unlock || lockHolder(dataDir) !== 'users' || Date.now() > giveUpAt) return unlock;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// The embedded database is this process's alone while it runs.
const unlock = databaseUrl ? null : await lockWhenFree(values.data);
if (!databaseUrl && !unlock) {
  fail(`Another Tripwire server is using ${dataPaths(values.data).root} (its lock is held). Stop it first, or give this one another --data directory.`);
}

const db = await openDatabase({ databaseUrl, dataDir: values.data });
const app = await buildApp({ db, distDir, secureCookies: values['secure-cookies'], trustProxy: values['trust-proxy'] });
const admin = databaseUrl ? null : await listenOnAdminSocket(db, dataPaths(values.data).adminSocket);
const address = await app.listen({ port, host: values.host });
// Feeds an admin listed, polled every minute (safe beside other processes on one PostgreSQL).
const feeds = startFeedPoller(db);
console.log(`Tripwire team server at ${address.replace('127.0.0.1', 'localhost')} (database: ${db.kind === 'pglite' ? `PGlite in ${dataPaths(values.data).database}` : 'PostgreSQL'}).`);
if ((await db.query('select 1 from people limit 1')).length === 0) console.log('No one can sign in yet: add an admin with  npm run users -- add <name> --role admin');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await feeds.stop();
  await app.close();
  await admin?.close();
  await db.close();
  await unlock?.();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
