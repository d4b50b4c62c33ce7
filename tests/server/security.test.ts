// Attacks on the team server, each of which must fail cleanly (a JSON error with the right status)
// with nothing stored: the tables that hold people, sessions, scenarios, their parts, members and
// journals are compared before and after every attempt. On both databases the server runs on.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ENGINES, addPeople, openTestDatabase, signIn, PASSWORD, type SignedInClient } from './test-server';
import type { Database } from '../../src/server/db/database';
import { buildApp, registeredRoutes } from '../../src/server/http/app';
import { readScenarioDocument } from '../../src/server/scenarios/read-document';
import { FAILURES_PER_ADDRESS, FAILURES_PER_USERNAME, WINDOW_SECONDS } from '../../src/server/accounts/sign-in-limits';
import { MAX_SCENARIO_FILE_BYTES } from '../../src/data/limits';

const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8');
const WRONG = { error: 'Unknown username or wrong password.' };
const INJECTIONS = ["'; drop table people; --", "' or '1'='1", 'x"); delete from scenarios; --', "robert'); drop table scenarios;--"];
const TRAVERSALS = ['..%2f..%2fetc', '..%2F..%2Fpackage.json', '%2e%2e%2f%2e%2e%2fpasswd', '....%2f%2f....%2f%2fetc', '..%5c..%5cwindows', '.', '%2e%2e%2e'];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

