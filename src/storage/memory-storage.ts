// Storage in memory: what the unit tests of actions run against, and the contract the IndexedDB
// and server storages are held to (tests/unit/storage-contract.test.ts). Several storage objects
// made on one `MemoryShelf` are like several tabs of one browser: they see one another's edits.
import type { TripwireEvent } from '../data/events';
import type { CommittedRecord } from '../data/editing/edit-journal';
import type { StoredImport, StoredScenario, TripwireStorage } from './storage';
import { STORED_EVENTS_VERSION } from './database';

/** What several memory storages share. */
export interface MemoryShelf {
  scenarios: Map<string, { record: StoredScenario; events: TripwireEvent[] }>;
  journal: CommittedRecord[];
  imports: Map<string, { record: StoredImport; events: TripwireEvent[]; file: Blob }>;
  watchers: Set<{ owner: object; scenarioId: string; onChange: () => void }>;
  nextSeq: number;
}

export const emptyShelf = (): MemoryShelf => ({ scenarios: new Map(), journal: [], imports: new Map(), watchers: new Set(), nextSeq: 1 });

// Copies in and out, as a real storage gives: nothing stored changes when the caller's objects do.
const copy = <T>(value: T): T => structuredClone(value);

export function memoryStorage(shelf: MemoryShelf = emptyShelf()): TripwireStorage {
  const self = {};
  const forgetJournal = (id: string) => (shelf.journal = shelf.journal.filter((entry) => entry.scenarioId !== id));
  return {
    where: 'memory',
    listScenarios: async () => [...shelf.scenarios.values()].map(({ record }) => copy(record)),
    hasScenario: async (id) => shelf.scenarios.has(id),
    async readScenario(id) {
      const stored = shelf.scenarios.get(id);
      return stored ? copy({ head: stored.record.head, events: stored.events }) : null;
    },
    async saveScenario(head, events) {
      forgetJournal(head.id);
      const record = { id: head.id, head, eventCount: events.length, chunkCount: 1, eventsVersion: STORED_EVENTS_VERSION, savedAt: new Date().toISOString() };
      shelf.scenarios.set(head.id, copy({ record, events: [...events] }));
    },
    async deleteScenario(id) {
      shelf.scenarios.delete(id);
      forgetJournal(id);
    },
    async appendEdit(entry) {
      const committed = copy({ ...entry, seq: shelf.nextSeq++ });
      shelf.journal.push(committed);
      for (const watcher of [...shelf.watchers]) if (watcher.owner !== self && watcher.scenarioId === entry.scenarioId) queueMicrotask(watcher.onChange);
      return copy(committed);
    },
    readEdits: async (scenarioId, afterSeq = 0) => copy(shelf.journal.filter((entry) => entry.scenarioId === scenarioId && entry.seq > afterSeq)),
    watch(scenarioId, onChange) {
      const watcher = { owner: self, scenarioId, onChange };
      shelf.watchers.add(watcher);
      return () => shelf.watchers.delete(watcher);
    },
    listImports: async () => [...shelf.imports.values()].map(({ record }) => copy(record)),
    readImportEvents: async (record) => {
      const stored = shelf.imports.get(record.id);
      return stored && stored.record.eventsVersion === STORED_EVENTS_VERSION ? copy(stored.events) : null;
    },
    readImportFile: async (id) => shelf.imports.get(id)?.file ?? null,
    async keepImport(accepted) {
      accepted.discard();
      const record: StoredImport = { ...accepted.record, chunkCount: 1, eventsVersion: STORED_EVENTS_VERSION, savedAt: new Date().toISOString() };
      shelf.imports.set(record.id, { ...copy({ record, events: [...accepted.events] }), file: accepted.file });
      return { stored: true };
    },
    deleteImport: async (id) => void shelf.imports.delete(id),
    close() {
      for (const watcher of [...shelf.watchers]) if (watcher.owner === self) shelf.watchers.delete(watcher);
    },
  };
}
