// One contract for every storage (src/storage/storage.ts): memory, this browser's IndexedDB (here
// through fake-indexeddb, a spec-following implementation; the browser tests exercise the real
// one), and the team server's (a real server in this process, on PGlite, over HTTP). Imports of
// the built-in scenario are kept only in this browser: the import cases are for the two that keep them.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TripwireEvent } from '../../src/data/events';
import type { ScenarioHead } from '../../src/data/scenario-schema';
import type { JournalRecord } from '../../src/data/editing/edit-journal';
import { headEdits } from '../../src/data/editing/head-records';
import { emptyShelf, memoryStorage } from '../../src/storage/memory-storage';
import { indexedDbStorage } from '../../src/storage/indexeddb-storage';
import { saveImport } from '../../src/storage/stored-imports';
import { EVENTS_PER_CHUNK } from '../../src/storage/database';
import type { AcceptedImport, TripwireStorage } from '../../src/storage/storage';
import { serverStorage } from '../../src/storage/server-storage';
import { createTeamApi, type FetchLike } from '../../src/team/team-api';
import { writeScenarioDocument } from '../../src/team/scenario-documents';
import { openPglite, type Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrations';
import { buildApp } from '../../src/server/http/app';
import { addPerson } from '../../src/server/accounts/people';

let unique = 0;
const head = (id = `scenario-${++unique}`): ScenarioHead =>
  ({ tripwire: 1, id, title: `Scenario ${id}`, sources: [], views: [{ id: 'main', title: 'Main', bounds: [0, 0, 10, 10] }], layers: [], measurements: [], eventSets: [{ id: 'events', name: 'Events' }] }) as unknown as ScenarioHead;
/** Events as the app holds them (normalised: the server checks every one as a file's). */
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
const events = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => event(`${prefix}-${index}`, `${prefix} ${index}`, index));
const eventEdit = (scenarioId: string, id: string, title: string): JournalRecord => ({
  scenarioId,
  step: 'do',
  edits: [{ before: null, after: event(id, title) }],
  author: 'analyst-1',
  madeAt: '2026-12-07T10:00:00.000Z',
});

interface StorageUnderTest {
  /** "Two tabs": two objects over the same place. */
  tabs(): Promise<[TripwireStorage, TripwireStorage]>;
  /** A new scenario's head, where appending edits to it is allowed (the server gives ids itself, and takes edits only for scenarios it has). */
  existing(storage: TripwireStorage): Promise<ScenarioHead>;
  /** Long enough for a watcher to hear of an edit. */
  settle(): Promise<void>;
  keepsImports: boolean;
}

const wait = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The team server in this process, on an in-memory PGlite, signed in over HTTP with a cookie as a browser would be. */
const server = { app: null as FastifyInstance | null, db: null as Database | null, url: '' };
const SERVER_POLL_MS = 25;
async function serverTab(): Promise<TripwireStorage> {
  let cookie = '';
  const cookieFetch: FetchLike = async (input, init = {}) => {
    const response = await fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    const set = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
    if (set.length > 0) cookie = set.join('; ');
    return response;
  };
  const api = createTeamApi({ fetch: cookieFetch, baseUrl: server.url });
  await api.signIn('analyst-1', 'contract password');
  const storage = serverStorage(api, writeScenarioDocument, { pollEvery: SERVER_POLL_MS });
  await storage.signedIn('analyst-1'); // whose outbox its edits wait in
  return Object.assign(storage, { api });
}

const storages: Record<string, StorageUnderTest> = {
  memory: {
    tabs: async () => {
      const shelf = emptyShelf();
      return [memoryStorage(shelf), memoryStorage(shelf)];
    },
    existing: async () => head(),
    settle: wait(20),
    keepsImports: true,
  },
  indexeddb: { tabs: async () => [indexedDbStorage(), indexedDbStorage()], existing: async () => head(), settle: wait(20), keepsImports: true },
  server: {
    tabs: async () => [await serverTab(), await serverTab()],
    async existing(storage) {
      const { api } = storage as TripwireStorage & { api: ReturnType<typeof createTeamApi> };
      const { id } = await api.publish(writeScenarioDocument(head(), []));
      return head(id);
    },
    settle: wait(SERVER_POLL_MS * 8),
    keepsImports: false,
  },
};

beforeAll(async () => {
  server.db = await openPglite();
  await migrate(server.db);
  await addPerson(server.db, { username: 'analyst-1', password: 'contract password', role: 'member' }, null);
  server.app = await buildApp({ db: server.db });
  server.url = `${await server.app.listen({ port: 0, host: '127.0.0.1' })}/`;
}, 60_000);
afterAll(async () => {
  await server.app?.close();
  await server.db?.close();
});

