// A shared scenario's history on both databases: edits made on a stale base are marked (and still
// win), the history lists who changed what, newest first, by person and a page at a time, every
// whole version is kept, any past state comes back (before and after a whole new version), and a
// past state restored is a new scenario of the person who asked.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, addPeople, openTestDatabase, signIn, startApp, type SignedInClient } from './test-server';
import type { Database } from '../../src/server/db/database';
import { readScenarioDocument } from '../../src/server/scenarios/read-document';
import { headRecords, type HeadRecord } from '../../src/data/editing/head-records';
import type { OpenedScenario } from '../../src/data/open-scenario';
import type { TripwireEvent } from '../../src/data/events';

const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8');

async function opened(text: string): Promise<OpenedScenario> {
  const read = await readScenarioDocument(Readable.from([Buffer.from(text)]));
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value;
}

const BALTIC_OPENED = await opened(BALTIC);
const EVENTS = BALTIC_OPENED.eventSets.flatMap((set) => set.events);
const DETAILS = headRecords(BALTIC_OPENED.head).find((record) => record.id === '(details)') as Extract<HeadRecord, { kind: 'details' }>;

const entry = (edits: unknown[], baseSeq?: number) => ({ id: randomUUID(), step: 'do' as const, edits, madeAt: new Date().toISOString(), ...(baseSeq === undefined ? {} : { baseSeq }) });
const retitled = (event: TripwireEvent, title: string) => ({ ...event, title });

