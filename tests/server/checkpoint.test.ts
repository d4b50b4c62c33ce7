// Checkpoints (src/server/scenarios/checkpoint.ts) on both databases: once a scenario's journal has
// run CHECKPOINT_EVERY entries past its document, the server folds it in, in the background; a
// page opening the scenario then reads the new document and only the entries after it, and sees
// the same records as one that read the old document and the whole journal. Appends made while a
// fold runs are not lost, and two server processes deciding to fold at once fold once.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, addPeople, openTestDatabase, signIn, startApp, type SignedInClient } from './test-server';
import { freshDatabase } from './throwaway-postgres';
import { openPostgres, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { readScenarioDocument } from '../../src/server/scenarios/read-document';
import { appendEdits } from '../../src/server/scenarios/scenario-store';
import type { JournalEntryInput } from '../../src/data/editing/journal-schema';
import { CHECKPOINT_EVERY, checkpoint, checkpointIfDue } from '../../src/server/scenarios/checkpoint';
import { bytesToPacked } from '../../src/data/packed-bytes';
import { decodeEvents } from '../../src/data/packed-events';
import { headOfRecords, headRecords, type HeadRecord } from '../../src/data/editing/head-records';
import type { TripwireEvent } from '../../src/data/events';
import type { ScenarioHead } from '../../src/data/scenario-schema';

const BALTIC = readFileSync(new URL('../fixtures/scenarios/baltic-example.tripwire.json', import.meta.url), 'utf8');
const opened = await readScenarioDocument(Readable.from([Buffer.from(BALTIC)]));
if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
const BALTIC_EVENTS = opened.value.eventSets.flatMap((set) => set.events);
const [FIRST, SECOND] = BALTIC_EVENTS as [TripwireEvent, TripwireEvent];

type Entry = { id: string; step: 'do'; edits: { before: unknown; after: unknown }[]; madeAt: string };
const entry = (...edits: { before: unknown; after: unknown }[]): Entry => ({ id: randomUUID(), step: 'do', edits, madeAt: new Date().toISOString() });
const added = (n: number) => ({ ...FIRST, id: `added-${n}`, key: 1000 + n, title: `Added ${n}` });
const addEntry = (n: number) => entry({ before: null, after: added(n) });
const retitled = (n: number) => ({ ...FIRST, title: `First, version ${n}` });
const detailsOf = (head: ScenarioHead) => headRecords(head).find((record) => record.kind === 'details')!;
const renamed = (details: HeadRecord & { kind: 'details' }, title: string): HeadRecord => ({ ...details, details: { ...details.details, title } });

/** The journal a desk makes of the scenario `head`: the first event retitled over and over, the second deleted, the scenario renamed twice, events added. */
function deskJournal(head: ScenarioHead, count: number): Entry[] {
  const details = detailsOf(head) as HeadRecord & { kind: 'details' };
  const entries: Entry[] = [];
  for (let n = 0; entries.length < count; n++) {
    if (n % 50 === 7) entries.push(entry({ before: n === 7 ? FIRST : retitled(n - 50), after: retitled(n) }));
    else if (n === 100) entries.push(entry({ before: SECOND, after: null }));
    else if (n === 200 || n === 300) entries.push(entry({ before: details, after: renamed(details, `Renamed at ${n}`) }));
    else entries.push(addEntry(n));
  }
  return entries;
}

interface Opened {
  head: ScenarioHead;
  seq: number;
  events: Map<string, TripwireEvent>;
}

/** The stored document as a page reads it (GET …/packed and its parts). */
async function readPacked(client: SignedInClient, id: string): Promise<Opened> {
  const packed = (await client.call('GET', `/api/scenarios/${id}/packed`)).json() as { head: ScenarioHead; seq: number; parts: number };
  const events = new Map<string, TripwireEvent>();
  for (let part = 0; part < packed.parts; part++) {
    const response = await client.call('GET', `/api/scenarios/${id}/packed/${part}`);
    for (const event of decodeEvents(bytesToPacked(new Uint8Array(response.rawPayload)))) events.set(event.id, event);
  }
  return { head: packed.head, seq: packed.seq, events };
}

/**
 * Opens the scenario as a page does: the packed document (or one read earlier), then the journal
 * after its place, the newest entry of a record winning.
 */
async function openAsPage(client: SignedInClient, id: string, document?: Opened): Promise<Opened> {
  const packed = document ?? (await readPacked(client, id));
  const events = new Map(packed.events);
  const head = new Map(headRecords(packed.head).map((record) => [record.id, record]));
  let seq = packed.seq;
  for (;;) {
    const page = (await client.call('GET', `/api/scenarios/${id}/edits?after=${seq}`)).json() as { entries: { seq: number; edits: { before: { id: string; kind?: string } | null; after: { id: string; kind?: string } | null }[] }[] };
    for (const { edits } of page.entries) {
      for (const { before, after } of edits) {
        const record = (after ?? before)!;
        const records = (record.kind ? head : events) as Map<string, unknown>;
        if (after) records.set(record.id, after);
        else records.delete(record.id);
      }
    }
    if (page.entries.length === 0) break;
    seq = page.entries[page.entries.length - 1]!.seq;
  }
  return { head: headOfRecords(head.values()), seq: packed.seq, events };
}

const sorted = (events: Map<string, TripwireEvent>) => [...events.values()].sort((a, b) => a.id.localeCompare(b.id));

/** Waits until the stored document includes journal place `seq` (a checkpoint runs in the background). */
async function documentReaches(db: Database, id: string, seq: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const [row] = await db.query<{ doc_seq: string }>('select doc_seq from scenarios where id = $1', [id]);
    if (Number(row?.doc_seq) >= seq) return Number(row!.doc_seq);
    if (Date.now() > deadline) throw new Error(`the document stayed at journal place ${row?.doc_seq}, not ${seq}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(ENGINES)('checkpoints on %s', (engine) => {
  let db: Database;
  let app: FastifyInstance;
  let ann: SignedInClient;
  let ben: SignedInClient;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    await addPeople(db, { ann: 'member', ben: 'member' });
    app = await startApp(db);
    [ann, ben] = await Promise.all([signIn(app, 'ann'), signIn(app, 'ben')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const publishShared = async () => {
    const { id } = (await ann.call('POST', '/api/scenarios', BALTIC)).json() as { id: string };
    expect((await ann.call('PUT', `/api/scenarios/${id}/members/ben`, { role: 'editor' })).statusCode).toBe(200);
    return id;
  };
  const post = async (client: SignedInClient, id: string, entries: Entry[]) => {
    const response = await client.call('POST', `/api/scenarios/${id}/edits`, { entries });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { entries: { seq: number }[] }).entries;
  };

  it(`folds the journal into the document after ${CHECKPOINT_EVERY} entries, and a page opening it sees the same`, async () => {
    const id = await publishShared();
    const published = await readPacked(ben, id);
    expect(published.seq).toBe(0);
    const journal = deskJournal(published.head, CHECKPOINT_EVERY);
    await post(ann, id, journal.slice(0, 250));
    await post(ben, id, journal.slice(250));
    // As a page that read the document before the fold sees it: that document, and the whole journal.
    const before = await openAsPage(ben, id, published);

    expect(await documentReaches(db, id, CHECKPOINT_EVERY)).toBe(CHECKPOINT_EVERY);
    const packed = (await ben.call('GET', `/api/scenarios/${id}/packed`)).json() as { head: ScenarioHead; seq: number; parts: number };
    expect(packed.seq).toBe(CHECKPOINT_EVERY);
    expect(packed.head.title).toBe('Renamed at 300');
    const stored = decodeEvents(bytesToPacked(new Uint8Array((await ben.call('GET', `/api/scenarios/${id}/packed/0`)).rawPayload)));
    const byId = new Map(stored.map((event) => [event.id, event]));
    expect(byId.get(FIRST.id)?.title).toBe('First, version 457');
    expect(byId.has(SECOND.id)).toBe(false);
    expect(byId.get('added-499')).toEqual(added(499));
    expect(stored).toHaveLength(1 + journal.filter((e) => (e.edits[0]!.after as { id?: string } | null)?.id?.startsWith('added-')).length);

    const after = await openAsPage(ben, id);
    expect(after.seq).toBe(CHECKPOINT_EVERY);
    expect(sorted(after.events)).toEqual(sorted(before.events));
    expect(after.head).toEqual(before.head);
    // The journal is all still there: the history reads it.
    expect(Number((await db.query<{ n: string }>('select count(*) as n from edits where scenario_id = $1', [id]))[0]!.n)).toBe(CHECKPOINT_EVERY);
    // Everything is in the document: nothing is left to fold.
    expect(await checkpoint(db, id)).toBeNull();
    // A fold is no one's change: the library still names ben, who made the last edit, and the
    // history lists the entries and the publish, not the fold (its version still serves past states).
    const row = ((await ben.call('GET', '/api/scenarios')).json() as { scenarios: { id: string; updatedBy: string }[] }).scenarios.find((scenario) => scenario.id === id);
    expect(row?.updatedBy).toBe('ben');
    const history = (await ben.call('GET', `/api/scenarios/${id}/history?limit=5`)).json() as { items: { kind: string; author: string }[]; people: string[] };
    expect(history.items.map((item) => [item.kind, item.author])).toEqual(Array.from({ length: 5 }, () => ['edit', 'ben']));
    expect(history.people).toEqual(['ann', 'ben']);
  });

  it('loses no edit appended while a checkpoint runs', async () => {
    const id = await publishShared();
    await post(ann, id, Array.from({ length: CHECKPOINT_EVERY }, (_, n) => addEntry(n)));
    // Two people keep editing, one entry at a time, while the fold (triggered above, and asked for again here) runs.
    const more = (client: SignedInClient, from: number) => Promise.all(Array.from({ length: 40 }, (_, n) => post(client, id, [addEntry(from + n)])));
    const [, , direct] = await Promise.all([more(ann, 10_000), more(ben, 20_000), checkpoint(db, id)]);
    const docSeq = await documentReaches(db, id, CHECKPOINT_EVERY);
    if (direct) expect(direct.seq).toBeGreaterThanOrEqual(CHECKPOINT_EVERY);
    const page = await openAsPage(ben, id);
    expect(page.seq).toBe(docSeq);
    const expected = [...Array.from({ length: CHECKPOINT_EVERY }, (_, n) => n), ...Array.from({ length: 40 }, (_, n) => 10_000 + n), ...Array.from({ length: 40 }, (_, n) => 20_000 + n)];
    expect([...page.events.keys()].filter((key) => key.startsWith('added-')).sort()).toEqual(expected.map((n) => `added-${n}`).sort());
    // A fold from the document as it is now still keeps every one of them.
    await checkpoint(db, id);
    const again = await openAsPage(ben, id);
    expect(again.seq).toBe(CHECKPOINT_EVERY + 80);
    expect(sorted(again.events)).toEqual(sorted(page.events));

    // For certain, not by chance: entries committed after the fold has read the journal and before it keeps the document.
    await post(ann, id, Array.from({ length: 20 }, (_, n) => addEntry(30_000 + n)));
    let squeezedIn = false;
    const between: Database = {
      ...db,
      kind: db.kind,
      query: (sql, params) => db.query(sql, params),
      transaction: async (work) => {
        const result = await db.transaction(work);
        if (!squeezedIn) {
          squeezedIn = true; // right after the first transaction: the fold's read
          await appendEdits(db, id, [addEntry(40_000), addEntry(40_001)] as unknown as JournalEntryInput[], 'ben');
        }
        return result;
      },
    };
    expect(await checkpoint(between, id)).toEqual({ seq: CHECKPOINT_EVERY + 100, folded: 20 });
    const last = await openAsPage(ben, id);
    expect(last.seq).toBe(CHECKPOINT_EVERY + 100);
    expect(last.events.has('added-30019') && last.events.has('added-40000') && last.events.has('added-40001')).toBe(true);
    expect(last.events.size).toBe(again.events.size + 22);
  });

  it('folds once when two server processes decide to at the same moment', async () => {
    // A second process: on PostgreSQL another pool on the same database; PGlite belongs to one process, so two calls in it.
    const url = engine === 'postgresql' ? await freshDatabase(inject('postgresUrl'), `test_checkpoint_${process.pid}_${Date.now()}`) : null;
    const first = url ? await openPostgres(url) : db;
    const second = url ? await openPostgres(url) : db;
    try {
      if (url) await migrate(first);
      const firstApp = url ? await startApp(first) : app;
      try {
        if (url) await addPeople(first, { ann: 'member' });
        const owner = url ? await signIn(firstApp, 'ann') : ann;
        const { id } = (await owner.call('POST', '/api/scenarios', BALTIC)).json() as { id: string };
        // Stored straight, not through the API: no checkpoint of the route's runs behind the two below.
        await appendEdits(first, id, Array.from({ length: CHECKPOINT_EVERY }, (_, n) => addEntry(n)) as unknown as JournalEntryInput[], 'ann');
        if (url) {
          // The other process is in the middle of one (it holds the scenario's advisory lock): this one leaves it be.
          await second.transaction(async (tx) => {
            await tx.query("select pg_advisory_xact_lock(hashtext('tripwire checkpoint'), hashtext($1))", [id]);
            expect(await checkpointIfDue(first, id)).toBeNull();
          });
          expect(Number((await first.query<{ doc_seq: string }>('select doc_seq from scenarios where id = $1', [id]))[0]!.doc_seq)).toBe(0);
        }
        const results = await Promise.all([checkpointIfDue(first, id), checkpointIfDue(second, id)]);
        expect(results.filter(Boolean)).toEqual([{ seq: CHECKPOINT_EVERY, folded: CHECKPOINT_EVERY }]);
        const page = await openAsPage(owner, id);
        expect(page.seq).toBe(CHECKPOINT_EVERY);
        expect(page.events.size).toBe(BALTIC_EVENTS.length + CHECKPOINT_EVERY);
      } finally {
        if (url) await firstApp.close();
      }
    } finally {
      if (url) await Promise.all([first.close(), second.close()]);
    }
  });
});
