// The team features' client side without a server: the API client against a fake fetch (what it
// sends, how it reads answers and errors, how it tells a team server from `npm start`), the server
// storage's own bookkeeping (the journal read on from the document's place, in pages; others' edits
// heard, not its own), and the pure parts (library rows, links, sign-in messages, times).
// tests/browser/team.test.ts runs all of it against a real server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTeamApi, TeamApiError, type FetchLike, type ServerJournalEntry, type SharedScenarioRow, type TeamApi } from '../../src/team/team-api';
import { libraryRowsOf, sharedIdOf, signInErrorOf, startHashOf, withSharedId } from '../../src/team/library';
import { committedOfEntry, serverStorage, storedScenarioOfRow, type WriteScenarioDocument } from '../../src/storage/server-storage';
import { absoluteTime, relativeTime } from '../../src/ui/team/relative-time';
import { canEditOpenScenario, sharedLabel } from '../../src/data/slices/team';
import type { ScenarioHead } from '../../src/data/scenario-schema';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });

/** A fetch that records each call and answers from `answer`. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; method: string; headers: Headers; body: unknown }[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({ url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body });
    return answer(url, init);
  };
  return { fetch, calls };
}

const row = (fields: Partial<SharedScenarioRow>): SharedScenarioRow => ({
  id: 'abc',
  title: 'A title',
  owner: 'alice',
  access: 'owner',
  everyone: null,
  eventCount: 3,
  seq: 0,
  updatedAt: '2026-12-07T10:00:00.000Z',
  updatedBy: 'alice',
  ...fields,
});

describe('the team API client', () => {
  it('resolves relative URLs against the base, sends the CSRF token on changes only, and reads JSON', async () => {
    const { fetch, calls } = fakeFetch((url) => {
      if (url.endsWith('api/session')) return json(200, { user: { username: 'alice', role: 'admin' }, csrfToken: 'token-1' });
      if (url.endsWith('api/scenarios')) return json(200, { scenarios: [row({})] });
      return json(200, { ok: true });
    });
    const api = createTeamApi({ fetch, baseUrl: 'http://team.example/desk/?shared=x#s=y' });
    expect(await api.signIn('alice', 'secret password')).toEqual({ username: 'alice', role: 'admin' });
    expect(api.csrfToken).toBe('token-1');
    await api.listScenarios();
    await api.setMember('a b', 'bob/../x', 'viewer');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST http://team.example/desk/api/session',
      'GET http://team.example/desk/api/scenarios',
      'PUT http://team.example/desk/api/scenarios/a%20b/members/bob%2F..%2Fx',
    ]);
    expect(calls[0]!.body).toBe(JSON.stringify({ username: 'alice', password: 'secret password' }));
    expect(calls[1]!.headers.get('X-CSRF-Token')).toBeNull();
    expect(calls[2]!.headers.get('X-CSRF-Token')).toBe('token-1');
    expect(calls[2]!.headers.get('Content-Type')).toBe('application/json');
  });

  it('turns an error into a TeamApiError with the server’s sentence, its status and Retry-After', async () => {
    const { fetch } = fakeFetch(() => json(429, { error: 'Too many failed sign-ins; try again in 15 minutes.' }, { 'Retry-After': '900' }));
    const failed = await createTeamApi({ fetch, baseUrl: 'http://x/' }).signIn('a', 'b').catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TeamApiError);
    expect(failed).toMatchObject({ status: 429, retryAfter: 900, message: 'Too many failed sign-ins; try again in 15 minutes.' });
    // Not JSON (a proxy's page): the status says what happened.
    const { fetch: proxy } = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    expect(await createTeamApi({ fetch: proxy, baseUrl: 'http://x/' }).listScenarios().catch((error: unknown) => error)).toMatchObject({ status: 502, message: 'The server answered 502 Bad Gateway.' });
    // No answer at all.
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await createTeamApi({ fetch: down, baseUrl: 'http://x/' }).listScenarios().catch((error: unknown) => error)).toMatchObject({ status: 0, message: 'The team server cannot be reached (fetch failed).' });
  });

  it('counts only a JSON {"ok": true} as a team server: under npm start health is the app’s HTML or a 404', async () => {
    const availableWith = (response: () => Response) => createTeamApi({ fetch: async () => response(), baseUrl: 'http://x/' }).available();
    expect(await availableWith(() => new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }))).toBeNull();
    expect(await availableWith(() => new Response('Not found', { status: 404 }))).toBeNull();
    expect(await availableWith(() => json(200, { ok: false }))).toBeNull();
    expect(await availableWith(() => new Response('{"ok": tru', { status: 200, headers: { 'Content-Type': 'application/json' } }))).toBeNull();
    expect(await createTeamApi({ fetch: async () => Promise.reject(new TypeError('offline')), baseUrl: 'http://x/' }).available()).toBeNull();
    expect(await availableWith(() => json(200, { ok: true, database: 'pglite', version: '0.1.0' }))).toEqual({ ok: true, database: 'pglite', version: '0.1.0' });
  });

  it('reads the session (null when signed out), and tells the page when a call finds the session ended', async () => {
    let signedIn = false;
    const { fetch } = fakeFetch((url) => (signedIn ? json(200, url.endsWith('session') ? { user: { username: 'bob', role: 'member' }, csrfToken: 't' } : { scenarios: [] }) : json(401, { error: 'Sign in first.' })));
    const onSignedOut = vi.fn();
    const api = createTeamApi({ fetch, baseUrl: 'http://x/', onSignedOut });
    expect(await api.currentSession()).toBeNull();
    expect(onSignedOut).not.toHaveBeenCalled(); // asking who is signed in is not a session ending
    signedIn = true;
    expect(await api.currentSession()).toEqual({ username: 'bob', role: 'member' });
    signedIn = false;
    await expect(api.listScenarios()).rejects.toMatchObject({ status: 401 });
    expect(onSignedOut).toHaveBeenCalledTimes(1);
  });

  it('gives a scenario’s document with its journal place, and null for a 404', async () => {
    const { fetch, calls } = fakeFetch((url) => (url.includes('missing') ? json(404, { error: 'This scenario does not exist or has not been shared with you.' }) : new Response('{"tripwire":1}', { headers: { 'Tripwire-Seq': '42' } })));
    const api = createTeamApi({ fetch, baseUrl: 'http://x/' });
    expect(await api.readScenario('missing')).toBeNull();
    const read = await api.readScenario('here');
    expect(read?.seq).toBe(42);
    expect(await read?.response.text()).toBe('{"tripwire":1}');
    await api.saveScenario('here', new Blob(['{}']), 42);
    expect(calls.at(-1)!.headers.get('Tripwire-Seq')).toBe('42');
  });
});

describe('the server storage', () => {
  const documents: WriteScenarioDocument = () => new Blob(['{}']);
  /** The head the server stores, as a document had it (its own id, read-only): the storage must not trust either. */
  const storedHead = { tripwire: 1, id: 'doc-own-id', title: 'T', readOnly: true, views: [{ id: 'main', title: 'Main', bounds: [0, 0, 10, 10] }], eventSets: [] };
  const entry = (seq: number, id = `entry-${seq}`): ServerJournalEntry => ({ id, seq, step: 'do', edits: [], madeAt: '2026-12-07T10:00:00.000Z', author: 'alice' });

  /** An API whose journal holds `journal`, answering `after` in pages of 1,000. */
  function fakeApi(journal: ServerJournalEntry[], documentSeq = 0) {
    const asked: number[] = [];
    const api = {
      server: 'http://x/api/',
      readPacked: async () => ({ head: storedHead, seq: documentSeq, parts: 0 }),
      readEdits: async (_id: string, after = 0) => {
        asked.push(after);
        return journal.filter((item) => item.seq > after).slice(0, 1000);
      },
      appendEdits: async (_id: string, entries: { id: string }[]) => entries.map((item) => {
        const seq = journal.length + 1;
        journal.push(entry(seq, item.id));
        return { id: item.id, seq };
      }),
      saveScenario: vi.fn(async () => ({ seq: journal.length })),
      listScenarios: async () => [row({ id: 'abc' })],
      // No EventSource in Node: the storage polls.
      streamEdits: () => null,
    } as unknown as TeamApi;
    return { api, asked };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the journal on from the place the document includes, a page at a time, and saves saying how far it has read', async () => {
    const journal = Array.from({ length: 2_500 }, (_, index) => entry(index + 1));
    const { api, asked } = fakeApi(journal, 200);
    const storage = serverStorage(api, documents);
    const read = await storage.readScenario('abc');
    // The server's id and access rule, not the document's.
    expect(read?.head).toMatchObject({ id: 'abc' });
    expect(read?.head.readOnly).toBeUndefined();
    const edits = await storage.readEdits('abc');
    expect(edits).toHaveLength(2_300);
    expect(edits[0]).toEqual({ scenarioId: 'abc', seq: 201, step: 'do', edits: [], author: 'alice', madeAt: '2026-12-07T10:00:00.000Z' });
    expect(asked).toEqual([200, 1200, 2200]);
    expect((await storage.readEdits('abc', 2_400)).map((item) => item.seq)).toEqual(Array.from({ length: 100 }, (_, index) => 2_401 + index));
    await storage.saveScenario({ id: 'abc' } as ScenarioHead, []);
    expect(api.saveScenario).toHaveBeenCalledWith('abc', expect.any(Blob), 2_500);
    expect(await storage.hasScenario('abc')).toBe(true);
    storage.close();
  });

  it('resolves an edit with its committed place, and its watcher hears others’ edits, not its own', async () => {
    vi.useFakeTimers();
    const journal: ServerJournalEntry[] = [];
    const { api } = fakeApi(journal);
    let made = 0;
    const storage = serverStorage(api, documents, { pollEvery: 2_000, newId: () => `mine-${++made}` });
    await storage.signedIn('alice');
    await storage.readScenario('abc');
    const heard = vi.fn();
    const stop = storage.watch('abc', heard);
    const committed = await storage.appendEdit({ scenarioId: 'abc', step: 'do', edits: [], author: 'alice', madeAt: '2026-12-07T10:00:00.000Z' });
    expect(committed.seq).toBe(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(heard).not.toHaveBeenCalled(); // its own edit
    journal.push(entry(2, 'someone-elses'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(heard).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(heard).toHaveBeenCalledTimes(1); // nothing new
    stop();
    journal.push(entry(3, 'later'));
    await vi.advanceTimersByTimeAsync(6_000);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('keeps no imports on its own, and says why when asked to', async () => {
    const storage = serverStorage(fakeApi([]).api, documents);
    const discard = vi.fn();
    expect(await storage.listImports()).toEqual([]);
    expect(await storage.keepImport({ discard } as never)).toMatchObject({ stored: false, reason: expect.stringContaining('not kept on the team server') });
    expect(discard).toHaveBeenCalled();
  });

  it('lists a library row as a stored scenario with its title, and a journal entry as the session reads it', () => {
    expect(storedScenarioOfRow(row({ id: 'x1', title: 'Shared', eventCount: 9, updatedAt: '2026-12-01T00:00:00.000Z' }))).toMatchObject({ id: 'x1', head: { id: 'x1', title: 'Shared' }, eventCount: 9, savedAt: '2026-12-01T00:00:00.000Z' });
    expect(committedOfEntry('s', entry(7))).toEqual({ scenarioId: 's', seq: 7, step: 'do', edits: [], author: 'alice', madeAt: '2026-12-07T10:00:00.000Z' });
  });
});

describe('the team’s pure parts', () => {
  it('lists the library most recently changed first, without the journal place', () => {
    const rows = libraryRowsOf([row({ id: 'old', updatedAt: '2026-01-01T00:00:00.000Z' }), row({ id: 'new', updatedAt: '2026-12-01T00:00:00.000Z', access: 'viewer', owner: 'bob', everyone: 'viewer' })]);
    expect(rows.map((item) => item.id)).toEqual(['new', 'old']);
    expect(rows[0]).toEqual({ id: 'new', title: 'A title', owner: 'bob', access: 'viewer', everyone: 'viewer', eventCount: 3, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: 'alice' });
  });

  it('reads ?shared= links, refusing what is not a scenario id, and writes them', () => {
    expect(sharedIdOf('?shared=k2m4n6p8q9r3s5t7')).toBe('k2m4n6p8q9r3s5t7');
    expect(sharedIdOf('?shared=..%2F..%2Fetc')).toBeNull();
    expect(sharedIdOf('?shared=%3Cscript%3E')).toBeNull();
    expect(sharedIdOf('?scenario=x.json')).toBeNull();
    expect(withSharedId('http://h/app/?a=1#t=2', 'abc')).toBe('/app/?a=1&shared=abc#t=2');
    expect(withSharedId('http://h/app/?shared=abc#t=2', null)).toBe('/app/#t=2');
    // A shared link's hash does not name a scenario of this browser's library.
    expect(startHashOf('#s=abc&t=2023-01-11', '?shared=abc')).toBe('#t=2023-01-11');
    expect(startHashOf('#s=abc', '?shared=abc')).toBe('');
    expect(startHashOf('#s=mine&t=1', '')).toBe('#s=mine&t=1');
  });

  it('says why signing in failed, with the minutes to wait after too many tries', () => {
    expect(signInErrorOf(new TeamApiError(401, 'Unknown username or wrong password.'))).toBe('Unknown username or wrong password.');
    expect(signInErrorOf(new TeamApiError(429, 'Too many', 840))).toBe('Too many failed sign-ins; try again in 14 minutes.');
    expect(signInErrorOf(new TeamApiError(429, 'Too many', 30))).toBe('Too many failed sign-ins; try again in 1 minute.');
    expect(signInErrorOf(new TeamApiError(429, 'Too many'))).toBe('Too many failed sign-ins; try again in 15 minutes.');
  });

  it('says when a scenario was changed, relative and exact', () => {
    const now = Date.parse('2026-12-07T12:00:00.000Z');
    expect(relativeTime('2026-12-07T11:59:30.000Z', now)).toBe('just now');
    expect(relativeTime('2026-12-07T11:59:00.000Z', now)).toBe('1 minute ago');
    expect(relativeTime('2026-12-07T09:00:00.000Z', now)).toBe('3 hours ago');
    expect(relativeTime('2026-12-06T09:00:00.000Z', now)).toBe('yesterday');
    expect(relativeTime('2026-12-01T12:00:00.000Z', now)).toBe('6 days ago');
    expect(relativeTime('2026-03-01T12:00:00.000Z', now)).toBe('on 1 Mar 2026');
    expect(relativeTime('2026-12-07T12:05:00.000Z', now)).toBe('just now'); // a clock ahead
    expect(absoluteTime('2026-12-07T20:45:00.000Z')).toBe('7 Dec 2026, 20:45 UTC');
  });

  it('tells a viewer from those who may edit', () => {
    expect(canEditOpenScenario({ openShared: null })).toBe(true);
    expect(canEditOpenScenario({ openShared: { id: 'a', access: 'editor', owner: 'x' } })).toBe(true);
    expect(canEditOpenScenario({ openShared: { id: 'a', access: 'viewer', owner: 'x' } })).toBe(false);
    expect(sharedLabel({ id: 'a', access: 'viewer', owner: 'x' })).toBe('Shared · view only');
    expect(sharedLabel({ id: 'a', access: 'owner', owner: 'x' })).toBe('Shared · you can edit');
    expect(sharedLabel(null)).toBeNull();
  });
});
