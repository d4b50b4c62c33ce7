// Every route the app registers, called as every kind of caller: the answer's status is the one the
// route's policy implies (docs/api.md, "Conventions"): 401 signed out, 404 for a scenario the caller
// may not see (the very answer a missing one gets), 403 for too little access, and through when
// allowed. The table below must cover exactly the routes registered, with the policies declared,
// so a new route fails here until someone decides who may call it and adds it.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import WebSocket from 'ws';
import { addPeople, openTestDatabase, signIn, PASSWORD, type SignedInClient } from './test-server';
import type { Database } from '../../src/server/db/database';
import { buildApp, registeredRoutes } from '../../src/server/http/app';
import type { Policy } from '../../src/server/http/policy';
import { findPerson, type Person } from '../../src/server/accounts/people';
import { readScenarioDocument } from '../../src/server/scenarios/read-document';
import { publish, setMember } from '../../src/server/scenarios/scenario-store';
import type { OpenedScenario } from '../../src/data/open-scenario';
import { addFeed, follow } from '../../src/server/feeds/feed-store';

const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8');

/** The callers: who each is, and what they are to the scenario a call is about. */
const CALLERS = {
  'signed out': null,
  'a member not shared with': 'nora',
  viewer: 'vic',
  editor: 'eddie',
  owner: 'olive',
  'an admin not shared with': 'ada',
  'an admin who is a viewer': 'avi',
} as const;
type Caller = keyof typeof CALLERS;
const ADMINS = new Set<Caller>(['an admin not shared with', 'an admin who is a viewer']);
const ACCESS: Partial<Record<Caller, 'viewer' | 'editor' | 'owner'>> = { viewer: 'viewer', editor: 'editor', owner: 'owner', 'an admin who is a viewer': 'viewer' };
const RANK = { viewer: 1, editor: 2, owner: 3 };

type Outcome = 'allowed' | 401 | 403 | 404 | 409;
type Answer = Pick<LightMyRequestResponse, 'statusCode' | 'body'> & { json: () => unknown };

/** What the policy implies for the caller. */
function expected(policy: Policy, caller: Caller): Outcome {
  if (policy.who === 'anyone') return 'allowed';
  if (caller === 'signed out') return 401;
  if (policy.who === 'signed-in') return 'allowed';
  if (policy.who === 'admin') return ADMINS.has(caller) ? 'allowed' : 403;
  const access = ACCESS[caller];
  if (!access) return 404;
  return RANK[access] >= RANK[policy.access] ? 'allowed' : 403;
}

interface Call {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  policy: Policy;
  /** The request, for a fresh scenario `id` (each call gets its own: calls change things). */
  call: (id: string, caller: Caller) => Call;
  /** When the route decides more than its policy (said in docs/api.md). */
  outcome?: (caller: Caller) => Outcome;
  /** The call ends or replaces the caller's session: make one for it alone. */
  ownSession?: boolean;
  /** An answer that does not end (a live stream): made over a real socket, and let go once its head is read. */
  endless?: boolean;
  /** A WebSocket: its handshake is made over a real socket ('allowed' when upgraded); it has no HEAD twin. */
  websocket?: boolean;
}

const anyone: Policy = { who: 'anyone' };
const signedIn: Policy = { who: 'signed-in' };
const admins: Policy = { who: 'admin' };
const viewers: Policy = { who: 'scenario', access: 'viewer' };
const editors: Policy = { who: 'scenario', access: 'editor' };
const owners: Policy = { who: 'scenario', access: 'owner' };

const documentFor = (id: string) => JSON.stringify({ ...JSON.parse(BALTIC), id });
const entry = () => ({ id: randomUUID(), step: 'do', edits: [{ before: null, after: { ...EVENT, id: `event-${randomUUID()}` } }], madeAt: new Date().toISOString() });
let EVENT: Record<string, unknown>;
/** A feed per caller (each admin removes its own), and the one each fresh scenario's set follows. */
const FEEDS = new Map<string, number>();
let FOLLOWED_FEED = 0;

