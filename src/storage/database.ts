// The browser database (IndexedDB, through idb): what the user made survives a reload, however
// large. One versioned schema: version 1 held imports, version 2 adds scenario documents and the
// journal of edits made to them.
// Every call is allowed to fail (private mode, blocked storage, a full disk): callers get a
// rejected promise and keep working in memory.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { TripwireEvent } from '../data/events';
import type { PackedEvents } from '../data/packed-events';
import type { ColumnMapping } from '../import/column-mapping';
import type { ImportFormat } from '../import/import-result';
import type { ValidationIssue } from '../data/validate';
import type { ScenarioHead } from '../data/scenario-schema';
import type { JournalRecord } from '../data/editing/edit-journal';

export const DATABASE_NAME = 'tripwire';
export const DATABASE_VERSION = 2;

/** Events per stored chunk: each chunk is read in one short task, and the import worker sends events to the page in messages of this size. */
export const EVENTS_PER_CHUNK = 20_000;

/**
 * The shape of stored events. Bump it whenever TripwireEvent changes: stored imports of an older
 * version are then rebuilt from their raw file (kept beside them) instead of being trusted.
 */
export const STORED_EVENTS_VERSION = 1;

/**
 * The shape of stored imports: 2 is a few records of packed columns (data/packed-events.ts,
 * 100,000 events each) per import; 1 was chunks of 20,000 event objects. An import of another version is rebuilt from its
 * file. Scenarios keep STORED_EVENTS_VERSION: they have no file to be rebuilt from.
 */
export const STORED_IMPORT_VERSION = 2;

export interface StoredImport {
  id: string;
  name: string;
  format: ImportFormat;
  eventCount: number;
  chunkCount: number;
  eventsVersion: number;
  /** The mapping the user confirmed, null for Tripwire's own format: a rebuild needs no questions. */
  mapping: ColumnMapping | null;
  warnings: ValidationIssue[];
  savedAt: string;
  /** The scenario the file was imported into; absent for imports of version 1 (into the built-in scenario). */
  scenarioId?: string;
}

/** A scenario the user opened, made or copied: its head, and its own events in chunks. */
export interface StoredScenario {
  id: string;
  head: ScenarioHead;
  eventCount: number;
  chunkCount: number;
  eventsVersion: number;
  savedAt: string;
}

export interface TripwireDatabase extends DBSchema {
  imports: { key: string; value: StoredImport };
  /**
   * Normalised events: reopening a million events needs no parsing or validation. Since
   * STORED_IMPORT_VERSION 2, a few records per import, each 100,000 events as packed columns;
   * version 1 kept chunks of event objects, read by no one now (the import is rebuilt, replacing them).
   */
  importChunks: { key: [string, number]; value: { importId: string; index: number; events?: TripwireEvent[]; packed?: PackedEvents } };
  /** The file as it came, for a rebuild when the stored events' version is older. */
  importFiles: { key: string; value: { id: string; file: Blob } };
  /** Mappings the user confirmed, by header signature, offered again for the same header. */
  mappings: { key: string; value: { signature: string; mapping: ColumnMapping; savedAt: string } };
  scenarios: { key: string; value: StoredScenario };
  scenarioChunks: { key: [string, number]; value: { scenarioId: string; index: number; events: TripwireEvent[] } };
  /** Every edit, in the order the database received it (seq): tabs replay it to agree. */
  edits: { key: number; value: JournalRecord; indexes: { byScenario: [string, number] } };
}

export type Database = IDBPDatabase<TripwireDatabase>;

let opening: Promise<Database> | null = null;

export function openDatabase(): Promise<Database> {
  opening ??= (async () => {
    if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
    return openDB<TripwireDatabase>(DATABASE_NAME, DATABASE_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('imports', { keyPath: 'id' });
          database.createObjectStore('importChunks', { keyPath: ['importId', 'index'] });
          database.createObjectStore('importFiles', { keyPath: 'id' });
          database.createObjectStore('mappings', { keyPath: 'signature' });
        }
        if (oldVersion < 2) {
          database.createObjectStore('scenarios', { keyPath: 'id' });
          database.createObjectStore('scenarioChunks', { keyPath: ['scenarioId', 'index'] });
          database.createObjectStore('edits', { keyPath: 'seq', autoIncrement: true }).createIndex('byScenario', ['scenarioId', 'seq']);
        }
      },
      // Another tab opened a newer schema: step aside so it can upgrade.
      blocking() {
        void opening?.then((database) => database.close());
        opening = null;
      },
    });
  })();
  // A failed open is not cached: storage may come back (e.g. after the user frees space).
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

/** Asks the browser not to evict our data under storage pressure; a refusal changes nothing. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
