// Live streams across server processes: two apps on one PostgreSQL database — an edit committed
// through one reaches a stream opened on the other, and ending the session through one closes the
// stream on the other; on PGlite, in one process; and two real `serve` processes on one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { freshDatabase } from './throwaway-postgres';
import { openPglite, openPostgres, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPeople, PASSWORD } from './test-server';
import { readEvents } from './sse-events';
import { minimalDist, startServerProcess, type ServerProcess } from './server-process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const builtIn = readFileSync(new URL('../../public/scenarios/built-in.tripwire.json', import.meta.url));
const firstFeature = (JSON.parse(builtIn.toString()) as { events: { features: { geometry: unknown; properties: Record<string, unknown> }[] } }).events.features[0]!;
/** The document's first event as the app holds it (the document's `eventSet` is the app's `eventSetId`). */
const { eventSet: _set, ...firstProperties } = firstFeature.properties;

async function signIn(url: string, username: string) {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { cookie, 'x-csrf-token': csrfToken, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) } });
}

const edit = (id: string) => ({
  entries: [{ id: randomUUID(), step: 'do', madeAt: new Date().toISOString(), edits: [{ before: null, after: { ...firstProperties, id, key: 0, eventSetId: 'article', geometry: firstFeature.geometry, start: 19_000, end: 19_000, precision: 'day' } }] }],
});

describe.each(['postgresql', 'pglite'] as const)('live streams on %s', (engine) => {
  const apps: FastifyInstance[] = [];
  const databases: Database[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    if (engine === 'postgresql') {
      const url = await freshDatabase(inject('postgresUrl'), `live_${process.pid}_${Date.now()}`);
      databases.push(await openPostgres(url), await openPostgres(url));
    } else {
      const db = await openPglite();
      databases.push(db, db);
    }
    await migrate(databases[0]!);
    await addPeople(databases[0]!, { alice: 'admin', bob: 'member' });
    for (const db of databases) {
      const app = await buildApp({ db });
      apps.push(app);
      urls.push(await app.listen({ port: 0, host: '127.0.0.1' }));
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const db of new Set(databases)) await db.close();
  });

  it('tells a stream on one server of an edit committed through the other, with ids only, and closes it when the session ends', async () => {
    const [first, second] = urls as [string, string];
    const alice = await signIn(first, 'alice');
    const { id } = (await (await alice('/api/scenarios', { method: 'POST', body: builtIn })).json()) as { id: string };
    // Sessions live in the database: alice's cookie is good on the other server too.
    const stream = readEvents(await alice(`/api/scenarios/${id}/stream`));
    expect((await stream.waitFor('ready')).data).toMatchObject({ seq: 0 });
    const onSecond = readEvents(await fetch(`${second}/api/scenarios/${id}/stream`, { headers: { cookie: (await signInCookie(second, 'alice')) } }));
    await onSecond.waitFor('ready');

    const posted = await alice(`/api/scenarios/${id}/edits`, { method: 'POST', body: JSON.stringify(edit('live-one')) });
    expect(posted.status).toBe(200);
    expect((await onSecond.waitFor('edits')).data).toEqual({ seq: 1 });
    expect((await stream.waitFor('edits')).data).toEqual({ seq: 1 });

    // Signing out through the first server ends the session everywhere: the first stream closes.
    await alice('/api/session', { method: 'DELETE' });
    await stream.waitFor('signed-out');
    await stream.done;
    expect(stream.ended()).toBe(true);
  });

  it('closes a member’s stream with "gone" when the owner stops sharing, and refuses a stream to someone who may not see it', async () => {
    const [first, second] = urls as [string, string];
    const alice = await signIn(first, 'alice');
    const { id } = (await (await alice('/api/scenarios', { method: 'POST', body: builtIn })).json()) as { id: string };
    const bobCookie = await signInCookie(second, 'bob');
    const refused = await fetch(`${second}/api/scenarios/${id}/stream`, { headers: { cookie: bobCookie } });
    expect(refused.status).toBe(404);
    expect(await alice(`/api/scenarios/${id}/members/bob`, { method: 'PUT', body: JSON.stringify({ role: 'viewer' }) })).toHaveProperty('status', 200);
    const bobs = readEvents(await fetch(`${second}/api/scenarios/${id}/stream`, { headers: { cookie: bobCookie } }));
    await bobs.waitFor('ready');
    await alice(`/api/scenarios/${id}/members/bob`, { method: 'DELETE' });
    await bobs.waitFor('gone');
    await bobs.done;
    const crossSite = await fetch(`${second}/api/scenarios/${id}/stream`, { headers: { cookie: bobCookie, origin: 'https://elsewhere.example' } });
    expect(crossSite.status).toBe(404); // not a viewer any more; and a change from another site would be 403
  });
});

// The same as two real processes, as a team would run them behind one proxy: each with its own
// connections and its own LISTEN, sharing nothing but the database.
describe('two serve processes on one PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let dir: string;

  beforeAll(async () => {
    const url = await freshDatabase(inject('postgresUrl'), `live_processes_${process.pid}_${Date.now()}`);
    const db = await openPostgres(url);
    await migrate(db);
    await addPeople(db, { alice: 'admin', bob: 'member' });
    await db.close();
    dir = mkdtempSync(join(tmpdir(), 'tripwire-live-'));
    const dist = minimalDist(join(dir, 'dist'));
    servers.push(...(await Promise.all([0, 1].map(() => startServerProcess({ args: ['--port', '0', '--dist', dist], databaseUrl: url })))));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('an edit made through one process reaches a client of the other, which reads it there', async () => {
    const [first, second] = servers.map((server) => server.url) as [string, string];
    expect(first).not.toBe(second);
    const alice = await signIn(first, 'alice');
    const { id } = (await (await alice('/api/scenarios', { method: 'POST', body: builtIn })).json()) as { id: string };
    expect(await alice(`/api/scenarios/${id}/members/bob`, { method: 'PUT', body: JSON.stringify({ role: 'editor' }) })).toHaveProperty('status', 200);
    const bob = await signIn(second, 'bob');
    const dropped = new AbortController();
    const bobsStream = readEvents(await bob(`/api/scenarios/${id}/stream`, { signal: dropped.signal }));
    expect((await bobsStream.waitFor('ready')).data).toMatchObject({ seq: 0 });

    expect(await alice(`/api/scenarios/${id}/edits`, { method: 'POST', body: JSON.stringify(edit('across-processes')) })).toHaveProperty('status', 200);
    expect((await bobsStream.waitFor('edits')).data).toEqual({ seq: 1 });
    const { entries } = (await (await bob(`/api/scenarios/${id}/edits?after=0`)).json()) as { entries: { author: string; edits: { after: { id: string } }[] }[] };
    expect(entries.map((entry) => [entry.author, entry.edits[0]!.after.id])).toEqual([['alice', 'across-processes']]);
    dropped.abort();
    await bobsStream.done.catch(() => undefined);
    // A server whose clients dropped their streams stops at once when told (it waited ~70 s for
    // their connections to idle out).
    for (let dropping = 0; dropping < 3; dropping++) {
      const controller = new AbortController();
      const stream = await bob(`/api/scenarios/${id}/stream`, { signal: controller.signal });
      await stream.body!.getReader().read();
      controller.abort();
    }
    const stopping = Date.now();
    await servers[1]!.stop();
    expect(Date.now() - stopping).toBeLessThan(10_000);
  });
});

async function signInCookie(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  return response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
}