for (const [kind, { tabs: make, existing, settle, keepsImports }] of Object.entries(storages)) {
  // Tens of thousands of events per case: seconds on a busy machine, and more for the server, which checks every document it is given.
  describe(`${kind} storage`, { timeout: kind === 'server' ? 60_000 : 30_000 }, () => {
    let opened: TripwireStorage[] = [];
    const tabs = async () => {
      const pair = await make();
      opened.push(...pair);
      return pair;
    };
    afterEach(() => {
      for (const storage of opened) storage.close();
      opened = [];
    });

    it('gives back a saved scenario whole, in order, and lists it', async () => {
      const [storage] = await tabs();
      const saved = await existing(storage);
      const many = events(EVENTS_PER_CHUNK + 3, 'e');
      await storage.saveScenario(saved, many);
      expect(await storage.readScenario(saved.id)).toEqual({ head: saved, events: many });
      expect(await storage.hasScenario(saved.id)).toBe(true);
      // A library lists what a chooser shows (the server sends no whole heads for a list).
      expect((await storage.listScenarios()).find((record) => record.id === saved.id)).toMatchObject({ head: { id: saved.id, title: saved.title }, eventCount: many.length });
      expect(await storage.readScenario('no-such-scenario')).toBeNull();
      expect(await storage.hasScenario('no-such-scenario')).toBe(false);
    });

    it('keeps its own copy: changing the objects saved or read changes nothing stored', async () => {
      const [storage] = await tabs();
      const saved = await existing(storage);
      const list = events(2, 'c');
      await storage.saveScenario(saved, list);
      (list[0] as { title: string }).title = 'changed after saving';
      const read = await storage.readScenario(saved.id);
      read!.head.title = 'changed after reading';
      expect(await storage.readScenario(saved.id)).toMatchObject({ head: { title: saved.title }, events: [{ title: 'c 0' }, { title: 'c 1' }] });
    });

    it('gives each committed edit its place in the order, with its author, and reads the journal from any place', async () => {
      const [storage] = await tabs();
      const { id } = await existing(storage);
      const other = await existing(storage);
      const first = await storage.appendEdit(eventEdit(id, 'a', 'A'));
      await storage.appendEdit(eventEdit(other.id, 'x', 'X'));
      const second = await storage.appendEdit(eventEdit(id, 'b', 'B'));
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(first).toMatchObject({ author: 'analyst-1', madeAt: '2026-12-07T10:00:00.000Z' });
      expect((await storage.readEdits(id)).map((entry) => entry.edits[0]?.after?.id)).toEqual(['a', 'b']);
      expect((await storage.readEdits(id, first.seq)).map((entry) => entry.seq)).toEqual([second.seq]);
    });

    it('folds the journal in when a scenario is saved whole, and deletes it with the scenario', async () => {
      const [storage] = await tabs();
      const saved = await existing(storage);
      await storage.saveScenario(saved, []);
      await storage.appendEdit({ scenarioId: saved.id, step: 'do', edits: headEdits(saved, { ...saved, title: 'Renamed' }) });
      expect(await storage.readEdits(saved.id)).toHaveLength(1);
      await storage.saveScenario({ ...saved, title: 'Renamed' }, []);
      expect(await storage.readEdits(saved.id)).toEqual([]);
      await storage.appendEdit(eventEdit(saved.id, 'late', 'Late'));
      await storage.deleteScenario(saved.id);
      expect(await storage.readScenario(saved.id)).toBeNull();
      expect(await storage.readEdits(saved.id)).toEqual([]);
    });

    it("tells the other tab's watcher of the scenario, not its own, and stops when asked", async () => {
      const [mine, theirs] = await tabs();
      const { id } = await existing(mine);
      const heard = { mine: 0, theirs: 0, otherScenario: 0 };
      mine.watch(id, () => (heard.mine += 1));
      const stop = theirs.watch(id, () => (heard.theirs += 1));
      theirs.watch((await existing(mine)).id, () => (heard.otherScenario += 1));
      await mine.appendEdit(eventEdit(id, 'a', 'A'));
      await settle();
      expect(heard).toEqual({ mine: 0, theirs: 1, otherScenario: 0 });
      stop();
      await mine.appendEdit(eventEdit(id, 'b', 'B'));
      await settle();
      expect(heard.theirs).toBe(1);
    });

    // Imports of the built-in scenario, which is only ever in this browser (a shared scenario's imports are in its document).
    if (keepsImports) it('keeps an import with its file, gives it back in order, and forgets it on delete', async () => {
      const [storage] = await tabs();
      const id = `import-${++unique}`;
      const list = events(EVENTS_PER_CHUNK * 2 + 1, id);
      const file = new Blob(['date,title\n2024-01-01,A\n']);
      const record = { id, name: `${id}.csv`, format: 'csv' as const, eventCount: list.length, mapping: null, warnings: [] };
      let discarded = false;
      const accepted: AcceptedImport = {
        record,
        events: list,
        file,
        // What the import worker runs when asked to keep: the same write, on this thread.
        keepInWorker: async () => (await saveImport(record, list, file), { stored: true }),
        discard: () => (discarded = true),
      };
      expect(await storage.keepImport(accepted)).toEqual({ stored: true });
      const stored = (await storage.listImports()).find((item) => item.id === id);
      expect(stored).toMatchObject({ name: `${id}.csv`, eventCount: list.length });
      expect(await storage.readImportEvents(stored!)).toEqual(list);
      expect(await (await storage.readImportFile(id))!.text()).toBe('date,title\n2024-01-01,A\n');
      await storage.deleteImport(id);
      expect((await storage.listImports()).some((item) => item.id === id)).toBe(false);
      expect(await storage.readImportFile(id)).toBeNull();
      // Memory keeps the events it was given and lets the worker go; IndexedDB has the worker write them.
      expect(discarded).toBe(kind === 'memory');
    });
  });
}
