// The one interface every place a scenario can be kept implements: this browser's IndexedDB
// (indexeddb-storage.ts), memory (memory-storage.ts, for tests and a browser with no storage),
// and, for the team issues, a server. The session (src/session) is its only caller, and
// tests/unit/storage-contract.test.ts holds every implementation to the same behaviour.
//
// What a storage keeps: scenario documents (head and events), each with a journal of the edits made
// since it was last saved whole; and the files imported into the read-only built-in scenario,
// which is never itself stored. Every call may fail (private mode, a full disk, a server that is
// down): callers get a rejected promise and keep working in memory.
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import type { CommittedRecord, JournalRecord } from '../data/editing/edit-journal';
import type { StoredImport, StoredScenario } from './database';

export type { StoredImport, StoredScenario } from './database';

export type StorageOutcome = { stored: true } | { stored: false; quotaExceeded: boolean; reason: string };

/** An import the import worker has read and checked, before anyone decides to keep it. */
export interface AcceptedImport {
  record: Omit<StoredImport, 'chunkCount' | 'eventsVersion' | 'savedAt'>;
  events: readonly TripwireEvent[];
  /** The file as it came, for a rebuild when the stored events' shape changes. */
  file: Blob;
  /**
   * Has the worker that read the import write it into this browser's database, where it already
   * holds the events (a million of them need not cross to the page and back); resolves once stored.
   */
  keepInWorker: () => Promise<StorageOutcome>;
  /** Lets the worker go without storing. */
  discard: () => void;
}

export interface TripwireStorage {
  /** Where this storage keeps things, for messages: "this browser", "memory". */
  readonly where: string;

  listScenarios(): Promise<StoredScenario[]>;
  hasScenario(id: string): Promise<boolean>;
  /** A scenario's head and events as last saved whole (its journal not applied); null when missing or unreadable. */
  readScenario(id: string): Promise<{ head: ScenarioHead; events: TripwireEvent[] } | null>;
  /** Keeps the scenario as it is now, all or nothing; its journal is folded in, and emptied. */
  saveScenario(head: ScenarioHead, events: readonly TripwireEvent[]): Promise<void>;
  deleteScenario(id: string): Promise<void>;

  /**
   * Appends an edit to its scenario's journal. Resolves with the entry as committed (with its `seq`,
   * its place in the scenario's order) only once the storage has committed it; every watcher of the
   * scenario but this storage's own is then told.
   */
  appendEdit(entry: JournalRecord): Promise<CommittedRecord>;
  /** The scenario's journal after `afterSeq`, in order. */
  readEdits(scenarioId: string, afterSeq?: number): Promise<CommittedRecord[]>;
  /** Calls `onChange` when someone else (another tab, another client) changes the scenario; returns the way to stop. */
  watch(scenarioId: string, onChange: () => void): () => void;

  listImports(): Promise<StoredImport[]>;
  /** One import's events in order; null when a part is missing or of an older shape (the import is then rebuilt from its file). */
  readImportEvents(record: StoredImport): Promise<TripwireEvent[] | null>;
  readImportFile(id: string): Promise<Blob | null>;
  keepImport(accepted: AcceptedImport): Promise<StorageOutcome>;
  deleteImport(id: string): Promise<void>;
  /** Lets go of what the storage holds open (a channel, a connection); it is not used after. */
  close(): void;
}