/** Every route, by `METHOD url` as Fastify registers it. HEAD routes are GET's twins, checked alike. */
const ROUTES: Record<string, RouteCase> = {
  'GET /api/health': { policy: anyone, call: () => ({ url: '/api/health' }) },
  'GET /api/session': { policy: signedIn, call: () => ({ url: '/api/session' }) },
  'POST /api/session': { policy: anyone, ownSession: true, call: (_id, caller) => ({ url: '/api/session', body: { username: CALLERS[caller] ?? 'pat', password: PASSWORD } }) },
  'DELETE /api/session': { policy: signedIn, ownSession: true, call: () => ({ url: '/api/session' }) },
  'GET /api/people': { policy: signedIn, call: () => ({ url: '/api/people' }) },
  'GET /api/audit': { policy: admins, call: () => ({ url: '/api/audit?after=0' }) },
  'GET /api/scenarios': { policy: signedIn, call: () => ({ url: '/api/scenarios' }) },
  'POST /api/scenarios': { policy: signedIn, call: () => ({ url: '/api/scenarios', body: BALTIC }) },
  'GET /api/scenarios/:id': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}` }) },
  'PUT /api/scenarios/:id': { policy: editors, call: (id) => ({ url: `/api/scenarios/${id}`, body: documentFor(id), headers: { 'tripwire-seq': '0' } }) },
  'PATCH /api/scenarios/:id': { policy: owners, call: (id) => ({ url: `/api/scenarios/${id}`, body: { title: 'Renamed' } }) },
  'DELETE /api/scenarios/:id': { policy: owners, call: (id) => ({ url: `/api/scenarios/${id}` }) },
  // Any viewer reaches the handler, which lets the owner or an admin through (docs/api.md: "owner or admin who can see it").
  'PUT /api/scenarios/:id/owner': {
    policy: viewers,
    outcome: (caller) => (caller === 'owner' || caller === 'an admin who is a viewer' ? 'allowed' : expected(owners, caller)),
    call: (id) => ({ url: `/api/scenarios/${id}/owner`, body: { username: 'pat' } }),
  },
  'GET /api/scenarios/:id/members': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/members` }) },
  'PUT /api/scenarios/:id/members/:username': { policy: owners, call: (id) => ({ url: `/api/scenarios/${id}/members/pat`, body: { role: 'editor' } }) },
  'DELETE /api/scenarios/:id/members/:username': { policy: owners, call: (id) => ({ url: `/api/scenarios/${id}/members/pat` }) },
  'PUT /api/scenarios/:id/everyone': { policy: owners, call: (id) => ({ url: `/api/scenarios/${id}/everyone`, body: { role: 'viewer' } }) },
  'POST /api/scenarios/:id/edits': { policy: editors, call: (id) => ({ url: `/api/scenarios/${id}/edits`, body: { entries: [entry()] } }) },
  'GET /api/scenarios/:id/edits': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/edits?after=0` }) },
  'GET /api/scenarios/:id/events/:eventId': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/events/${EVENT.id as string}` }) },
  'GET /api/scenarios/:id/stream': { policy: viewers, endless: true, call: (id) => ({ url: `/api/scenarios/${id}/stream` }) },
  'GET /api/echo': { policy: signedIn, websocket: true, call: () => ({ url: '/api/echo' }) },
  // Through to the handler, which takes only the caller's own open stream's connection (tests/server/presence.test.ts): a made-up one is 409.
  'POST /api/scenarios/:id/presence': {
    policy: viewers,
    outcome: (caller) => (expected(viewers, caller) === 'allowed' ? 409 : expected(viewers, caller)),
    call: (id) => ({ url: `/api/scenarios/${id}/presence`, body: { connection: randomUUID(), selected: null } }),
  },
  'GET /api/scenarios/:id/packed': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/packed` }) },
  'GET /api/scenarios/:id/packed/:part': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/packed/0` }) },
  'GET /api/feeds': { policy: signedIn, call: () => ({ url: '/api/feeds' }) },
  'POST /api/feeds': { policy: admins, call: () => ({ url: '/api/feeds', body: { name: `Feed ${randomUUID()}`, url: `http://127.0.0.1:9/${randomUUID()}.csv`, everyMinutes: 5 } }) },
  'DELETE /api/feeds/:feedId': { policy: admins, call: (_id, caller) => ({ url: `/api/feeds/${FEEDS.get(caller) ?? 1}` }) },
  'GET /api/scenarios/:id/feeds': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/feeds` }) },
  'PUT /api/scenarios/:id/feeds/:eventSetId': { policy: editors, call: (id) => ({ url: `/api/scenarios/${id}/feeds/briefing-note`, body: { feedId: FOLLOWED_FEED } }) },
  'DELETE /api/scenarios/:id/feeds/:eventSetId': { policy: editors, call: (id) => ({ url: `/api/scenarios/${id}/feeds/briefing-note` }) },
  'GET /api/scenarios/:id/history': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/history?limit=10` }) },
  'GET /api/scenarios/:id/changes': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/changes` }) },
  'GET /api/scenarios/:id/document': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/document?at=0` }) },
  // A copy of a past state is the caller's own new scenario: whoever may read the scenario may make one.
  'POST /api/scenarios/:id/copies': { policy: viewers, call: (id) => ({ url: `/api/scenarios/${id}/copies`, body: { at: 0 } }) },
  // The built app, for anyone: it holds no data.
  'GET /': { policy: anyone, call: () => ({ url: '/' }) },
  'GET /s/:id': { policy: anyone, call: (id) => ({ url: `/s/${id}` }) },
  'GET /*': { policy: anyone, call: () => ({ url: '/assets/app.js' }) },
};

