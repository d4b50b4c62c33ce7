// Nothing is lost when the server dies or a client is cut off (issue 26, "offline and crashes lose
// nothing"): real `serve` processes (killed with SIGKILL, started again on the same port), and
// clients as the app is in Node: a store, a ScenarioSession, the server storage with an outbox in
// memory and a fetch with a cookie jar. An edit counts as acknowledged when its appendEdit resolved;
// the `edits` table is counted by client id.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from './throwaway-postgres';
import { addPeople, PASSWORD } from './test-server';
import { minimalDist, startServerProcess, type ServerProcess } from './server-process';
import { openPostgres, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { createTripwireStore } from '../../src/data/store';
import { ScenarioSession } from '../../src/session/scenario-session';
import { memoryStorage } from '../../src/storage/memory-storage';
import { memoryOutbox } from '../../src/storage/outbox';
import { serverStorage, type ServerStorage } from '../../src/storage/server-storage';
import { createTeamApi, type FetchLike, type TeamApi } from '../../src/team/team-api';
import { writeScenarioDocument } from '../../src/team/scenario-documents';
import type { TripwireEvent } from '../../src/data/events';
import type { ScenarioHead } from '../../src/data/scenario-schema';

const dir = mkdtempSync(join(tmpdir(), 'tripwire-faults-'));
const dist = minimalDist(join(dir, 'dist'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const giveUpAt = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > giveUpAt) throw new Error(`waited ${ms / 1000} s for ${what}`);
    await sleep(50);
  }
}

const head = (id = 'faults'): ScenarioHead =>
  ({ tripwire: 1, id, title: 'Faults', sources: [], views: [{ id: 'main', title: 'Main', bounds: [0, 0, 10, 10] }], layers: [], measurements: [], eventSets: [{ id: 'events', name: 'Events' }] }) as unknown as ScenarioHead;
const event = (id: string, title: string, index = 0): TripwireEvent => ({
  id,
  title,
  date: new Date((19_000 + index) * 86_400_000).toISOString().slice(0, 10),
  category: 'diplomacy',
  actors: [],
  status: 'reported',
  layers: [],
  key: index,
  eventSetId: 'events',
  geometry: { type: 'Point', coordinates: [1, 1] },
  start: 19_000 + index,
  end: 19_000 + index,
  precision: 'day',
});
/** Ten events every client retitles (the newest edit of each wins), beside the ones each adds. */
const SHARED_EVENTS = Array.from({ length: 10 }, (_, index) => event(`shared-${index}`, `Shared ${index}`, index));

/** A fetch with one client's cookie jar, counting the edits' requests that failed (no answer, or 5xx). */
function cookieJar() {
  let cookie = '';
  const failed = { posts: 0 };
  const fetchLike: FetchLike = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const isEditPost = init.method === 'POST' && /\/edits$/.test(input);
    try {
      const response = await fetch(input, { ...init, headers });
      for (const set of response.headers.getSetCookie()) cookie = set.split(';')[0]!;
      if (isEditPost && response.status >= 500) failed.posts += 1;
      return response;
    } catch (error) {
      if (isEditPost) failed.posts += 1;
      throw error;
    }
  };
  return { fetchLike, failed };
}

interface Client {
  username: string;
  api: TeamApi;
  storage: ServerStorage;
  session: ScenarioSession;
  /** Client id → the place the server acknowledged it at. */
  acknowledged: Map<string, number>;
  /** Every client id this client made, in order. */
  made: string[];
  failed: { posts: number };
  events(): TripwireEvent[];
  close(): void;
}

