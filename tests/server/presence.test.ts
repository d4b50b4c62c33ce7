// Presence across server processes: two apps on one database (as two `serve` processes on one
// PostgreSQL would be; on PGlite, two apps in one process). A person's open stream is their
// presence; what they select is posted against it; everyone else's streams hear it, wherever they
// are, and never the person themself. A stream that closes takes its person away; a row nobody
// refreshed (a process killed) is ignored, then swept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import { freshDatabase } from './throwaway-postgres';
import { openPglite, openPostgres, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { sweepStalePresence } from '../../src/server/presence/presence-store';
import { addPeople, PASSWORD } from './test-server';

const builtIn = readFileSync(new URL('../../public/scenarios/built-in.tripwire.json', import.meta.url));

type Others = { username: string; selected: string | null }[];

/**
 * A live stream on a socket of its own (node:http, no agent): its events as they arrive, and the
 * way to close it as a page that goes away does. (fetch's abort leaves a spare socket open that
 * holds the server's close up for a minute.)
 */
async function openStream(caller: Caller, id: string) {
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(`${caller.url}/api/scenarios/${id}/stream`, { agent: false, headers: { cookie: caller.cookie } }, resolve).on('error', reject),
  );
  expect(response.statusCode).toBe(200);
  const events: { event: string; data: unknown }[] = [];
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
    let cut;
    while ((cut = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, cut);
      text = text.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event) events.push({ event, data: data ? JSON.parse(data) : null });
    }
  });
  response.on('error', () => {}); // closed by this side
  const until = async <T,>(what: string, found: () => T | undefined): Promise<T> => {
    const giveUpAt = Date.now() + 5_000;
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      if (Date.now() > giveUpAt) throw new Error(`no ${what} within 5 s; heard ${JSON.stringify(events)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const { connection } = await until('ready', () => events.find((item) => item.event === 'ready')?.data as { connection: string } | undefined);
  /** The latest presence event's list of others. */
  const latest = () => (events.filter((item) => item.event === 'presence').at(-1)?.data as { others: Others } | undefined)?.others;
  return {
    connection,
    events,
    latest,
    /** Waits until the latest presence list is `others`. */
    hears: (others: Others) => until(`presence ${JSON.stringify(others)}`, () => (JSON.stringify(latest()) === JSON.stringify(others) ? true : undefined)),
    close: () => response.destroy(),
  };
}

type Caller = ((path: string, init?: RequestInit) => Promise<Response>) & { url: string; cookie: string };

async function signIn(url: string, username: string): Promise<Caller> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, { ...init, headers: { cookie, 'x-csrf-token': csrfToken, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) } });
  return Object.assign(call, { url, cookie });
}

const select = (call: Caller, id: string, connection: string, selected: string | null) =>
  call(`/api/scenarios/${id}/presence`, { method: 'POST', body: JSON.stringify({ connection, selected }) });

describe.each(['postgresql', 'pglite'] as const)('presence on %s', (engine) => {
  const apps: FastifyInstance[] = [];
  const databases: Database[] = [];
  const urls: string[] = [];
  let id: string;
  let alice: Caller; // the owner, on the first server
  let bob: Caller; // a viewer, on the second
  let nora: Caller; // not shared with

  beforeAll(async () => {
    if (engine === 'postgresql') {
      const url = await freshDatabase(inject('postgresUrl'), `presence_${process.pid}_${Date.now()}`);
      databases.push(await openPostgres(url), await openPostgres(url));
    } else {
      const db = await openPglite();
      databases.push(db, db);
    }
    await migrate(databases[0]!);
    await addPeople(databases[0]!, { alice: 'member', bob: 'member', carol: 'member', nora: 'member' });
    for (const db of databases) {
      const app = await buildApp({ db });
      apps.push(app);
      urls.push(await app.listen({ port: 0, host: '127.0.0.1' }));
    }
    alice = await signIn(urls[0]!, 'alice');
    bob = await signIn(urls[1]!, 'bob');
    nora = await signIn(urls[1]!, 'nora');
    ({ id } = (await (await alice('/api/scenarios', { method: 'POST', body: builtIn })).json()) as { id: string });
    expect((await alice(`/api/scenarios/${id}/members/bob`, { method: 'PUT', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(200);
    expect((await alice(`/api/scenarios/${id}/members/carol`, { method: 'PUT', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(200);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const db of new Set(databases)) await db.close();
  });

  it('tells a stream on one server who opened the scenario and what they selected on the other, never the person themself, and who left', async () => {
    const bobs = await openStream(bob, id);
    await bobs.hears([]);
    const alices = await openStream(alice, id);
    await bobs.hears([{ username: 'alice', selected: null }]);
    await alices.hears([{ username: 'bob', selected: null }]);

    expect((await select(alice, id, alices.connection, 'event-7')).status).toBe(204);
    await bobs.hears([{ username: 'alice', selected: 'event-7' }]);
    // A viewer may say what they look at: it changes nothing of the scenario.
    expect((await select(bob, id, bobs.connection, 'event-2')).status).toBe(204);
    await alices.hears([{ username: 'bob', selected: 'event-2' }]);
    // Nobody hears themself.
    for (const [stream, self] of [[bobs, 'bob'], [alices, 'alice']] as const) {
      const lists = stream.events.filter((item) => item.event === 'presence').map((item) => (item.data as { others: Others }).others);
      expect(lists.flat().some((person) => person.username === self)).toBe(false);
    }

    alices.close();
    await bobs.hears([]);
    expect(await databases[0]!.query('select 1 from presence where connection_id = $1', [alices.connection])).toEqual([]);
    bobs.close();
  });

  it('ignores a row nobody has refreshed for a minute (a process killed), and sweeps it', async () => {
    const db = databases[0]!;
    const [carol] = await db.query<{ id: string }>("select id from people where username = 'carol'");
    const stale = randomUUID();
    await db.query("insert into presence (connection_id, scenario_id, person_id, selected, seen_at) values ($1, $2, $3, 'event-1', now() - interval '2 minutes')", [stale, id, carol!.id]);
    const bobs = await openStream(bob, id);
    const alices = await openStream(alice, id);
    await bobs.hears([{ username: 'alice', selected: null }]);
    await alices.hears([{ username: 'bob', selected: null }]);
    expect((await db.query('select 1 from presence where connection_id = $1', [stale])).length).toBe(1);
    await sweepStalePresence(db);
    expect(await db.query('select 1 from presence where connection_id = $1', [stale])).toEqual([]);
    bobs.close();
    alices.close();
  });

  it('takes selections only from the caller’s own open connection, and from nobody who may not see the scenario', async () => {
    const alices = await openStream(alice, id);
    const bobs = await openStream(bob, id);
    await alices.hears([{ username: 'bob', selected: null }]);
    const before = await databases[0]!.query('select connection_id, selected from presence order by connection_id');

    // Someone the scenario is not shared with: the very answer a missing scenario gets.
    const outsider = await select(nora, id, bobs.connection, 'event-9');
    expect(outsider.status).toBe(404);
    // Another person's connection, and one that is not open, are refused alike.
    for (const connection of [alices.connection, randomUUID()]) {
      const refused = await select(bob, id, connection, 'event-9');
      expect([refused.status, await refused.json()]).toEqual([409, { error: expect.stringMatching(/not one of your open live streams/) }]);
    }
    // Bad bodies say where they are wrong.
    const badId = await select(bob, id, 'not-a-uuid', 'event-9');
    expect([badId.status, ((await badId.json()) as { error: string }).error]).toEqual([400, expect.stringMatching(/connection/)]);
    const extra = await bob(`/api/scenarios/${id}/presence`, { method: 'POST', body: JSON.stringify({ connection: bobs.connection, selected: 'x', username: 'alice' }) });
    expect(extra.status).toBe(400);
    const noToken = await bob(`/api/scenarios/${id}/presence`, { method: 'POST', body: JSON.stringify({ connection: bobs.connection, selected: 'x' }), headers: { 'x-csrf-token': '' } });
    expect(noToken.status).toBe(403);
    expect(await databases[0]!.query('select connection_id, selected from presence order by connection_id')).toEqual(before);

    // A member who loses the scenario loses its stream, and so their presence.
    expect((await alice(`/api/scenarios/${id}/members/bob`, { method: 'DELETE' })).status).toBe(204);
    await alices.hears([]);
    expect((await select(bob, id, bobs.connection, 'event-9')).status).toBe(404);
    alices.close();
    bobs.close();
    expect((await alice(`/api/scenarios/${id}/members/bob`, { method: 'PUT', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(200);
  });
});