/** The table, with a HEAD twin for each GET route (Fastify registers one). */
const TABLE: Record<string, RouteCase> = Object.fromEntries(
  Object.entries(ROUTES).flatMap(([key, route]) => (key.startsWith('GET ') && !route.websocket ? [[key, route], [`HEAD ${key.slice(4)}`, route]] : [[key, route]])),
);

describe('every route as every caller', () => {
  let db: Database;
  let app: FastifyInstance;
  let distDir: string;
  let opened: OpenedScenario;
  let olive: Person;
  let origin: string;
  const people = new Map<string, Person>();
  const clients = new Map<Caller, SignedInClient>();

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'tripwire-dist-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Tripwire</title>');
    mkdirSync(join(distDir, 'assets'));
    writeFileSync(join(distDir, 'assets', 'app.js'), 'console.log("app")');
    db = await openTestDatabase('pglite');
    await addPeople(db, { nora: 'member', vic: 'member', eddie: 'member', olive: 'member', ada: 'admin', avi: 'admin', pat: 'member' });
    for (const username of ['vic', 'eddie', 'olive', 'avi', 'pat']) people.set(username, (await findPerson(db, username))!);
    olive = people.get('olive')!;
    app = await buildApp({ db, distDir });
    origin = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    for (const [caller, username] of Object.entries(CALLERS) as [Caller, string | null][]) if (username) clients.set(caller, await signIn(app, username));
    const read = await readScenarioDocument(Readable.from([Buffer.from(BALTIC)]));
    if (!read.ok) throw new Error('the fixture does not open');
    opened = read.value;
    EVENT = { ...opened.eventSets[0]!.events[0]! };
    for (const caller of Object.keys(CALLERS)) FEEDS.set(caller, (await addFeed(db, { name: `Removable ${caller}`, url: `http://127.0.0.1:9/${encodeURIComponent(caller)}.csv`, everyMinutes: 5 }, 'ada'))!.id);
    FOLLOWED_FEED = (await addFeed(db, { name: 'Followed', url: 'http://127.0.0.1:9/followed.csv', everyMinutes: 5 }, 'ada'))!.id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  /** A scenario of olive's, with vic and avi viewers, eddie an editor and pat a viewer (to be changed, removed or handed to). */
  async function freshScenario(): Promise<string> {
    const { id } = await publish(db, opened, olive);
    await setMember(db, id, people.get('vic')!.id, 'viewer');
    await setMember(db, id, people.get('avi')!.id, 'viewer');
    await setMember(db, id, people.get('eddie')!.id, 'editor');
    await setMember(db, id, people.get('pat')!.id, 'viewer');
    await follow(db, id, 'briefing-note', FOLLOWED_FEED, 'olive');
    return id;
  }

  /** A stream's status and, when it is refused, its JSON body; the connection is then let go. */
  async function head(method: string, caller: Caller, url: string): Promise<Answer> {
    const username = CALLERS[caller];
    const abort = new AbortController();
    const response = await fetch(`${origin}${url}`, { method, signal: abort.signal, headers: username === null ? {} : { cookie: clients.get(caller)!.cookie } });
    const body = response.status < 400 || method === 'HEAD' ? '' : await response.text();
    abort.abort();
    return { statusCode: response.status, body, json: () => JSON.parse(body) };
  }

  /** A WebSocket handshake's outcome: 101 (closed at once) or the refusal's status and body. */
  function handshake(caller: Caller, url: string): Promise<Answer> {
    const username = CALLERS[caller];
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${origin.replace('http', 'ws')}${url}`, { headers: username === null ? {} : { cookie: clients.get(caller)!.cookie } });
      socket.once('open', () => {
        socket.close();
        resolve({ statusCode: 101, body: '', json: () => null });
      });
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk));
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, body, json: () => JSON.parse(body) }));
      });
      socket.once('error', reject);
    });
  }

  async function send(method: string, caller: Caller, { url, body, headers = {} }: Call, route: RouteCase): Promise<Answer> {
    if (route.endless) return head(method, caller, url);
    if (route.websocket) return handshake(caller, url);
    const ownSession = route.ownSession ?? false;
    const username = CALLERS[caller];
    if (username === null) {
      return app.inject({ method: method as 'GET', url, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }) });
    }
    const client = ownSession ? await signIn(app, username) : clients.get(caller)!;
    return client.call(method as 'GET', url, body, headers);
  }

  it('covers exactly the routes the app registers, with the policies they declare', () => {
    const registered = Object.fromEntries(registeredRoutes(app).map(({ method, url, policy }) => [`${method} ${url}`, policy]));
    expect(Object.keys(registered).sort()).toEqual(Object.keys(TABLE).sort());
    for (const [key, route] of Object.entries(TABLE)) expect(registered[key], key).toEqual(route.policy);
  });

  for (const [key, route] of Object.entries(TABLE)) {
    const [method] = key.split(' ') as [string];
    it(key, async () => {
      const seen: string[] = [];
      const wanted: string[] = [];
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        const id = route.policy.who === 'scenario' || key.includes(':id') ? await freshScenario() : 'no-scenario';
        const response = await send(method, caller, route.call(id, caller), route);
        const outcome = route.outcome?.(caller) ?? expected(route.policy, caller);
        const status = response.statusCode;
        // "allowed" means the route did its work: 2xx (or the redirect of a link).
        const got: Outcome | number = status < 400 ? 'allowed' : status;
        seen.push(`${caller}: ${got}${got === outcome ? '' : ` (${response.body.slice(0, 120)})`}`);
        wanted.push(`${caller}: ${outcome}`);
        if (method !== 'HEAD' && typeof got === 'number') expect(response.json(), `${key} as ${caller}`).toEqual({ error: expect.any(String) });
        if (outcome === 404 && route.policy.who === 'scenario') {
          // The very answer a scenario that does not exist gets, so existence does not leak.
          const missing = await send(method, caller, route.call('no-such-scenario', caller), route);
          expect({ status: missing.statusCode, body: missing.body }, `${key} as ${caller}`).toEqual({ status, body: response.body });
        }
      }
      expect(seen).toEqual(wanted);
    });
  }

  it('refuses to register a route that declares no policy', async () => {
    const fresh = await buildApp({ db });
    expect(() => fresh.get('/x', async () => 'x')).toThrow(/declares no policy/);
    expect(() => fresh.route({ method: 'POST', url: '/api/y', handler: async () => 'y' })).toThrow(/POST \/api\/y declares no policy/);
    expect(() => fresh.register(async (child) => void child.get('/api/z', async () => 'z'))).not.toThrow();
    await expect(fresh.ready()).rejects.toThrow(/GET \/api\/z declares no policy/);
    await fresh.close();
  });
});