/** A page of the app, in Node: signed in as `username` on `baseUrl`, the shared scenario `id` open. */
async function client(baseUrl: string, username: string, id: string): Promise<Client> {
  const { fetchLike, failed } = cookieJar();
  const api = createTeamApi({ fetch: fetchLike, baseUrl });
  await api.signIn(username, PASSWORD);
  const made: string[] = [];
  const acknowledged = new Map<string, number>();
  const server = serverStorage(api, writeScenarioDocument, {
    pollEvery: 150,
    outbox: memoryOutbox(),
    sendTimeout: 2_000,
    retry: { first: 150, most: 1_000 },
    newId: () => {
      const made1 = randomUUID();
      made.push(made1);
      return made1;
    },
  });
  await server.signedIn(username);
  // The id is made as appendEdit starts (before it awaits anything): the last one made is this entry's.
  const storage: ServerStorage = {
    ...server,
    appendEdit: (entry) => {
      const committed = server.appendEdit(entry);
      const clientId = made.at(-1)!;
      return committed.then((record) => (acknowledged.set(clientId, record.seq), record));
    },
  };
  const session = new ScenarioSession(createTripwireStore(), memoryStorage());
  expect(await session.openShared(storage, { author: username, mode: 'edit' }, id)).toBe(true);
  const events = () => session.store.getState().events.map(({ id: eventId, title }) => ({ id: eventId, title }) as TripwireEvent).sort((a, b) => a.id.localeCompare(b.id));
  return { username, api, storage, session, acknowledged, made, failed, events, close: () => (session.close(), server.close()) };
}

/** Edit `n` of a client: every third retitles a shared event, the others add an event of its own. */
function makeEdit(client: Client, n: number): Promise<void> {
  const events = client.session.store.getState().events;
  if (n % 3 === 0) {
    const before = events.find((candidate) => candidate.id === `shared-${n % 10}`)!;
    return client.session.edit([{ before, after: { ...before, title: `${client.username} ${n}` } }]);
  }
  return client.session.edit([{ before: null, after: event(`${client.username}-${n}`, `${client.username} ${n}`, n % 50) }]);
}

