// Feeds (issue 26, item 6), on both databases: a feed served by a real HTTP server in this process
// adds events to the set that follows it, updates a changed one, and survives a broken answer
// (HTTP 500, a malformed row, a redirect off the admin's list) without touching what is there,
// reporting where it failed; its journal entries are authored "feed:<name>". Only admins list
// addresses; editors follow listed feeds by id. The poller is driven directly (pollDue(now)).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, addPeople, openTestDatabase, signIn, startApp, type SignedInClient } from './test-server';
import type { Database } from '../../src/server/db/database';
import { findEvent } from '../../src/server/scenarios/scenario-store';
import { pollDue } from '../../src/server/feeds/feed-poller';
import { FEED_LIMITS, readFeed } from '../../src/server/feeds/read-feed';
import { claimDue } from '../../src/server/feeds/feed-store';
import { LiveNotices } from '../../src/server/live/live-notices';

const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8');
const HEADER = 'id,date,title,category,actors,status,lon,lat';
const ROW_A = 'feed-ship-sighted,2024-03-01,Ship sighted near Hanko,military-activity,,reported,22.9,59.8';
const ROW_B = 'feed-cable-cut,2024-03-02,Cable cut off Gotland,infrastructure,,reported,18.6,57.4';
const ROW_B_CHANGED = 'feed-cable-cut,2024-03-02,Cable cut off Gotland (confirmed),infrastructure,,confirmed,18.6,57.4';
const MINUTE = 60_000;

type Answer = { status: number; body: string; headers?: Record<string, string> };

