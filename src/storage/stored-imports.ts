// Imports in the browser database: saved whole in one transaction, as one record of packed
// columns (data/packed-events.ts) beside the file they came from; deleted with their file.
// Reading them back on the page goes through a worker (import-reader.ts), which hands the
// columns over as transferables: the page never deserialises a million event objects.
import type { TripwireEvent } from '../data/events';
import { decodeEventsInSlices, encodeEvents, type PackedEvents } from '../data/packed-events';
import { openDatabase, STORED_IMPORT_VERSION, type StoredImport } from './database';

export type ImportToStore = Omit<StoredImport, 'chunkCount' | 'eventsVersion' | 'savedAt'>;

const isPacked = (events: readonly TripwireEvent[] | PackedEvents): events is PackedEvents => !Array.isArray(events);

/** Keeps an import, its events given as objects or already packed (the import worker packs them once, for the page too). */
export async function saveImport(record: ImportToStore, events: readonly TripwireEvent[] | PackedEvents, file: Blob, onProgress?: (fraction: number) => void): Promise<void> {
  const packed = isPacked(events) ? events : encodeEvents(events);
  const database = await openDatabase();
  const transaction = database.transaction(['imports', 'importChunks', 'importFiles'], 'readwrite');
  const chunks = transaction.objectStore('importChunks');
  // A re-import under the same id replaces what was there, including an older version's chunks.
  await chunks.delete(IDBKeyRange.bound([record.id, 0], [record.id, Infinity]));
  await chunks.put({ importId: record.id, index: 0, packed });
  onProgress?.(0.9);
  await transaction.objectStore('importFiles').put({ id: record.id, file });
  await transaction.objectStore('imports').put({ ...record, eventCount: packed.count, chunkCount: 1, eventsVersion: STORED_IMPORT_VERSION, savedAt: new Date().toISOString() });
  await transaction.done;
  onProgress?.(1);
}

export async function listStoredImports(): Promise<StoredImport[]> {
  return (await openDatabase()).getAll('imports');
}

/** One import's packed events; null when missing, incomplete or of another version (the import is then rebuilt from its file). */
export async function readPackedImport(record: StoredImport): Promise<PackedEvents | null> {
  if (record.eventsVersion !== STORED_IMPORT_VERSION) return null;
  const packed = (await (await openDatabase()).get('importChunks', [record.id, 0]))?.packed;
  return packed && packed.layout === 1 && packed.count === record.eventCount ? packed : null;
}

/** The stored events of one import, in order, read on this thread and built a slice at a time; null as readPackedImport. */
export async function readStoredEvents(record: StoredImport, onProgress?: (fraction: number) => void): Promise<TripwireEvent[] | null> {
  const packed = await readPackedImport(record);
  return packed ? decodeEventsInSlices(packed, onProgress) : null;
}

export async function readStoredFile(id: string): Promise<Blob | null> {
  return (await (await openDatabase()).get('importFiles', id))?.file ?? null;
}

export async function deleteStoredImport(id: string): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction(['imports', 'importChunks', 'importFiles'], 'readwrite');
  await Promise.all([
    transaction.objectStore('imports').delete(id),
    transaction.objectStore('importChunks').delete(IDBKeyRange.bound([id, 0], [id, Infinity])),
    transaction.objectStore('importFiles').delete(id),
    transaction.done,
  ]);
}