/** A loopback TCP proxy that can drop what passes through it, silently (no reset): a network cut. */
function lossyProxy(targetPort: number): Promise<{ url: string; set(mode: 'pass' | 'drop' | 'drop-answers'): void; close(): Promise<void> }> {
  let mode: 'pass' | 'drop' | 'drop-answers' = 'pass';
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((downstream) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [downstream, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        downstream.destroy();
        upstream.destroy();
      });
    }
    downstream.on('data', (chunk) => mode !== 'drop' && upstream.write(chunk));
    upstream.on('data', (chunk) => mode === 'pass' && downstream.write(chunk));
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => {
      const { port } = proxy.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/`,
        set: (next) => (mode = next),
        close: () => {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => proxy.close(() => done()));
        },
      });
    }),
  );
}

const portOf = (url: string) => Number(new URL(url).port);

async function killed(server: ServerProcess) {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

/** The PGlite server starts (seconds of making a new data directory) while the PostgreSQL cases run. */
let pgliteStarting: Promise<ServerProcess>;
beforeAll(() => {
  pgliteStarting = startServerProcess({ args: ['--data', join(dir, 'data'), '--port', '0', '--dist', dist] });
  pgliteStarting.catch(() => {}); // awaited (and failing) in its case
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('on PostgreSQL', () => {
  let db: Database;
  let server: ServerProcess;
  let databaseUrl = '';
  let scenarioId = '';
  const clients: Client[] = [];

  const storedIds = async () => (await db.query<{ client_id: string; copies: number; seq: string }>('select client_id, count(*)::int as copies, min(seq) as seq from edits where scenario_id = $1 group by client_id', [scenarioId])).map((row) => ({ ...row, seq: Number(row.seq) }));

  beforeAll(async () => {
    databaseUrl = await freshDatabase(inject('postgresUrl'), `faults_${process.pid}_${Date.now()}`);
    db = await openPostgres(databaseUrl);
    await migrate(db);
    await addPeople(db, { alice: 'admin', bob: 'member', carol: 'member' });
    server = await startServerProcess({ args: ['--port', '0', '--dist', dist], databaseUrl });
    const owner = createTeamApi({ fetch: cookieJar().fetchLike, baseUrl: `${server.url}/` });
    await owner.signIn('alice', PASSWORD);
    scenarioId = (await owner.publish(writeScenarioDocument(head(), SHARED_EVENTS))).id;
    await owner.setEveryone(scenarioId, 'editor');
  });
  afterAll(async () => {
    for (const each of clients) each.close();
    await server?.stop();
    await db?.close();
  });

  it('a server killed during a burst of 500 edits from three clients and started again: every edit stored once, the acknowledged ones where they were acknowledged, and the clients agree', async () => {
    clients.push(...(await Promise.all(['alice', 'bob', 'carol'].map((username) => client(`${server.url}/`, username, scenarioId)))));
    const made: Promise<void>[] = [];
    const burst = clients.map(async (each, index) => {
      for (let n = 0; n < (index === 0 ? 168 : 166); n++) {
        made.push(makeEdit(each, n));
        await sleep(4);
      }
    });
    const acknowledged = () => clients.reduce((sum, each) => sum + each.acknowledged.size, 0);
    // Killed mid-burst, once some edits are acknowledged and more are still coming.
    await until(() => acknowledged() >= 120, '120 edits acknowledged');
    await killed(server);
    const acknowledgedAtKill = acknowledged();
    const acknowledgedBefore = new Map(clients.flatMap((each) => [...each.acknowledged]));
    await sleep(300);
    server = await startServerProcess({ args: ['--port', String(portOf(server.url)), '--dist', dist], databaseUrl });
    await Promise.all(burst);
    await Promise.all(made);

    const everyId = clients.flatMap((each) => each.made);
    expect(everyId).toHaveLength(500);
    expect(acknowledgedAtKill).toBeGreaterThan(0);
    expect(acknowledgedAtKill).toBeLessThan(500);
    // The requests cut by the kill, or sent while the server was down, failed and were sent again.
    expect(clients.reduce((sum, each) => sum + each.failed.posts, 0)).toBeGreaterThan(0);
    expect(acknowledged()).toBe(500);

    const stored = await storedIds();
    expect(stored.filter((row) => row.copies !== 1)).toEqual([]);
    expect(new Set(stored.map((row) => row.client_id))).toEqual(new Set(everyId));
    const places = new Map(stored.map((row) => [row.client_id, row.seq]));
    for (const [clientId, seq] of acknowledgedBefore) expect(places.get(clientId), `acknowledged before the kill: ${clientId}`).toBe(seq);
    for (const each of clients) for (const [clientId, seq] of each.acknowledged) expect(places.get(clientId)).toBe(seq);

    // What a page opening it now shows, and what each of the three shows once it has read on.
    const fresh = await client(`${server.url}/`, 'alice', scenarioId);
    const expected = fresh.events();
    fresh.close();
    const retitles = [168, 166, 166].reduce((sum, count) => sum + Math.ceil(count / 3), 0); // every third edit; the others add an event
    expect(expected).toHaveLength(SHARED_EVENTS.length + 500 - retitles);
    await until(() => clients.every((each) => JSON.stringify(each.events()) === JSON.stringify(expected)), 'the three clients to show what the server holds');
    // Nothing was lost, and no page said so: an edit waits through a dead server without a word.
    for (const each of clients) expect(each.session.store.getState().notices).toEqual([]);
  });

  it('a client cut off by its network, then restored: its edits arrive once; an edit whose answer was lost is acknowledged with the place it was given', async () => {
    const proxy = await lossyProxy(portOf(server.url));
    const cut = await client(proxy.url, 'bob', scenarioId);
    try {
      const statuses: string[] = [];
      cut.storage.onSaveStatus((status) => statuses.push(`${status.waiting}${status.offline ? ' offline' : ''}`));

      // Nothing gets through: the edits wait, the status says so, and the server has none of them.
      proxy.set('drop');
      const waiting = Array.from({ length: 5 }, (_, n) => makeEdit(cut, 1_000 + n * 3 + 1));
      await until(() => cut.storage.saveStatus().offline, 'the client to count itself offline');
      expect(cut.storage.saveStatus().waiting).toBe(5);
      const cutIds = cut.made.slice(-5);
      expect((await storedIds()).filter((row) => cutIds.includes(row.client_id))).toEqual([]);
      proxy.set('pass');
      await Promise.all(waiting);
      expect(cut.storage.saveStatus()).toEqual({ waiting: 0, sending: false, offline: false });
      expect(statuses).toContain('5 offline');

      // The request gets through and is committed; its answer is lost. Sent again once restored, it is acknowledged with its first place.
      proxy.set('drop-answers');
      const lostAnswer = makeEdit(cut, 2_000 + 1);
      const lostId = cut.made.at(-1)!;
      await until(async () => (await storedIds()).some((row) => row.client_id === lostId), 'the edit to be committed');
      await sleep(2_500); // past the send's time limit: it is sent again (and its answer lost again)
      expect(cut.acknowledged.has(lostId)).toBe(false);
      proxy.set('pass');
      await lostAnswer;

      const stored = (await storedIds()).filter((row) => [...cutIds, lostId].includes(row.client_id));
      expect(stored.map((row) => row.copies)).toEqual([1, 1, 1, 1, 1, 1]);
      for (const row of stored) expect(cut.acknowledged.get(row.client_id)).toBe(row.seq);
      expect(cut.failed.posts).toBeGreaterThan(1);
    } finally {
      cut.close();
      await proxy.close();
    }
  });
});

describe('on PGlite', () => {
  let server: ServerProcess;
  const data = join(dir, 'data');

  afterAll(async () => {
    await server?.stop();
  });

  /** `npm run users -- add` as it reaches a running server: its admin socket in the data directory. */
  const addPerson = (username: string) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ command: 'add', username, password: PASSWORD, role: 'admin' });
      const asked = request({ socketPath: join(data, 'admin.sock'), path: '/people', method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve();
        else reject(new Error(`adding ${username} answered ${response.statusCode}`));
      });
      asked.on('error', reject);
      asked.end(body);
    });

  it('a server killed during a burst leaves a data directory the restarted server opens at once, with every acknowledged edit', async () => {
    server = await pgliteStarting;
    await addPerson('dana');
    const owner = createTeamApi({ fetch: cookieJar().fetchLike, baseUrl: `${server.url}/` });
    await owner.signIn('dana', PASSWORD);
    const scenarioId = (await owner.publish(writeScenarioDocument(head(), SHARED_EVENTS))).id;
    const dana = await client(`${server.url}/`, 'dana', scenarioId);
    try {
      const made: Promise<void>[] = [];
      const burst = (async () => {
        for (let n = 0; n < 150; n++) {
          made.push(makeEdit(dana, n));
          await sleep(4);
        }
      })();
      await until(() => dana.acknowledged.size >= 40, '40 edits acknowledged');
      await killed(server);
      const acknowledgedBefore = new Map(dana.acknowledged);
      // The killed server's lock on the directory is let go at once (its process is gone), not after the minute a lock takes to go stale.
      const restartedAt = Date.now();
      server = await startServerProcess({ args: ['--data', data, '--port', String(portOf(server.url)), '--dist', dist] });
      expect(Date.now() - restartedAt).toBeLessThan(30_000);
      await burst;
      await Promise.all(made);

      const journal = [];
      for (let after = 0; ; ) {
        const page = await owner.readEdits(scenarioId, after);
        journal.push(...page);
        if (page.length < 1000) break;
        after = page.at(-1)!.seq;
      }
      const places = new Map(journal.map((entry) => [entry.id, entry.seq]));
      expect(journal).toHaveLength(150);
      expect(new Set(journal.map((entry) => entry.id))).toEqual(new Set(dana.made));
      for (const [clientId, seq] of acknowledgedBefore) expect(places.get(clientId), `acknowledged before the kill: ${clientId}`).toBe(seq);
      expect(acknowledgedBefore.size).toBeLessThan(150);
    } finally {
      dana.close();
    }
  });
});
