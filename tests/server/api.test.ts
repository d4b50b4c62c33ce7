// The team server's API as docs/api.md states it, through Fastify's inject, on both databases the
// server runs on (PGlite and a real PostgreSQL 15): one database per engine, shared by its cases,
// each case publishing scenarios of its own.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, addPeople, openTestDatabase, signIn, startApp, PASSWORD, type SignedInClient } from './test-server';
import type { Database } from '../../src/server/db/database';
import { removePerson, resetPassword, setRole } from '../../src/server/accounts/people';
import { readScenarioDocument } from '../../src/server/scenarios/read-document';
import type { TripwireEvent } from '../../src/data/events';

const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8');
const BUILT_IN = readFileSync(new URL('../../public/scenarios/built-in.tripwire.json', import.meta.url), 'utf8');

/** The events a document holds, as the app reads them. */
async function eventsOf(text: string): Promise<TripwireEvent[]> {
  const opened = await readScenarioDocument(Readable.from([Buffer.from(text)]));
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  return opened.value.eventSets.flatMap((set) => set.events);
}

const BALTIC_EVENTS = await eventsOf(BALTIC);

/** One journal entry adding a copy of a Baltic event under a new id. */
function addEventEntry(n: number, id = randomUUID()) {
  const event = { ...BALTIC_EVENTS[0]!, id: `added-event-${n}`, key: 1000 + n, title: `Added event ${n}` };
  return { id, step: 'do' as const, edits: [{ before: null, after: event }], madeAt: new Date().toISOString() };
}