describe.each(ENGINES)('history on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let ann: SignedInClient; // owner
  let ben: SignedInClient; // editor
  let cat: SignedInClient; // viewer

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await addPeople(db, { ann: 'member', ben: 'member', cat: 'member' });
    app = await startApp(db);
    [ann, ben, cat] = await Promise.all([signIn(app, 'ann'), signIn(app, 'ben'), signIn(app, 'cat')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  async function sharedScenario(): Promise<string> {
    const published = await ann.call('POST', '/api/scenarios', BALTIC);
    expect(published.statusCode, published.body).toBe(201);
    const { id } = published.json() as { id: string };
    expect((await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'editor' })).statusCode).toBe(200);
    expect((await ann.call('PUT', `/api/scenarios/${id}/members/cat`, { role: 'viewer' })).statusCode).toBe(200);
    return id;
  }
  const append = async (client: SignedInClient, id: string, edits: unknown[], baseSeq?: number) => {
    const response = await client.call('POST', `/api/scenarios/${id}/edits`, { entries: [entry(edits, baseSeq)] });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { entries: { seq: number }[] }).entries[0]!.seq;
  };
  const documentAt = async (client: SignedInClient, id: string, query: string) => {
    const response = await client.call('GET', `/api/scenarios/${id}/document?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return { seq: Number(response.headers['tripwire-seq']), document: await opened(response.body) };
  };
  const titleOf = (document: OpenedScenario, eventId: string) => document.eventSets.flatMap((set) => set.events).find((event) => event.id === eventId)?.title;

  it('marks an edit made on a stale base, keeps it (the newest wins), and says so in the journal', async () => {
    const id = await sharedScenario();
    const [x, y] = EVENTS;
    const first = await append(ann, id, [{ before: x, after: retitled(x!, 'Ann’s title') }], 0);
    // Ben had seen nothing of Ann's edit: his change of the same event is on a stale base; of another event, not.
    const stale = await append(ben, id, [{ before: x, after: retitled(x!, 'Ben’s title') }], 0);
    const fresh = await append(ben, id, [{ before: y, after: retitled(y!, 'Ben’s other') }], 0);
    // Ann's own earlier edit does not make hers stale; Ben's later one does, until she has seen it.
    const annAgain = await append(ann, id, [{ before: x, after: retitled(x!, 'Ann again') }], first);
    const annSeen = await append(ann, id, [{ before: x, after: retitled(x!, 'Ann, having seen') }], fresh + 1);
    const unsaid = await append(ben, id, [{ before: x, after: retitled(x!, 'No base') }]);

    const journal = (await cat.call('GET', `/api/scenarios/${id}/edits?after=0`)).json() as { entries: { seq: number; stale: boolean; baseSeq?: number }[] };
    expect(journal.entries.map(({ seq, stale, baseSeq }) => [seq, stale, baseSeq])).toEqual([
      [first, false, 0],
      [stale, true, 0],
      [fresh, false, 0],
      [annAgain, true, first],
      [annSeen, false, fresh + 1],
      [unsaid, false, undefined],
    ]);
    // Nothing was refused: the newest edit won.
    expect(titleOf((await documentAt(cat, id, `at=${unsaid}`)).document, x!.id)).toBe('No base');
  });

  it('lists the history newest first with what each entry changed, by person, a page at a time, with the whole versions', async () => {
    const id = await sharedScenario();
    const [x, y] = EVENTS;
    const added = { ...x!, id: 'added-by-ann', key: 9001, title: 'Pyongyang rally' };
    await append(ann, id, [{ before: null, after: added }], 0);
    await append(ben, id, [{ before: y, after: { ...y!, geometry: { type: 'Point', coordinates: [20, 55] } } }], 1);
    await append(ann, id, [{ before: DETAILS, after: { ...DETAILS, details: { ...DETAILS.details, title: 'Baltic, renamed' } } }], 2);
    await append(ben, id, [1, 2, 3].map((n) => ({ before: null, after: { ...x!, id: `bulk-${n}`, key: 9100 + n } })), 3);
    await append(ben, id, [{ before: added, after: null }], 4);

    const first = await cat.call('GET', `/api/scenarios/${id}/history?limit=3`);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json() as { items: { kind: string; seq: number; author: string; summary: string; stale?: boolean; madeAt: string }[]; nextBefore: number | null; people: string[] };
    expect(page.items.map(({ kind, seq, author, summary }) => [kind, seq, author, summary])).toEqual([
      ['edit', 5, 'ben', 'Deleted event “Pyongyang rally”'],
      ['edit', 4, 'ben', 'Added 3 events'],
      ['edit', 3, 'ann', 'Renamed the scenario to “Baltic, renamed”'],
    ]);
    expect(page.nextBefore).toBe(3);
    expect(page.people).toEqual(['ann', 'ben']);
    expect(Number.isFinite(Date.parse(page.items[0]!.madeAt))).toBe(true);

    const rest = (await cat.call('GET', `/api/scenarios/${id}/history?limit=3&before=3`)).json() as typeof page;
    expect(rest.items.map(({ kind, seq, author, summary }) => [kind, seq, author, summary])).toEqual([
      ['edit', 2, 'ben', 'Moved event “' + y!.title + '”'],
      ['edit', 1, 'ann', 'Added event “Pyongyang rally”'],
      ['version', 0, 'ann', 'Published the scenario'],
    ]);
    expect(rest.nextBefore).toBeNull();

    const bens = (await cat.call('GET', `/api/scenarios/${id}/history?author=ben`)).json() as typeof page;
    expect(bens.items.map(({ seq, author }) => [seq, author])).toEqual([
      [5, 'ben'],
      [4, 'ben'],
      [2, 'ben'],
    ]);

    // The last change of each record, for "changed by … when".
    const changes = (await cat.call('GET', `/api/scenarios/${id}/changes`)).json() as { changes: Record<string, { seq: number; author: string; stale: boolean }> };
    expect(changes.changes['added-by-ann']).toMatchObject({ seq: 5, author: 'ben', stale: false });
    expect(changes.changes[y!.id]).toMatchObject({ seq: 2, author: 'ben' });
    expect(changes.changes['(details)']).toMatchObject({ seq: 3, author: 'ann' });
    // A bad query is refused with where it is wrong.
    for (const query of ['history?limit=0', 'history?limit=201', 'history?before=-1', 'history?author=', 'history?bogus=1', 'changes?through=x']) {
      const refused = await cat.call('GET', `/api/scenarios/${id}/${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json(), query).toEqual({ error: expect.stringMatching(/^the query is not right: /) });
    }
    const through = (await cat.call('GET', `/api/scenarios/${id}/changes?through=1`)).json() as typeof changes;
    expect(Object.keys(through.changes)).toEqual(['added-by-ann']);
    expect(through.changes['added-by-ann']).toMatchObject({ seq: 1, author: 'ann' });
  });

  it('keeps every whole version, and opens any past state before and after one, read from the version before it and the journal after', async () => {
    const id = await sharedScenario();
    const [x, y] = EVENTS;
    const one = await append(ann, id, [{ before: x, after: retitled(x!, 'As of one') }], 0);
    const two = await append(ben, id, [{ before: y, after: null }], one);
    // Ben saves a whole new version at two: one event fewer, another title.
    const document = JSON.parse(BALTIC) as { events: { features: { properties: { id: string } }[] } };
    const replaced = JSON.stringify({ ...document, id, title: 'Whole new version', events: { ...document.events, features: document.events.features.filter((event) => event.properties.id !== x!.id) } });
    const put = await ben.call('PUT', `/api/scenarios/${id}`, replaced, { 'tripwire-seq': String(two) });
    expect(put.statusCode, put.body).toBe(200);
    const three = await append(ann, id, [{ before: y, after: retitled(y!, 'Back after the version') }], two);

    const kept = await db.query<{ version: number; seq: string; saved_by: string; event_count: number }>('select version, seq, saved_by, event_count from scenario_versions where scenario_id = $1 order by version', [id]);
    expect(kept.map((row) => [row.version, Number(row.seq), row.saved_by, row.event_count])).toEqual([[1, 0, 'ann', EVENTS.length]]);
    const keptParts = await db.query<{ n: string }>('select count(*) as n from scenario_version_parts where scenario_id = $1 and version = 1', [id]);
    expect(Number(keptParts[0]!.n)).toBeGreaterThan(0);

    // Before the version: the published document and the journal up to the point.
    const atOne = await documentAt(cat, id, `at=${one}`);
    expect(atOne.seq).toBe(one);
    expect(atOne.document.head.title).toBe(BALTIC_OPENED.head.title);
    expect(titleOf(atOne.document, x!.id)).toBe('As of one');
    expect(titleOf(atOne.document, y!.id)).toBe(y!.title);
    const atZero = await documentAt(cat, id, 'at=0');
    expect(titleOf(atZero.document, x!.id)).toBe(x!.title);
    expect(atZero.document.eventSets.flatMap((set) => set.events)).toHaveLength(EVENTS.length);
    // At the version and after it: the version, then the journal after it.
    const atTwo = await documentAt(cat, id, `at=${two}`);
    expect(atTwo.document.head.title).toBe('Whole new version');
    expect(titleOf(atTwo.document, x!.id)).toBeUndefined();
    const atThree = await documentAt(cat, id, `at=${three}`);
    expect(titleOf(atThree.document, y!.id)).toBe('Back after the version');
    // A version as it was saved.
    const versionOne = await documentAt(cat, id, 'version=1');
    expect(versionOne.seq).toBe(0);
    expect(titleOf(versionOne.document, x!.id)).toBe(x!.title);

    const history = (await cat.call('GET', `/api/scenarios/${id}/history`)).json() as { items: { kind: string; seq: number; author: string; summary: string; version?: number }[] };
    expect(history.items.filter((item) => item.kind === 'version').map(({ seq, author, summary, version }) => [seq, author, summary, version])).toEqual([
      [two, 'ben', 'Saved a whole new version', 2],
      [0, 'ann', 'Published the scenario', 1],
    ]);
    // The version stands above the entry it includes.
    expect(history.items.map((item) => `${item.kind}${item.seq}`)).toEqual([`edit${three}`, `version${two}`, `edit${two}`, `edit${one}`, 'version0']);

    // A place past the journal's end, or a version there never was, is not there; a bad query is refused.
    expect((await cat.call('GET', `/api/scenarios/${id}/document?at=${three + 1}`)).statusCode).toBe(404);
    expect((await cat.call('GET', `/api/scenarios/${id}/document?version=9`)).statusCode).toBe(404);
    for (const query of ['', 'at=-1', 'at=x', 'at=1&version=1', 'then=2']) {
      const refused = await cat.call('GET', `/api/scenarios/${id}/document?${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json()).toEqual({ error: expect.stringContaining('the query') });
    }
  });

  it('restores a past state as a new scenario of the person who asks, and refuses a bad request with nothing made', async () => {
    const id = await sharedScenario();
    const [x] = EVENTS;
    const one = await append(ann, id, [{ before: x, after: retitled(x!, 'Worth keeping') }], 0);
    await append(ben, id, [{ before: x, after: null }], one);
    const count = async () => Number((await db.query<{ n: string }>('select count(*) as n from scenarios'))[0]!.n);
    const before = await count();
    for (const body of [{}, { at: -1 }, { at: 'one' }, { at: 1, version: 1 }, { at: 1, extra: true }]) {
      const refused = await cat.call('POST', `/api/scenarios/${id}/copies`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await cat.call('POST', `/api/scenarios/${id}/copies`, { at: 99 })).statusCode).toBe(404);
    expect(await count()).toBe(before);

    // Cat (a viewer) makes a copy of the state after entry one: hers, with its title saying so.
    const restored = await cat.call('POST', `/api/scenarios/${id}/copies`, { at: one });
    expect(restored.statusCode, restored.body).toBe(201);
    const copy = restored.json() as { id: string; title: string; eventCount: number };
    expect(copy.id).not.toBe(id);
    expect(copy.title).toMatch(new RegExp(`^${BALTIC_OPENED.head.title.replace(/[()]/g, '.')} \\(restored \\d{1,2} \\w{3} \\d{2}:\\d{2}\\)$`));
    expect(copy.eventCount).toBe(EVENTS.length);
    const row = ((await cat.call('GET', '/api/scenarios')).json() as { scenarios: { id: string; owner: string; access: string }[] }).scenarios.find((candidate) => candidate.id === copy.id);
    expect(row).toMatchObject({ owner: 'cat', access: 'owner' });
    const document = await opened((await cat.call('GET', `/api/scenarios/${copy.id}`)).body);
    expect(titleOf(document, x!.id)).toBe('Worth keeping');
    expect(document.head.title).toBe(copy.title);
    // The original is untouched, and no one else sees the copy.
    expect(titleOf(await opened((await ann.call('GET', `/api/scenarios/${id}`)).body), x!.id)).toBe(x!.title);
    expect((await ann.call('GET', `/api/scenarios/${copy.id}`)).statusCode).toBe(404);
  });
});