describe.each(ENGINES)('attacks on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let root: string;
  let owner: SignedInClient; // olive
  let editor: SignedInClient; // eddie
  let viewer: SignedInClient; // vic
  let scenario: string;
  let event: Record<string, unknown>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'tripwire-security-'));
    mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><title>Tripwire</title>');
    writeFileSync(join(root, 'dist', 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(root, 'secret.txt'), 'THE SECRET BESIDE DIST');
    writeFileSync(join(root, 'package.json'), '{"name": "THE SECRET PACKAGE"}');
    db = await openTestDatabase(engine);
    await addPeople(db, { ada: 'admin', olive: 'member', eddie: 'member', vic: 'member', nora: 'member', victim: 'member' });
    app = await buildApp({ db, distDir: join(root, 'dist') });
    [owner, editor, viewer] = await Promise.all([signIn(app, 'olive'), signIn(app, 'eddie'), signIn(app, 'vic')]);
    const published = await owner.call('POST', '/api/scenarios', BALTIC);
    scenario = (published.json() as { id: string }).id;
    await owner.call('PUT', `/api/scenarios/${scenario}/members/eddie`, { role: 'editor' });
    await owner.call('PUT', `/api/scenarios/${scenario}/members/vic`, { role: 'viewer' });
    await editor.call('POST', `/api/scenarios/${scenario}/edits`, { entries: [entry()] });
    const opened = await readScenarioDocument(Readable.from([Buffer.from(BALTIC)]));
    if (!opened.ok) throw new Error('the fixture does not open');
    event = { ...opened.value.eventSets[0]!.events[0]! };
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  function entry() {
    return { id: randomUUID(), step: 'do', edits: [{ before: null, after: { ...(event ?? {}), id: `event-${randomUUID()}`, key: 0, eventSetId: 'briefing-note', geometry: { type: 'Point', coordinates: [24, 60] }, start: 19638, end: 19638, precision: 'day', title: 'x', date: '2023-10-08', category: 'military-activity', actors: [], status: 'reported' } }], madeAt: new Date().toISOString() };
  }

  /** What an attack could change: every stored row that says who may sign in or what a scenario holds. */
  async function stored() {
    const rows = (sql: string) => db.query(sql).then((result) => JSON.stringify(result));
    return {
      people: await rows('select id, username, password_hash, role from people order by id'),
      sessions: await rows('select id_hash, person_id, csrf_token, created_at from sessions order by id_hash'),
      scenarios: await rows('select id, owner_id, title, head::text as head, event_count, doc_seq, last_seq, everyone, updated_at, updated_by from scenarios order by id'),
      parts: await rows('select scenario_id, part, md5(packed) as packed from scenario_parts order by scenario_id, part'),
      members: await rows('select scenario_id, person_id, role from scenario_members order by scenario_id, person_id'),
      edits: await rows('select scenario_id, seq, client_id, author, edits::text as edits from edits order by scenario_id, seq'),
      feeds: await rows('select id, name, url, every_minutes from feeds order by id'),
      follows: await rows('select scenario_id, event_set_id, feed_id from feed_follows order by scenario_id, event_set_id'),
      tables: await rows("select table_name from information_schema.tables where table_schema = 'public' order by table_name"),
    };
  }

  /** Runs the attempts; nothing stored may differ afterwards. */
  async function nothingStored(attempts: () => Promise<void>) {
    const before = await stored();
    await attempts();
    expect(await stored()).toEqual(before);
  }

  const refused = (response: LightMyRequestResponse, status: number, context: string) => {
    expect(response.statusCode, `${context}: ${response.body.slice(0, 200)}`).toBe(status);
    expect(response.json(), context).toEqual({ error: expect.any(String) });
  };

  const anonymous = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }) });

  /** Every state-changing API route, with a request its owner could make. */
  const changes = (id: string): { method: Method; route: string; url: string; body?: unknown; headers?: Record<string, string> }[] => [
    { method: 'DELETE', route: '/api/session', url: '/api/session' },
    { method: 'POST', route: '/api/scenarios', url: '/api/scenarios', body: BALTIC },
    { method: 'PUT', route: '/api/scenarios/:id', url: `/api/scenarios/${id}`, body: JSON.stringify({ ...JSON.parse(BALTIC), id }), headers: { 'tripwire-seq': '1' } },
    { method: 'PATCH', route: '/api/scenarios/:id', url: `/api/scenarios/${id}`, body: { title: 'Taken over' } },
    { method: 'DELETE', route: '/api/scenarios/:id', url: `/api/scenarios/${id}` },
    { method: 'PUT', route: '/api/scenarios/:id/owner', url: `/api/scenarios/${id}/owner`, body: { username: 'nora' } },
    { method: 'PUT', route: '/api/scenarios/:id/members/:username', url: `/api/scenarios/${id}/members/nora`, body: { role: 'editor' } },
    { method: 'DELETE', route: '/api/scenarios/:id/members/:username', url: `/api/scenarios/${id}/members/vic` },
    { method: 'PUT', route: '/api/scenarios/:id/everyone', url: `/api/scenarios/${id}/everyone`, body: { role: 'editor' } },
    { method: 'POST', route: '/api/scenarios/:id/edits', url: `/api/scenarios/${id}/edits`, body: { entries: [entry()] } },
    { method: 'POST', route: '/api/scenarios/:id/presence', url: `/api/scenarios/${id}/presence`, body: { connection: randomUUID(), selected: null } },
    { method: 'POST', route: '/api/feeds', url: '/api/feeds', body: { name: 'Metadata', url: 'http://169.254.169.254/latest/meta-data', everyMinutes: 1 } },
    { method: 'DELETE', route: '/api/feeds/:feedId', url: '/api/feeds/1' },
    { method: 'PUT', route: '/api/scenarios/:id/feeds/:eventSetId', url: `/api/scenarios/${id}/feeds/briefing-note`, body: { feedId: 1 } },
    { method: 'DELETE', route: '/api/scenarios/:id/feeds/:eventSetId', url: `/api/scenarios/${id}/feeds/briefing-note` },
    { method: 'POST', route: '/api/scenarios/:id/copies', url: `/api/scenarios/${id}/copies`, body: { at: 0 } },
  ];

  it('knows every state-changing route (a new one must be added here)', () => {
    const registered = registeredRoutes(app)
      .filter(({ method, policy }) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && policy.who !== 'anyone')
      .map(({ method, url }) => `${method} ${url}`);
    expect(registered.sort()).toEqual(changes('x').map(({ method, route }) => `${method} ${route}`).sort());
  });

  it('refuses every change from someone signed out', async () => {
    await nothingStored(async () => {
      for (const { method, url, body, headers } of changes(scenario)) refused(await anonymous(method, url, body, headers), 401, `${method} ${url}`);
      // A made-up cookie and token are no better.
      for (const { method, url, body, headers } of changes(scenario)) {
        refused(await anonymous(method, url, body, { ...headers, cookie: 'tripwire_session=made-up', 'x-csrf-token': owner.csrfToken }), 401, `${method} ${url} with a made-up cookie`);
      }
    });
  });

  it('refuses a session cookie after sign-out', async () => {
    const olive = await signIn(app, 'olive');
    expect((await olive.call('DELETE', '/api/session')).statusCode).toBe(204);
    await nothingStored(async () => {
      refused(await olive.call('GET', '/api/session'), 401, 'GET /api/session');
      refused(await olive.call('GET', `/api/scenarios/${scenario}`), 401, 'GET the scenario');
      for (const { method, url, body, headers } of changes(scenario)) refused(await olive.call(method, url, body, headers), 401, `${method} ${url}`);
    });
  });

  it('refuses a change without the CSRF token, with another session’s, or from another site', async () => {
    const otherOlive = await signIn(app, 'olive');
    await nothingStored(async () => {
      for (const { method, url, body, headers } of changes(scenario)) {
        refused(await owner.call(method, url, body, { ...headers, 'x-csrf-token': '' }), 403, `${method} ${url} without a token`);
        refused(await owner.call(method, url, body, { ...headers, 'x-csrf-token': editor.csrfToken }), 403, `${method} ${url} with eddie's token`);
        refused(await owner.call(method, url, body, { ...headers, 'x-csrf-token': otherOlive.csrfToken }), 403, `${method} ${url} with olive's other session's token`);
        refused(await owner.call(method, url, body, { ...headers, 'x-csrf-token': `${owner.csrfToken}x` }), 403, `${method} ${url} with a longer token`);
        refused(await owner.call(method, url, body, { ...headers, origin: 'https://evil.example' }), 403, `${method} ${url} from another site`);
        refused(await owner.call(method, url, body, { ...headers, origin: 'null' }), 403, `${method} ${url} from an opaque origin`);
      }
      // A sign-in from another site is refused too (no session is made for it).
      refused(await anonymous('POST', '/api/session', { username: 'olive', password: PASSWORD }, { origin: 'https://evil.example' }), 403, 'a cross-site sign-in');
    });
    // The token is not needed to read, and the same origin may change things.
    expect((await owner.call('GET', `/api/scenarios/${scenario}/members`, undefined, { origin: 'https://evil.example' })).statusCode).toBe(200);
    expect((await owner.call('PATCH', `/api/scenarios/${scenario}`, { title: 'Same origin' }, { origin: 'http://localhost:80' })).statusCode).toBe(200);
    // Behind a TLS proxy the browser's origin is https and this process sees http: the same site.
    expect((await owner.call('PATCH', `/api/scenarios/${scenario}`, { title: 'Same origin' }, { origin: 'https://localhost' })).statusCode).toBe(200);
  });

  it('answers an unknown username as a wrong password, then limits 50 wrong passwords in a row with 429 and Retry-After, the right one too, until the window passes', async () => {
    const attempt = (username: string, password: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username, password } });
    const unknown = await attempt('no-one-by-this-name', 'a wrong password', '10.0.0.9');
    const wrong = await attempt('nora', 'a wrong password', '10.0.0.9');
    expect([unknown.statusCode, unknown.json()]).toEqual([401, WRONG]);
    expect([wrong.statusCode, wrong.json(), wrong.headers['set-cookie']]).toEqual([unknown.statusCode, unknown.json(), undefined]);

    await nothingStored(async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++) {
        const response = await attempt('victim', `wrong password ${i}`, '10.0.0.1');
        statuses.push(response.statusCode);
        expect(response.headers['set-cookie']).toBeUndefined();
        if (response.statusCode === 429) {
          const retryAfter = Number(response.headers['retry-after']);
          expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= WINDOW_SECONDS, `Retry-After ${response.headers['retry-after']}`).toBe(true);
          expect(response.json()).toEqual({ error: expect.stringMatching(/too many/i) });
        } else expect(response.json()).toEqual(WRONG);
      }
      expect(statuses).toEqual([...Array(FAILURES_PER_USERNAME).fill(401), ...Array(50 - FAILURES_PER_USERNAME).fill(429)]);
      // The right password, from anywhere, is refused as well while the window lasts.
      for (const address of ['10.0.0.1', '10.0.0.2']) {
        const right = await attempt('victim', PASSWORD, address);
        expect(right.statusCode).toBe(429);
        expect(right.headers['retry-after']).toBeDefined();
      }
    });
    // Others may still sign in from that address.
    expect((await attempt('nora', PASSWORD, '10.0.0.1')).statusCode).toBe(200);

    // Fifteen minutes later (the failures moved back in time), the right password works.
    await db.query("update sign_in_failures set at = at - make_interval(secs => $1) where key = 'user:victim'", [WINDOW_SECONDS + 1]);
    expect((await attempt('victim', PASSWORD, '10.0.0.1')).statusCode).toBe(200);

    const audit = await db.query<{ action: string; n: string }>("select action, count(*) as n from audit_log where target = 'victim' and action like 'sign-in%' group by action order by action");
    expect(audit.map(({ action, n }) => [action, Number(n)])).toEqual([
      ['sign-in-failed', FAILURES_PER_USERNAME],
      ['sign-in-limited', 50 - FAILURES_PER_USERNAME + 2],
    ]);
  });

  it('limits failed sign-ins from one address, whatever the usernames', async () => {
    const from = '10.0.0.3';
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) {
      expect((await app.inject({ method: 'POST', url: '/api/session', remoteAddress: from, payload: { username: `guess-${i}`, password: 'a wrong password' } })).statusCode).toBe(401);
    }
    const limited = await app.inject({ method: 'POST', url: '/api/session', remoteAddress: from, payload: { username: 'nora', password: PASSWORD } });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject({ method: 'POST', url: '/api/session', remoteAddress: '10.0.0.4', payload: { username: 'nora', password: PASSWORD } })).statusCode).toBe(200);
  });

  it('keeps SQL-injection strings as text: in usernames, titles, ids and member names', async () => {
    await nothingStored(async () => {
      for (const text of INJECTIONS) {
        for (const [username, password] of [[text, PASSWORD], ['olive', text], [text, text]]) {
          const response = await app.inject({ method: 'POST', url: '/api/session', remoteAddress: '10.0.1.1', payload: { username, password } });
          expect([response.statusCode, response.json()], `sign in as ${username} / ${password}`).toEqual([401, WRONG]);
        }
        await db.query("delete from sign_in_failures where key = 'address:10.0.1.1'");
        const id = encodeURIComponent(text);
        for (const [method, url] of [['GET', `/api/scenarios/${id}`], ['GET', `/api/scenarios/${id}/edits`], ['DELETE', `/api/scenarios/${id}`], ['PATCH', `/api/scenarios/${id}`], ['GET', `/api/scenarios/${scenario}/events/${id}`]] as const) {
          refused(await owner.call(method, url, method === 'PATCH' ? { title: 'x' } : undefined), 404, `${method} ${url}`);
        }
        for (const method of ['PUT', 'DELETE'] as const) {
          refused(await owner.call(method, `/api/scenarios/${scenario}/members/${id}`, method === 'PUT' ? { role: 'viewer' } : undefined), 404, `${method} member ${text}`);
        }
        refused(await owner.call('PUT', `/api/scenarios/${scenario}/owner`, { username: text }), 404, `hand over to ${text}`);
        refused(await owner.call('GET', `/api/scenarios/${scenario}/edits?after=${encodeURIComponent(`0 ${text}`)}`), 400, 'after=');
      }
    });
    // A title is kept exactly as written, in the list and in the scenario as its journal leaves it.
    for (const title of INJECTIONS) {
      expect((await owner.call('PATCH', `/api/scenarios/${scenario}`, { title })).statusCode).toBe(200);
      const listed = ((await owner.call('GET', '/api/scenarios')).json() as { scenarios: { id: string; title: string; seq: number }[] }).scenarios.find((s) => s.id === scenario)!;
      expect(listed.title).toBe(title);
      expect(JSON.parse((await owner.call('GET', `/api/scenarios/${scenario}/document?at=${listed.seq}`)).body).title).toBe(title);
    }
    expect((await db.query<{ n: string }>('select count(*) as n from people'))[0]!.n).toEqual(expect.anything());
    expect(Number((await db.query<{ n: string }>('select count(*) as n from people'))[0]!.n)).toBe(6);
    expect(Number((await db.query<{ n: string }>('select count(*) as n from scenarios where id = $1', [scenario]))[0]!.n)).toBe(1);
  });

  it('refuses path-traversal strings in scenario ids as it refuses a missing scenario', async () => {
    const missing = await owner.call('GET', '/api/scenarios/no-such-scenario');
    await nothingStored(async () => {
      for (const id of TRAVERSALS) {
        for (const suffix of ['', '/members', '/edits']) {
          const response = await owner.call('GET', `/api/scenarios/${id}${suffix}`);
          expect(response.statusCode, `${id}${suffix}`).toBe(404);
          if (suffix === '') expect(response.body).toBe(missing.body);
        }
        expect((await owner.call('DELETE', `/api/scenarios/${id}`)).statusCode).toBe(404);
        expect((await owner.call('PUT', `/api/scenarios/${scenario}/members/${id}`, { role: 'viewer' })).statusCode).toBe(404);
      }
      // A whole dot segment is resolved away before routing (as URLs are): no route, whatever exists.
      for (const path of ['/api/scenarios/%2e%2e', `/api/scenarios/%2e%2e/${scenario}`, `/api/scenarios/${scenario}/members/%2e%2e`]) {
        refused(await owner.call('DELETE', path), 404, path);
      }
    });
  });

  it('serves nothing from outside the built app', async () => {
    const paths = [
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/....//....//secret.txt',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      '/assets/%00../secret.txt',
    ];
    for (const path of paths) {
      const response = await app.inject({ method: 'GET', url: path });
      expect(response.body, path).not.toMatch(/THE SECRET|root:/);
      expect(response.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, path).toBeLessThan(500);
    }
    // A link with a strange id redirects without it; /s/.. is the app's own folder.
    for (const path of ['/s/..%2f..', '/s/..%2f..%2fpackage.json', '/s/%2e%2e%2f']) {
      const response = await app.inject({ method: 'GET', url: path });
      expect([response.statusCode, response.headers.location], path).toEqual([302, '../?shared=']);
    }
    for (const path of ['/s/..', '/s/%2e%2e', '/s/%2e%2e/%2e%2e/secret.txt', '/api/scenarios/....//....//etc', '/api/..%2f..%2fsecret.txt']) {
      const response = await app.inject({ method: 'GET', url: path });
      expect(response.body, path).not.toMatch(/THE SECRET/);
      expect(response.statusCode, path).toBeLessThan(500);
      if (response.statusCode === 200) expect(response.body, path).toContain('<title>Tripwire</title>');
    }
    expect((await app.inject({ method: 'GET', url: `/s/${scenario}` })).headers.location).toBe(`../?shared=${scenario}`);
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });

  it('refuses bodies over their limits with 413', async () => {
    const big = JSON.stringify({ entries: [{ ...entry(), padding: 'x'.repeat(1024 * 1024) }] });
    await nothingStored(async () => {
      const edits = await editor.call('POST', `/api/scenarios/${scenario}/edits`, big);
      refused(edits, 413, 'a 1 MB edit');
      expect(edits.json().error).toMatch(/1 MB/);
      refused(await owner.call('PATCH', `/api/scenarios/${scenario}`, { title: 'x'.repeat(1024 * 1024 + 1) }), 413, 'a 1 MB title');
      refused(await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'olive', password: 'x'.repeat(1024 * 1024 + 1) } }), 413, 'a 1 MB password');
      // A scenario document may be 400 MB; one that says it is larger is refused before it is read.
      const declared = { 'content-length': String(MAX_SCENARIO_FILE_BYTES + 1) };
      refused(await owner.call('POST', '/api/scenarios', BALTIC, declared), 413, 'a 400 MB document');
      refused(await editor.call('PUT', `/api/scenarios/${scenario}`, JSON.stringify({ ...JSON.parse(BALTIC), id: scenario }), { ...declared, 'tripwire-seq': '1' }), 413, 'a 400 MB replacement');
      // A document of 1.5 MB is no JSON call: it is taken.
    });
    const large = JSON.parse(BALTIC) as { sources: { text: string }[] };
    large.sources[0]!.text += ' '.repeat(1_500_000);
    expect((await owner.call('POST', '/api/scenarios', JSON.stringify(large))).statusCode).toBe(201);
  });

  it('reads a document as it streams and stops at the size limit', async () => {
    // As a request's body arrives: a chunk at a time, asynchronously; the reader stops it at the limit.
    const body = new PassThrough();
    let written = 0;
    void (async () => {
      for (let i = 0; i < BALTIC.length && !body.destroyed; i += 100, written = i) {
        body.write(BALTIC.slice(i, i + 100));
        await setImmediate();
      }
      body.end();
    })();
    const opened = await readScenarioDocument(body, 1000);
    expect(opened).toEqual({ ok: false, issues: [{ location: 'byte 1,001', message: 'the file is larger than the 1,000-byte limit' }] });
    expect(body.destroyed).toBe(true);
    expect(written).toBeLessThan(2000);
    expect((await readScenarioDocument(Readable.from([Buffer.from(BALTIC)]), BALTIC.length + 10)).ok).toBe(true);
  });

  it('refuses malformed JSON with a readable 400, and what is not JSON with 415', async () => {
    await nothingStored(async () => {
      for (const body of ['{"entries": [', 'not json', '{"title": "x",}', '']) {
        const response = await owner.call('PATCH', `/api/scenarios/${scenario}`, body);
        refused(response, 400, `PATCH ${JSON.stringify(body)}`);
        expect(response.json().error.length).toBeGreaterThan(10);
      }
      refused(await editor.call('POST', `/api/scenarios/${scenario}/edits`, '{"entries": [{"id": '), 400, 'edits cut short');
      refused(await anonymous('POST', '/api/session', '{"username": "olive", "password": '), 400, 'a sign-in cut short');
      refused(await owner.call('PATCH', `/api/scenarios/${scenario}`, 'title=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'a form');
      refused(await owner.call('POST', '/api/scenarios', BALTIC, { 'content-type': 'text/plain' }), 415, 'a document as text');
      refused(await owner.call('PATCH', `/api/scenarios/${scenario}`, '{"title": "x"}', { 'content-type': 'text/plain' }), 415, 'a rename as text');
      refused(await anonymous('POST', '/api/session', JSON.stringify({ username: 'olive', password: PASSWORD }), { 'content-type': 'text/plain' }), 415, 'a sign-in as text');
      // Well-formed JSON of the wrong shape: the message says where.
      const wrongShape = await editor.call('POST', `/api/scenarios/${scenario}/edits`, { entries: [{ ...entry(), step: 'take-over' }] });
      refused(wrongShape, 400, 'a wrong step');
      expect(wrongShape.json().error).toMatch(/entries\.0\.step|entries\[0\]\.step/);
      refused(await editor.call('POST', `/api/scenarios/${scenario}/edits`, { entries: [{ ...entry(), author: 'olive' }] }), 400, 'an entry naming its author');
    });
  });

  it('refuses a malformed scenario document, saying where, and keeps nothing of it', async () => {
    const document = JSON.parse(BALTIC) as { events: { features: { properties: Record<string, unknown> }[] } };
    document.events.features[1]!.properties.date = 'the day after tomorrow';
    const cutShort = BALTIC.slice(0, BALTIC.length / 2);
    await nothingStored(async () => {
      const badDate = await owner.call('POST', '/api/scenarios', JSON.stringify(document));
      refused(badDate, 400, 'a bad date');
      expect(badDate.json().error).toMatch(/nothing was kept.*events › features\[1\].*properties\.date: /);
      const truncated = await owner.call('POST', '/api/scenarios', cutShort);
      refused(truncated, 400, 'a document cut short');
      expect(truncated.json().error).toMatch(/line \d+|end/i);
      refused(await owner.call('POST', '/api/scenarios', '{"tripwire": 99}'), 400, 'a future format');
      refused(await owner.call('POST', '/api/scenarios', '[]'), 400, 'not a document');
      refused(await owner.call('POST', '/api/scenarios'), 400, 'no body');
      // A replacement that fails keeps the stored version.
      refused(await editor.call('PUT', `/api/scenarios/${scenario}`, JSON.stringify({ ...document, id: scenario }), { 'tripwire-seq': '1' }), 400, 'a bad replacement');
      refused(await editor.call('PUT', `/api/scenarios/${scenario}`, cutShort.replace(/"id": "[^"]*"/, `"id": "${scenario}"`), { 'tripwire-seq': '1' }), 400, 'a replacement cut short');
    });
  });

  it('lets no member raise their own access, take the scenario or share it', async () => {
    await nothingStored(async () => {
      refused(await viewer.call('PUT', `/api/scenarios/${scenario}/members/vic`, { role: 'editor' }), 403, 'a viewer making themselves an editor');
      refused(await editor.call('PUT', `/api/scenarios/${scenario}/members/eddie`, { role: 'editor' }), 403, 'an editor setting their own role');
      refused(await editor.call('PUT', `/api/scenarios/${scenario}/owner`, { username: 'eddie' }), 403, 'an editor taking the scenario');
      refused(await viewer.call('PUT', `/api/scenarios/${scenario}/owner`, { username: 'vic' }), 403, 'a viewer taking the scenario');
      refused(await editor.call('PUT', `/api/scenarios/${scenario}/members/nora`, { role: 'viewer' }), 403, 'an editor sharing');
      refused(await editor.call('DELETE', `/api/scenarios/${scenario}/members/vic`), 403, 'an editor unsharing');
      refused(await editor.call('PUT', `/api/scenarios/${scenario}/everyone`, { role: 'editor' }), 403, 'an editor sharing with everyone');
      refused(await editor.call('PATCH', `/api/scenarios/${scenario}`, { title: 'Mine now' }), 403, 'an editor renaming');
      refused(await editor.call('DELETE', `/api/scenarios/${scenario}`), 403, 'an editor deleting');
      refused(await viewer.call('POST', `/api/scenarios/${scenario}/edits`, { entries: [entry()] }), 403, 'a viewer editing');
    });
  });
});