describe.each(ENGINES)('the API on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let ada: SignedInClient; // admin
  let ann: SignedInClient; // member: an owner
  let ben: SignedInClient; // member: shared with
  let cat: SignedInClient; // member: not shared with

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await addPeople(db, { ada: 'admin', ann: 'member', ben: 'member', cat: 'member', dan: 'member', eve: 'member', fay: 'member' });
    app = await startApp(db);
    [ada, ann, ben, cat] = await Promise.all([signIn(app, 'ada'), signIn(app, 'ann'), signIn(app, 'ben'), signIn(app, 'cat')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const publish = async (client: SignedInClient, text = BALTIC) => {
    const response = await client.call('POST', '/api/scenarios', text);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; title: string; eventCount: number; seq: number };
  };
  const count = async (table: string) => Number((await db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

  it('says it is up, and on which database', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, database: engine });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('signs in, says who is signed in, and signs out', async () => {
    const signedOut = await app.inject({ method: 'GET', url: '/api/session' });
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.json()).toEqual({ error: expect.any(String) });

    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'dan', password: PASSWORD } });
    expect(response.statusCode).toBe(200);
    const { user, csrfToken } = response.json() as { user: unknown; csrfToken: string };
    expect(user).toEqual({ username: 'dan', role: 'member' });
    const cookie = response.cookies.find((c) => c.name === 'tripwire_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const cookieHeader = `tripwire_session=${cookie.value}`;

    const session = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookieHeader } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toEqual({ user: { username: 'dan', role: 'member' }, csrfToken });

    // Signing in again from the same browser rotates the session: the old cookie is over.
    const again = await app.inject({ method: 'POST', url: '/api/session', headers: { cookie: cookieHeader }, payload: { username: 'dan', password: PASSWORD } });
    expect(again.statusCode).toBe(200);
    const rotated = again.cookies.find((c) => c.name === 'tripwire_session')!.value;
    expect(rotated).not.toBe(cookie.value);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookieHeader } })).statusCode).toBe(401);

    const headers = { cookie: `tripwire_session=${rotated}`, 'x-csrf-token': (again.json() as { csrfToken: string }).csrfToken };
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'tripwire_session')).toMatchObject({ value: '', maxAge: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/session', headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers })).statusCode).toBe(401);
  });

  it('publishes a document under a new id and streams the same events back', async () => {
    for (const text of [BALTIC, BUILT_IN]) {
      const posted = JSON.parse(text) as { id: string; title: string; events: { features: { properties: Record<string, unknown> }[] } };
      const published = await publish(ann, text);
      expect(published).toMatchObject({ title: posted.title, eventCount: posted.events.features.length, seq: 0 });
      expect(published.id).toMatch(/^[a-z0-9]{16}$/);
      expect(published.id).not.toBe(posted.id);

      const response = await ann.call('GET', `/api/scenarios/${published.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['tripwire-seq']).toBe('0');
      const got = JSON.parse(response.body) as typeof posted;
      expect(got.id).toBe(published.id);
      expect(got.title).toBe(posted.title);
      // The features as posted (the server names each one's event set), and the events the app reads from them.
      expect(got.events.features.map(({ properties: { eventSet: _, ...properties }, ...feature }) => ({ ...feature, properties }))).toEqual(
        posted.events.features.map(({ properties: { eventSet: _, ...properties }, ...feature }) => ({ ...feature, properties })),
      );
      expect(await eventsOf(response.body)).toEqual(await eventsOf(text));
    }
  });

  it('lists what the caller may open, with owner, access and who changed it last', async () => {
    const { id } = await publish(ann);
    const mine = (await ann.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] };
    expect(mine.scenarios[0]).toEqual({
      id,
      title: JSON.parse(BALTIC).title,
      owner: 'ann',
      access: 'owner',
      everyone: null,
      eventCount: BALTIC_EVENTS.length,
      seq: 0,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedBy: 'ann',
    });
    // Not shared: not listed, not readable, and the same answer as for no such scenario.
    expect(((await cat.call('GET', '/api/scenarios')).json() as { scenarios: { id: string }[] }).scenarios.map((s) => s.id)).not.toContain(id);
    const hidden = await cat.call('GET', `/api/scenarios/${id}`);
    const missing = await cat.call('GET', '/api/scenarios/no-such-scenario');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    // An admin does not see it by being an admin.
    expect((await ada.call('GET', `/api/scenarios/${id}`)).statusCode).toBe(404);
  });

  it('shares with a viewer, who may read but not edit or share', async () => {
    const { id } = await publish(ann);
    expect((await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'viewer' })).statusCode).toBe(200);
    expect((await ann.call('GET', `/api/scenarios/${id}/members`)).json()).toEqual({ owner: 'ann', everyone: null, members: [{ username: 'ben', role: 'viewer' }] });

    const listed = ((await ben.call('GET', '/api/scenarios')).json() as { scenarios: { id: string; access: string; owner: string }[] }).scenarios.find((s) => s.id === id);
    expect(listed).toMatchObject({ access: 'viewer', owner: 'ann' });
    const read = await ben.call('GET', `/api/scenarios/${id}`);
    expect(read.statusCode).toBe(200);
    expect(await eventsOf(read.body)).toEqual(BALTIC_EVENTS);
    expect((await ben.call('GET', `/api/scenarios/${id}/members`)).statusCode).toBe(200);

    const edits = await count('edits');
    const forged = await ben.call('POST', `/api/scenarios/${id}/edits`, { entries: [addEventEntry(1)] });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toEqual({ error: expect.any(String) });
    expect(await count('edits')).toBe(edits);
    expect((await ben.call('PUT', `/api/scenarios/${id}`, read.body, { 'tripwire-seq': '0' })).statusCode).toBe(403);
    expect((await ben.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'editor' })).statusCode).toBe(403);
    expect((await ben.call('PUT', `/api/scenarios/${id}/members/cat`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await ben.call('DELETE', `/api/scenarios/${id}/members/ben`)).statusCode).toBe(403);
    expect((await ben.call('PUT', `/api/scenarios/${id}/everyone`, { role: 'editor' })).statusCode).toBe(403);
    expect((await ann.call('GET', `/api/scenarios/${id}/members`)).json()).toMatchObject({ everyone: null, members: [{ username: 'ben', role: 'viewer' }] });

    // Unshared: gone from ben's list, and looks like no scenario at all.
    expect((await ann.call('DELETE', `/api/scenarios/${id}/members/ben`)).statusCode).toBe(204);
    expect((await ben.call('GET', `/api/scenarios/${id}`)).statusCode).toBe(404);
    expect((await ann.call('DELETE', `/api/scenarios/${id}/members/ben`)).statusCode).toBe(404);
  });

  it('takes edits from an editor in one order, acknowledges a resent entry without storing it twice, and pages the journal', async () => {
    const { id } = await publish(ann);
    await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'editor' });

    const first = [addEventEntry(1), addEventEntry(2)];
    const posted = await ben.call('POST', `/api/scenarios/${id}/edits`, { entries: first });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toEqual({ entries: [{ id: first[0]!.id, seq: 1 }, { id: first[1]!.id, seq: 2 }] });
    const second = addEventEntry(3);
    expect((await ann.call('POST', `/api/scenarios/${id}/edits`, { entries: [second] })).json()).toEqual({ entries: [{ id: second.id, seq: 3 }] });

    // A lost answer: the client sends the same entry again (with a new one after it).
    const third = addEventEntry(4);
    const resent = await ben.call('POST', `/api/scenarios/${id}/edits`, { entries: [first[1], third] });
    expect(resent.json()).toEqual({ entries: [{ id: first[1]!.id, seq: 2 }, { id: third.id, seq: 4 }] });
    expect(Number((await db.query<{ n: string }>('select count(*) as n from edits where scenario_id = $1', [id]))[0]!.n)).toBe(4);

    const journal = (await cat.call('GET', `/api/scenarios/${id}/edits?after=0`)).statusCode;
    expect(journal).toBe(404); // not shared with cat
    const all = (await ben.call('GET', `/api/scenarios/${id}/edits?after=0`)).json() as { entries: { id: string; seq: number; author: string; step: string; edits: unknown; madeAt: string }[] };
    expect(all.entries.map((entry) => [entry.seq, entry.id, entry.author])).toEqual([
      [1, first[0]!.id, 'ben'],
      [2, first[1]!.id, 'ben'],
      [3, second.id, 'ann'],
      [4, third.id, 'ben'],
    ]);
    expect(all.entries[0]).toEqual({ ...first[0], seq: 1, author: 'ben', madeAt: new Date(first[0]!.madeAt).toISOString(), stale: false });
    expect(((await ben.call('GET', `/api/scenarios/${id}/edits?after=2`)).json() as typeof all).entries.map((entry) => entry.seq)).toEqual([3, 4]);
    expect(((await ben.call('GET', `/api/scenarios/${id}/edits?after=4`)).json() as typeof all).entries).toEqual([]);
    expect((await ben.call('GET', `/api/scenarios/${id}/edits?after=-1`)).statusCode).toBe(400);

    // The list counts the events and says who changed it last.
    const listed = ((await ann.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] }).scenarios.find((s) => s.id === id);
    expect(listed).toMatchObject({ seq: 4, eventCount: BALTIC_EVENTS.length + 4, updatedBy: 'ben' });
    // The stored document is still the published one: Tripwire-Seq 0, the journal read on from there.
    expect((await ben.call('GET', `/api/scenarios/${id}`)).headers['tripwire-seq']).toBe('0');
  });

  it('reads one event as the journal has left it', async () => {
    const { id } = await publish(ann);
    await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'viewer' });
    const [first, second] = BALTIC_EVENTS as [TripwireEvent, TripwireEvent];
    const read = async (eventId: string) => {
      const response = await ben.call('GET', `/api/scenarios/${id}/events/${encodeURIComponent(eventId)}`);
      return response.statusCode === 200 ? (response.json() as { event: TripwireEvent }).event : response.statusCode;
    };
    expect(await read(first.id)).toEqual(first);
    expect(await read('no-such-event')).toBe(404);

    const changed = { ...first, title: 'Changed by the journal' };
    const madeAt = new Date().toISOString();
    await ann.call('POST', `/api/scenarios/${id}/edits`, { entries: [{ id: randomUUID(), step: 'do', edits: [{ before: first, after: changed }], madeAt }] });
    expect(await read(first.id)).toEqual(changed);
    await ann.call('POST', `/api/scenarios/${id}/edits`, { entries: [{ id: randomUUID(), step: 'do', edits: [{ before: second, after: null }], madeAt }] });
    expect(await read(second.id)).toBe(404);
    expect((await cat.call('GET', `/api/scenarios/${id}/events/${first.id}`)).statusCode).toBe(404);
  });

  it('gives the journal 1,000 entries at a time', async () => {
    const { id } = await publish(ann);
    for (let batch = 0; batch < 3; batch++) {
      const entries = Array.from({ length: 400 }, (_, i) => addEventEntry(batch * 400 + i));
      expect((await ann.call('POST', `/api/scenarios/${id}/edits`, { entries })).statusCode).toBe(200);
    }
    const page = (after: number) => ann.call('GET', `/api/scenarios/${id}/edits?after=${after}`).then((r) => (r.json() as { entries: { seq: number }[] }).entries.map((e) => e.seq));
    const one = await page(0);
    expect(one).toHaveLength(1000);
    expect(one[0]).toBe(1);
    expect(one.at(-1)).toBe(1000);
    const two = await page(one.at(-1)!);
    expect(two).toEqual(Array.from({ length: 200 }, (_, i) => 1001 + i));
  });

  it('keeps a whole new version with PUT and Tripwire-Seq, and renames', async () => {
    const { id } = await publish(ann);
    await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'editor' });
    await ben.call('POST', `/api/scenarios/${id}/edits`, { entries: [addEventEntry(1), addEventEntry(2)] });

    const document = JSON.parse(BALTIC) as { id: string; title: string; events: { features: unknown[] } };
    document.id = id;
    document.title = 'A new version';
    document.events.features = document.events.features.slice(0, 1);
    // Its id must be the scenario's, and its Tripwire-Seq within the journal.
    expect((await ben.call('PUT', `/api/scenarios/${id}`, JSON.stringify({ ...document, id: 'another-id' }), { 'tripwire-seq': '2' })).statusCode).toBe(400);
    expect((await ben.call('PUT', `/api/scenarios/${id}`, JSON.stringify(document))).statusCode).toBe(400);
    expect((await ben.call('PUT', `/api/scenarios/${id}`, JSON.stringify(document), { 'tripwire-seq': '3' })).statusCode).toBe(409);

    const put = await ben.call('PUT', `/api/scenarios/${id}`, JSON.stringify(document), { 'tripwire-seq': '2' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ seq: 2 });
    const read = await ann.call('GET', `/api/scenarios/${id}`);
    expect(read.headers['tripwire-seq']).toBe('2');
    expect(JSON.parse(read.body)).toMatchObject({ id, title: 'A new version' });
    expect(await eventsOf(read.body)).toHaveLength(1);
    const listed = ((await ann.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] }).scenarios.find((s) => s.id === id);
    expect(listed).toMatchObject({ title: 'A new version', eventCount: 1, updatedBy: 'ben', seq: 2 });
    // A version older than the stored one's journal place is refused.
    expect((await ben.call('PUT', `/api/scenarios/${id}`, JSON.stringify(document), { 'tripwire-seq': '1' })).statusCode).toBe(409);

    // Rename: owner only; an edit of the details in the journal, by the owner, over any earlier one
    // (ben's title change below was lost to every later reader when a rename wrote the stored head).
    const details = JSON.parse((await ben.call('GET', `/api/scenarios/${id}/document?at=2`)).body) as Record<string, unknown>;
    const { events: _events, views, layers, ...head } = details;
    const detailsRecord = (title: string) => ({ id: '(details)', kind: 'details', details: { ...head, title }, viewIds: (views as { id: string }[]).map((view) => view.id), layerIds: (layers as { id: string }[]).map((layer) => layer.id) });
    const retitled = await ben.call('POST', `/api/scenarios/${id}/edits`, { entries: [{ id: randomUUID(), step: 'do', edits: [{ before: detailsRecord('A new version'), after: detailsRecord('Ben’s title') }], madeAt: new Date().toISOString() }] });
    expect(retitled.statusCode, retitled.body).toBe(200);
    expect((await ben.call('PATCH', `/api/scenarios/${id}`, { title: 'By an editor' })).statusCode).toBe(403);
    const renamed = await ann.call('PATCH', `/api/scenarios/${id}`, { title: 'Renamed' });
    expect(renamed.statusCode).toBe(200);
    const journal = (await ben.call('GET', `/api/scenarios/${id}/edits?after=3`)).json() as { entries: { author: string; seq: number; edits: { after: { details: { title: string } } }[] }[] };
    expect(journal.entries.map((entry) => [entry.author, entry.edits[0]!.after.details.title])).toEqual([['ann', 'Renamed']]);
    expect(JSON.parse((await ben.call('GET', `/api/scenarios/${id}/document?at=${journal.entries[0]!.seq}`)).body).title).toBe('Renamed');
    expect(((await ben.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] }).scenarios.find((s) => s.id === id)).toMatchObject({ title: 'Renamed', updatedBy: 'ann' });
  });

  it('streams one version whole while another is being kept', async () => {
    const { id } = await publish(ann);
    const version = (title: string, events: number) => {
      const document = JSON.parse(BALTIC) as { id: string; title: string; events: { features: unknown[] } };
      return JSON.stringify({ ...document, id, title, events: { ...document.events, features: document.events.features.slice(0, events) } });
    };
    const versions = [version('Two events', 2), version('One event', 1)];
    expect((await ann.call('PUT', `/api/scenarios/${id}`, versions[1], { 'tripwire-seq': '0' })).statusCode).toBe(200);
    const torn: string[] = [];
    for (let round = 0; round < 30; round++) {
      // Reads one after another for as long as the new version is being kept, so one falls across its commit.
      let kept = false;
      const put = ann.call('PUT', `/api/scenarios/${id}`, versions[round % 2], { 'tripwire-seq': '0' }).finally(() => (kept = true));
      const reader = async () => {
        const reads = [];
        while (!kept) {
          reads.push(await ann.call('GET', `/api/scenarios/${id}`));
          await setImmediate(); // let the upload's body stream on
        }
        return reads;
      };
      const [{ statusCode }, ...readers] = await Promise.all([put, reader(), reader()]);
      expect(statusCode).toBe(200);
      for (const read of readers.flat()) {
        const document = JSON.parse(read.body) as { title: string; events: { features: unknown[] } };
        if (document.title !== ['', 'One event', 'Two events'][document.events.features.length]) torn.push(`“${document.title}” with ${document.events.features.length} events`);
      }
    }
    expect(torn).toEqual([]);
  });

  it('hands over (the old owner stays on as an editor) and deletes', async () => {
    const { id } = await publish(ann);
    await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'viewer' });
    expect((await ben.call('PUT', `/api/scenarios/${id}/owner`, { username: 'ben' })).statusCode).toBe(403);
    expect((await ann.call('PUT', `/api/scenarios/${id}/owner`, { username: 'nobody' })).statusCode).toBe(404);
    const handed = await ann.call('PUT', `/api/scenarios/${id}/owner`, { username: 'ben' });
    expect(handed.statusCode, handed.body).toBe(200);
    expect((await ben.call('GET', `/api/scenarios/${id}/members`)).json()).toEqual({ owner: 'ben', everyone: null, members: [{ username: 'ann', role: 'editor' }] });
    // ann is an editor now: may edit, may not share or delete.
    expect((await ann.call('POST', `/api/scenarios/${id}/edits`, { entries: [addEventEntry(1)] })).statusCode).toBe(200);
    expect((await ann.call('PUT', `/api/scenarios/${id}/members/cat`, { role: 'viewer' })).statusCode).toBe(403);
    expect((await ann.call('DELETE', `/api/scenarios/${id}`)).statusCode).toBe(403);

    const deleted = await ben.call('DELETE', `/api/scenarios/${id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await ben.call('GET', `/api/scenarios/${id}`)).statusCode).toBe(404);
    expect((await ann.call('GET', `/api/scenarios/${id}/edits`)).statusCode).toBe(404);
    for (const table of ['scenario_parts', 'scenario_members', 'edits']) {
      expect(Number((await db.query<{ n: string }>(`select count(*) as n from ${table} where scenario_id = $1`, [id]))[0]!.n), table).toBe(0);
    }
  });

  it('shares with everyone signed in, as viewer or editor, and stops', async () => {
    const { id } = await publish(ann);
    const everyone = async (role: string | null) => expect((await ann.call('PUT', `/api/scenarios/${id}/everyone`, { role })).statusCode).toBe(200);
    const catsEntry = async () => ((await cat.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] }).scenarios.find((s) => s.id === id);

    await everyone('viewer');
    expect(await catsEntry()).toMatchObject({ access: 'viewer', everyone: 'viewer' });
    expect((await cat.call('GET', `/api/scenarios/${id}`)).statusCode).toBe(200);
    expect((await cat.call('POST', `/api/scenarios/${id}/edits`, { entries: [addEventEntry(1)] })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/scenarios/${id}` })).statusCode).toBe(401); // signed in, not the world

    await everyone('editor');
    expect(await catsEntry()).toMatchObject({ access: 'editor', everyone: 'editor' });
    expect((await cat.call('POST', `/api/scenarios/${id}/edits`, { entries: [addEventEntry(1)] })).statusCode).toBe(200);
    expect((await cat.call('PUT', `/api/scenarios/${id}/everyone`, { role: null })).statusCode).toBe(403);

    await everyone(null);
    expect(await catsEntry()).toBeUndefined();
    expect((await cat.call('GET', `/api/scenarios/${id}`)).statusCode).toBe(404);
    expect((await ann.call('PUT', `/api/scenarios/${id}/everyone`, { role: 'owner' })).statusCode).toBe(400);
  });

  it('hands a removed person’s scenarios to the admin who removed them and ends their sessions', async () => {
    await addPeople(db, { gone: 'member' });
    const gone = await signIn(app, 'gone');
    const { id: owned } = await publish(gone);
    const { id: shared } = await publish(ann);
    await ann.call('PUT', `/api/scenarios/${shared}/members/gone`, { role: 'editor' });
    await gone.call('POST', `/api/scenarios/${shared}/edits`, { entries: [addEventEntry(1)] });
    await gone.call('PUT', `/api/scenarios/${owned}/members/ada`, { role: 'viewer' });

    await removePerson(db, 'gone', 'ada');
    expect((await gone.call('GET', '/api/session')).statusCode).toBe(401);
    expect((await gone.call('GET', '/api/scenarios')).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'gone', password: PASSWORD } })).statusCode).toBe(401);

    // ada owns it now (no longer as a viewer), and may hand it on.
    expect((await ada.call('GET', `/api/scenarios/${owned}/members`)).json()).toEqual({ owner: 'ada', everyone: null, members: [] });
    expect(((await ada.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] }).scenarios.find((s) => s.id === owned)).toMatchObject({ owner: 'ada', access: 'owner' });
    // gone's membership ended; their edit stays, under their name.
    expect(((await ann.call('GET', `/api/scenarios/${shared}/members`)).json() as { members: unknown[] }).members).toEqual([]);
    expect(((await ann.call('GET', `/api/scenarios/${shared}/edits`)).json() as { entries: { author: string }[] }).entries.map((e) => e.author)).toEqual(['gone']);
    expect((await ada.call('PUT', `/api/scenarios/${owned}/owner`, { username: 'ann' })).statusCode).toBe(200);
  });

  it('ends sessions at a password reset and at a role change', async () => {
    const eve = await signIn(app, 'eve');
    const fay = await signIn(app, 'fay');
    await resetPassword(db, 'eve', 'a brand new password', 'ada');
    expect((await eve.call('GET', '/api/session')).statusCode).toBe(401);
    expect((await fay.call('GET', '/api/session')).statusCode).toBe(200);
    await expect(signIn(app, 'eve')).rejects.toThrow(/401/);
    const eveAgain = await signIn(app, 'eve', 'a brand new password');

    await setRole(db, 'eve', 'admin', 'ada');
    expect((await eveAgain.call('GET', '/api/session')).statusCode).toBe(401);
    expect(((await (await signIn(app, 'eve', 'a brand new password')).call('GET', '/api/session')).json() as { user: unknown }).user).toEqual({ username: 'eve', role: 'admin' });
    await setRole(db, 'eve', 'member', 'ada');
  });

  it('keeps an audit log of sign-ins, failures, sharing and role changes, for admins only', async () => {
    const last = ((await ada.call('GET', '/api/audit')).json() as { entries: { id: number }[] }).entries.at(-1)?.id ?? 0;
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'dan', password: 'not the password' } })).statusCode).toBe(401);
    const dan = await signIn(app, 'dan');
    const { id } = await publish(dan);
    await dan.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'editor' });
    await dan.call('PUT', `/api/scenarios/${id}/everyone`, { role: 'viewer' });
    await dan.call('PUT', `/api/scenarios/${id}/owner`, { username: 'ann' });
    await setRole(db, 'dan', 'admin', 'ada');
    await setRole(db, 'dan', 'member', 'ada');

    expect((await ann.call('GET', '/api/audit')).statusCode).toBe(403);
    const response = await ada.call('GET', `/api/audit?after=${last}`);
    expect(response.statusCode).toBe(200);
    const entries = (response.json() as { entries: Record<string, unknown>[] }).entries;
    expect(entries.map(({ actor, action, target, detail }) => ({ actor, action, target, detail }))).toEqual([
      { actor: null, action: 'sign-in-failed', target: 'dan', detail: null },
      { actor: 'dan', action: 'sign-in', target: null, detail: null },
      { actor: 'dan', action: 'scenario-published', target: id, detail: { title: JSON.parse(BALTIC).title, events: BALTIC_EVENTS.length } },
      { actor: 'dan', action: 'member-set', target: id, detail: { username: 'ben', role: 'editor' } },
      { actor: 'dan', action: 'everyone-set', target: id, detail: { role: 'viewer' } },
      { actor: 'dan', action: 'scenario-handed-over', target: id, detail: { to: 'ann' } },
      { actor: 'ada', action: 'role-changed', target: 'dan', detail: { from: 'member', to: 'admin' } },
      { actor: 'ada', action: 'role-changed', target: 'dan', detail: { from: 'admin', to: 'member' } },
    ]);
    expect(entries[0]).toMatchObject({ id: expect.any(Number), at: expect.stringMatching(/^\d{4}-/), address: '127.0.0.1' });
    expect(entries.map((entry) => entry.id as number)).toEqual([...entries.map((entry) => entry.id as number)].sort((a, b) => a - b));
  });

  it('gives 20 edits posted at once 20 distinct places, one after another', async () => {
    const { id } = await publish(ann);
    const entries = Array.from({ length: 20 }, (_, i) => addEventEntry(i));
    const responses = await Promise.all(entries.map((entry) => ann.call('POST', `/api/scenarios/${id}/edits`, { entries: [entry] })));
    expect(responses.map((r) => r.statusCode)).toEqual(entries.map(() => 200));
    const seqs = responses.map((r) => (r.json() as { entries: { seq: number }[] }).entries[0]!.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const journal = (await ann.call('GET', `/api/scenarios/${id}/edits`)).json() as { entries: { id: string; seq: number }[] };
    expect(new Map(journal.entries.map((e) => [e.id, e.seq]))).toEqual(new Map(entries.map((e, i) => [e.id, seqs[i]])));
    // The same 20 again, at once: each acknowledged with its place, none stored twice.
    const again = await Promise.all(entries.map((entry) => ann.call('POST', `/api/scenarios/${id}/edits`, { entries: [entry] })));
    expect(again.map((r) => (r.json() as { entries: { seq: number }[] }).entries[0]!.seq)).toEqual(seqs);
    expect(((await ann.call('GET', '/api/scenarios')).json() as { scenarios: Record<string, unknown>[] }).scenarios.find((s) => s.id === id)).toMatchObject({ seq: 20, eventCount: BALTIC_EVENTS.length + 20 });
  });
});