describe.each(ENGINES)('feeds on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let feedServer: Server;
  let base: string;
  const answers = new Map<string, Answer>();
  let admin: SignedInClient; // ada
  let owner: SignedInClient; // olive
  let editor: SignedInClient; // eddie
  let viewer: SignedInClient; // vic
  let scenario: string;
  let feedId: number;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  /** A time at which every follow is due again (feeds here are polled every 5 minutes). */
  const later = () => new Date((clock += 10 * MINUTE));

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await addPeople(db, { ada: 'admin', olive: 'member', eddie: 'member', vic: 'member' });
    app = await startApp(db);
    [admin, owner, editor, viewer] = await Promise.all([signIn(app, 'ada'), signIn(app, 'olive'), signIn(app, 'eddie'), signIn(app, 'vic')]);
    scenario = ((await owner.call('POST', '/api/scenarios', BALTIC)).json() as { id: string }).id;
    await owner.call('PUT', `/api/scenarios/${scenario}/members/eddie`, { role: 'editor' });
    await owner.call('PUT', `/api/scenarios/${scenario}/members/vic`, { role: 'viewer' });
    // The feeds' own server: each path answers what the test last set for it.
    feedServer = createServer((request, response) => {
      // Never finishes: the poll must give up at its timeout.
      if (request.url === '/slow.csv') return void response.writeHead(200, { 'content-type': 'text/csv' }).write(`${HEADER}\n`);
      const answer = answers.get(request.url ?? '') ?? { status: 404, body: 'no such feed' };
      response.writeHead(answer.status, { 'content-type': 'text/csv', ...answer.headers }).end(answer.body);
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await new Promise((resolve) => feedServer?.close(resolve));
  });

  const serve = (path: string, status: number, body: string, headers?: Record<string, string>) => answers.set(path, { status, body, ...(headers ? { headers } : {}) });
  const journal = async () => (await viewer.call('GET', `/api/scenarios/${scenario}/edits?after=0`)).json() as { entries: { seq: number; author: string; edits: { before: unknown; after: { id: string } | null }[] }[] };
  const status = async () => ((await viewer.call('GET', `/api/scenarios/${scenario}/feeds`)).json() as { follows: { eventSetId: string; feedName: string; lastPolledAt: string | null; lastOkAt: string | null; lastError: string | null }[] }).follows;
  const addFeed = (who: SignedInClient, name: string, url: string) => who.call('POST', '/api/feeds', { name, url, everyMinutes: 5 });

  it('lets only admins list an address; members see the names, not the addresses', async () => {
    const refused = await addFeed(owner, 'Sneaky', 'http://169.254.169.254/latest/meta-data');
    expect(refused.statusCode).toBe(403);
    expect(await db.query('select * from feeds')).toEqual([]);
    const notHttp = await addFeed(admin, 'Local file', 'file:///etc/passwd');
    expect(notHttp.statusCode).toBe(400);
    expect(notHttp.json()).toEqual({ error: expect.stringMatching(/url: must be an http:\/\/ or https:\/\/ address/) });

    const added = await addFeed(admin, 'Baltic incidents', `${base}/incidents.csv`);
    expect(added.statusCode).toBe(201);
    feedId = (added.json() as { feed: { id: number } }).feed.id;
    expect((await addFeed(admin, 'Baltic incidents', `${base}/other.csv`)).statusCode).toBe(409);

    expect((await owner.call('GET', '/api/feeds')).json()).toEqual({ feeds: [{ id: feedId, name: 'Baltic incidents', everyMinutes: 5 }] });
    expect((await admin.call('GET', '/api/feeds')).json()).toEqual({ feeds: [expect.objectContaining({ id: feedId, url: `${base}/incidents.csv`, addedBy: 'ada' })] });
    const audit = (await admin.call('GET', '/api/audit?after=0')).json() as { entries: { action: string; actor: string; detail: unknown }[] };
    expect(audit.entries.filter((entry) => entry.action === 'feed-added')).toEqual([expect.objectContaining({ actor: 'ada', detail: { name: 'Baltic incidents', url: `${base}/incidents.csv`, everyMinutes: 5 } })]);
  });

  it('lets an editor, not a viewer, have an event set of the scenario follow a listed feed', async () => {
    expect((await viewer.call('PUT', `/api/scenarios/${scenario}/feeds/briefing-note`, { feedId })).statusCode).toBe(403);
    expect((await editor.call('PUT', `/api/scenarios/${scenario}/feeds/no-such-set`, { feedId })).statusCode).toBe(404);
    expect((await editor.call('PUT', `/api/scenarios/${scenario}/feeds/briefing-note`, { feedId: 999_999 })).statusCode).toBe(404);
    expect((await editor.call('PUT', `/api/scenarios/${scenario}/feeds/briefing-note`, { url: `${base}/incidents.csv` })).statusCode).toBe(400);
    const followed = await editor.call('PUT', `/api/scenarios/${scenario}/feeds/briefing-note`, { feedId });
    expect(followed.statusCode).toBe(200);
    expect(await status()).toEqual([expect.objectContaining({ eventSetId: 'briefing-note', feedName: 'Baltic incidents', lastPolledAt: null, lastError: null })]);
  });

  it('adds the feed’s events in one journal entry by the feed, heard live, and changes nothing when nothing changed', async () => {
    serve('/incidents.csv', 200, [HEADER, ROW_A, ROW_B].join('\n'));
    const notices = await LiveNotices.start(db);
    const heard: (number | null)[] = [];
    const stop = notices.onScenario(scenario, (seq) => heard.push(seq));
    const at = later();
    try {
      expect(await pollDue(db, at)).toEqual([{ scenarioId: scenario, eventSetId: 'briefing-note', feedName: 'Baltic incidents', added: 2, updated: 0, error: null }]);
      await expect.poll(() => heard.length).toBeGreaterThan(0);
    } finally {
      stop();
      await notices.stop();
    }
    const { entries } = await journal();
    expect(entries.map((entry) => entry.author)).toEqual(['feed:Baltic incidents']);
    expect(entries[0]!.edits.map((edit) => [edit.before, edit.after?.id]).sort()).toEqual([[null, 'feed-cable-cut'], [null, 'feed-ship-sighted']]);
    expect(heard).toContain(entries[0]!.seq);
    const ship = await findEvent(db, scenario, 'feed-ship-sighted');
    expect(ship).toMatchObject({ title: 'Ship sighted near Hanko', eventSetId: 'briefing-note', geometry: { type: 'Point', coordinates: [22.9, 59.8] } });
    // New keys follow the scenario's own (its two events have 0 and 1).
    expect(ship!.key).toBeGreaterThan(1);
    expect(await status()).toEqual([expect.objectContaining({ lastPolledAt: at.toISOString(), lastOkAt: at.toISOString(), lastError: null })]);

    // Not due again at the same moment; due later, but the same feed adds nothing.
    expect(await pollDue(db, at)).toEqual([]);
    expect(await pollDue(db, later())).toEqual([expect.objectContaining({ added: 0, updated: 0, error: null })]);
    expect((await journal()).entries).toHaveLength(1);
  });

  it('updates a changed event, keeping its key', async () => {
    const before = await findEvent(db, scenario, 'feed-cable-cut');
    serve('/incidents.csv', 200, [HEADER, ROW_A, ROW_B_CHANGED].join('\n'));
    expect(await pollDue(db, later())).toEqual([expect.objectContaining({ added: 0, updated: 1, error: null })]);
    const after = await findEvent(db, scenario, 'feed-cable-cut');
    expect(after).toMatchObject({ title: 'Cable cut off Gotland (confirmed)', status: 'confirmed', key: before!.key });
    const { entries } = await journal();
    expect(entries.map((entry) => entry.author)).toEqual(['feed:Baltic incidents', 'feed:Baltic incidents']);
    expect(entries[1]!.edits).toEqual([{ before: expect.objectContaining({ title: 'Cable cut off Gotland' }), after: expect.objectContaining({ title: 'Cable cut off Gotland (confirmed)' }) }]);
    // The history says so: the feed is who made them, and who changed each event last.
    const history = (await viewer.call('GET', `/api/scenarios/${scenario}/history?author=${encodeURIComponent('feed:Baltic incidents')}`)).json() as { items: { kind: string; author: string }[]; people: string[] };
    expect(history.people).toContain('feed:Baltic incidents');
    expect(history.items.filter((item) => item.kind === 'edit').map((item) => item.author)).toEqual(['feed:Baltic incidents', 'feed:Baltic incidents']);
    const changes = (await viewer.call('GET', `/api/scenarios/${scenario}/changes`)).json() as { changes: Record<string, { author: string }> };
    expect(changes.changes['feed-cable-cut']).toMatchObject({ author: 'feed:Baltic incidents' });
  });

  it('updates an event the stored document holds, found in its packed part', async () => {
    const stored = await findEvent(db, scenario, 'balticconnector-damage-2023-10');
    const row = 'balticconnector-damage-2023-10,2023-10-08,Balticconnector damage confirmed by the feed,military-activity,,confirmed,24.6,59.8';
    serve('/incidents.csv', 200, [HEADER, ROW_A, ROW_B_CHANGED, row].join('\n'));
    expect(await pollDue(db, later())).toEqual([expect.objectContaining({ added: 0, updated: 1, error: null })]);
    expect(await findEvent(db, scenario, 'balticconnector-damage-2023-10')).toMatchObject({ title: 'Balticconnector damage confirmed by the feed', key: stored!.key, eventSetId: 'briefing-note' });
  });

  it('reads a GeoJSON feed with the same import code', async () => {
    const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [21, 58] }, properties: { id: 'feed-geojson-one', title: 'From GeoJSON', date: '2024-04', category: 'statement', actors: [], status: 'reported' } };
    serve('/events', 200, JSON.stringify({ type: 'FeatureCollection', features: [feature] }), { 'content-type': 'application/geo+json' });
    const read = await readFeed(`${base}/events`, new Set([`${base}/events`]), 'briefing-note');
    expect(read).toEqual({ ok: true, events: [expect.objectContaining({ id: 'feed-geojson-one', title: 'From GeoJSON', eventSetId: 'briefing-note', precision: 'month' })] });
  });

  it('survives a broken answer without touching what is there, and says where it failed', async () => {
    const stored = async () => JSON.stringify([await journal(), await db.query('select last_seq, event_count from scenarios')]);
    const kept = await stored();
    const lastOk = (await status())[0]!.lastOkAt;

    serve('/incidents.csv', 500, 'the feed is down');
    expect(await pollDue(db, later())).toEqual([expect.objectContaining({ added: 0, updated: 0, error: 'The feed answered HTTP 500 Internal Server Error.' })]);
    expect(await stored()).toBe(kept);
    expect(await status()).toEqual([expect.objectContaining({ lastOkAt: lastOk, lastError: 'The feed answered HTTP 500 Internal Server Error.' })]);

    // One good new row and one whose date is no date: the whole poll is refused, the good row too.
    serve('/incidents.csv', 200, [HEADER, ROW_A, 'feed-new,2024-03-05,A new one,infrastructure,,reported,20,58', 'feed-bad,yesterday-ish,Bad row,infrastructure,,reported,20,58'].join('\n'));
    const [broken] = await pollDue(db, later());
    expect(broken!.error).toMatch(/^The feed could not be read \(1 problem\): line 4, column "date": /);
    expect(await stored()).toBe(kept);
    expect(await findEvent(db, scenario, 'feed-new')).toBeNull();
    expect((await status())[0]).toMatchObject({ lastOkAt: lastOk, lastError: broken!.error });

    // Back to good: the error is cleared and the new row arrives.
    serve('/incidents.csv', 200, [HEADER, ROW_A, ROW_B_CHANGED, 'feed-new,2024-03-05,A new one,infrastructure,,reported,20,58'].join('\n'));
    expect(await pollDue(db, later())).toEqual([expect.objectContaining({ added: 1, updated: 0, error: null })]);
    expect((await status())[0]).toMatchObject({ lastError: null });
  });

  it('refuses a redirect to an address not on the list, and follows one to a listed address', async () => {
    const kept = JSON.stringify(await journal());
    serve('/incidents.csv', 302, '', { location: `${base}/elsewhere.csv` });
    serve('/elsewhere.csv', 200, [HEADER, 'feed-smuggled,2024-03-06,Smuggled in,infrastructure,,reported,20,58'].join('\n'));
    const [refused] = await pollDue(db, later());
    expect(refused!.error).toBe(`The feed redirected (HTTP 302) to ${base}/elsewhere.csv, an address not on the admin's list of feeds.`);
    expect(JSON.stringify(await journal())).toBe(kept);

    const listed = await addFeed(admin, 'Elsewhere', `${base}/elsewhere.csv`);
    expect(listed.statusCode).toBe(201);
    expect(await pollDue(db, later())).toEqual([expect.objectContaining({ added: 1, error: null })]);
    expect(await findEvent(db, scenario, 'feed-smuggled')).toMatchObject({ title: 'Smuggled in' });
  });

  it('gives up on a feed that answers too slowly or sends too much', async () => {
    const listed = new Set([`${base}/slow.csv`, `${base}/huge.csv`]);
    expect(await readFeed(`${base}/slow.csv`, listed, 'briefing-note', { ...FEED_LIMITS, timeoutMs: 300 })).toEqual({ ok: false, error: 'The feed did not answer in full within 0.3 s.' });
    serve('/huge.csv', 200, [HEADER, ...Array.from({ length: 200 }, () => ROW_A)].join('\n'));
    expect(await readFeed(`${base}/huge.csv`, listed, 'briefing-note', { ...FEED_LIMITS, maxBytes: 4096 })).toEqual({ ok: false, error: 'The feed sent more than 4,096 bytes, the most a feed may send.' });
    // Without a Content-Length the cap is counted as the body arrives.
    serve('/huge.csv', 200, [HEADER, ...Array.from({ length: 200 }, () => ROW_A)].join('\n'), { 'transfer-encoding': 'chunked' });
    expect(await readFeed(`${base}/huge.csv`, listed, 'briefing-note', { ...FEED_LIMITS, maxBytes: 4096 })).toEqual({ ok: false, error: 'The feed sent more than 4,096 bytes, the most a feed may send.' });
    serve('/huge.csv', 200, [HEADER, ROW_A, ROW_B].join('\n'));
    expect(await readFeed(`${base}/huge.csv`, listed, 'briefing-note', { ...FEED_LIMITS, maxEvents: 1 })).toEqual({ ok: false, error: 'The feed holds 2 events; a feed may hold at most 1.' });
  });

  it('polls each due follow once when two processes poll at the same moment', async () => {
    serve('/incidents.csv', 200, [HEADER, ROW_A].join('\n'));
    const at = later();
    // One process has claimed the follow and not yet committed; the other asks meanwhile, waits
    // for the row, then must find it polled.
    let second: Promise<unknown[]> | undefined;
    const first = await db.transaction(async (tx) => {
      const claimed = await claimDue(tx, at);
      second = claimDue(db, at);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return claimed;
    });
    expect(first).toHaveLength(1);
    expect(await second).toEqual([]);
    const next = later();
    expect(await Promise.all([pollDue(db, next), pollDue(db, next)]).then((polls) => polls.flat())).toHaveLength(1);
  });

  it('stops following, and a removed feed takes its follows with it', async () => {
    expect((await viewer.call('DELETE', `/api/scenarios/${scenario}/feeds/briefing-note`)).statusCode).toBe(403);
    expect((await editor.call('DELETE', `/api/scenarios/${scenario}/feeds/briefing-note`)).statusCode).toBe(204);
    expect(await status()).toEqual([]);
    expect(await pollDue(db, later())).toEqual([]);
    expect((await editor.call('PUT', `/api/scenarios/${scenario}/feeds/briefing-note`, { feedId })).statusCode).toBe(200);
    expect((await owner.call('DELETE', `/api/feeds/${feedId}`)).statusCode).toBe(403);
    expect((await admin.call('DELETE', `/api/feeds/${feedId}`)).statusCode).toBe(204);
    expect((await admin.call('DELETE', `/api/feeds/${feedId}`)).statusCode).toBe(404);
    expect(await status()).toEqual([]);
    // What the feed brought stays.
    expect(await findEvent(db, scenario, 'feed-ship-sighted')).not.toBeNull();
    const audit = (await admin.call('GET', '/api/audit?after=0')).json() as { entries: { action: string }[] };
    expect(audit.entries.map((entry) => entry.action).filter((action) => action.startsWith('feed-'))).toEqual(['feed-added', 'feed-followed', 'feed-added', 'feed-unfollowed', 'feed-followed', 'feed-removed']);
  });
});
