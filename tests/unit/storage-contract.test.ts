// One contract for every storage (src/storage/storage.ts): memory, and this browser's IndexedDB
// (here through fake-indexeddb, a spec-following implementation; the browser tests exercise the
// real one). The team server's storage will be added to `storages` and pass the same cases.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TripwireEvent } from '../../src/data/events';
import type { ScenarioHead } from '../../src/data/scenario-schema';
import type { JournalRecord } from '../../src/data/editing/edit-journal';
import { headEdits } from '../../src/data/editing/head-records';
import { emptyShelf, memoryStorage } from '../../src/storage/memory-storage';
import { indexedDbStorage } from '../../src/storage/indexeddb-storage';
import { saveImport } from '../../src/storage/stored-imports';
import { EVENTS_PER_CHUNK } from '../../src/storage/database';
import type { AcceptedImport, TripwireStorage } from '../../src/storage/storage';

/** Each case gets "two tabs" of one storage: two objects over the same place. */
const storages: Record<string, () => [TripwireStorage, TripwireStorage]> = {
  memory: () => {
    const shelf = emptyShelf();
    return [memoryStorage(shelf), memoryStorage(shelf)];
  },
  indexeddb: () => [indexedDbStorage(), indexedDbStorage()],
};

let unique = 0;
const head = (id = `scenario-${++unique}`): ScenarioHead =>
  ({ tripwire: 1, id, title: `Scenario ${id}`, sources: [], views: [{ id: 'main', title: 'Main', bounds: [0, 0, 10, 10] }], layers: [], measurements: [], eventSets: [{ id: 'events', name: 'Events' }] }) as unknown as ScenarioHead;
const events = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${index}`, title: `${prefix} ${index}`, start: index, end: index, eventSetId: 'events' }) as unknown as TripwireEvent);
const eventEdit = (scenarioId: string, id: string, title: string): JournalRecord => ({
  scenarioId,
  step: 'do',
  edits: [{ before: null, after: { id, title } as unknown as TripwireEvent }],
  author: 'analyst-1',
  madeAt: '2026-12-07T10:00:00.000Z',
});
const nextTick = () => new Promise((resolve) => setTimeout(resolve, 20));

for (const [kind, make] of Object.entries(storages)) {
  describe(`${kind} storage`, () => {
    let opened: TripwireStorage[] = [];
    const tabs = () => {
      const pair = make();
      opened.push(...pair);
      return pair;
    };
    afterEach(() => {
      for (const storage of opened) storage.close();
      opened = [];
    });

    it('gives back a saved scenario whole, in order, and lists it', async () => {
      const [storage] = tabs();
      const saved = head();
      const many = events(EVENTS_PER_CHUNK + 3, 'e');
      await storage.saveScenario(saved, many);
      expect(await storage.readScenario(saved.id)).toEqual({ head: saved, events: many });
      expect(await storage.hasScenario(saved.id)).toBe(true);
      expect((await storage.listScenarios()).find((record) => record.id === saved.id)).toMatchObject({ head: saved, eventCount: many.length });
      expect(await storage.readScenario('no-such-scenario')).toBeNull();
      expect(await storage.hasScenario('no-such-scenario')).toBe(false);
    });

    it('keeps its own copy: changing the objects saved or read changes nothing stored', async () => {
      const [storage] = tabs();
      const saved = head();
      const list = events(2, 'c');
      await storage.saveScenario(saved, list);
      (list[0] as { title: string }).title = 'changed after saving';
      const read = await storage.readScenario(saved.id);
      read!.head.title = 'changed after reading';
      expect(await storage.readScenario(saved.id)).toMatchObject({ head: { title: saved.title }, events: [{ title: 'c 0' }, { title: 'c 1' }] });
    });

    it('gives each committed edit its place in the order, with its author, and reads the journal from any place', async () => {
      const [storage] = tabs();
      const { id } = head();
      const other = head();
      const first = await storage.appendEdit(eventEdit(id, 'a', 'A'));
      await storage.appendEdit(eventEdit(other.id, 'x', 'X'));
      const second = await storage.appendEdit(eventEdit(id, 'b', 'B'));
      expect(second.seq).toBeGreaterThan(first.seq);
      expect(first).toMatchObject({ author: 'analyst-1', madeAt: '2026-12-07T10:00:00.000Z' });
      expect((await storage.readEdits(id)).map((entry) => entry.edits[0]?.after?.id)).toEqual(['a', 'b']);
      expect((await storage.readEdits(id, first.seq)).map((entry) => entry.seq)).toEqual([second.seq]);
    });

    it('folds the journal in when a scenario is saved whole, and deletes it with the scenario', async () => {
      const [storage] = tabs();
      const saved = head();
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
      const [mine, theirs] = tabs();
      const { id } = head();
      const heard = { mine: 0, theirs: 0, otherScenario: 0 };
      mine.watch(id, () => (heard.mine += 1));
      const stop = theirs.watch(id, () => (heard.theirs += 1));
      theirs.watch(head().id, () => (heard.otherScenario += 1));
      await mine.appendEdit(eventEdit(id, 'a', 'A'));
      await nextTick();
      expect(heard).toEqual({ mine: 0, theirs: 1, otherScenario: 0 });
      stop();
      await mine.appendEdit(eventEdit(id, 'b', 'B'));
      await nextTick();
      expect(heard.theirs).toBe(1);
    });

    it('keeps an import with its file, gives it back in order, and forgets it on delete', async () => {
      const [storage] = tabs();
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
