// Imports in the browser database: saved whole in one transaction, as a few records of packed
// columns (data/packed-events.ts, 100,000 events each) beside the file they came from; deleted
// with their file.
// Reading them back on the page goes through a worker (import-reader.ts), which hands the
// columns over as transferables: the page never deserialises a million event objects.
import type { TripwireEvent } from '../data/events';
import { decodeEventsInSlices, encodeEventParts, PACKED_LAYOUT, type PackedEvents } from '../data/packed-events';
import { openDatabase, STORED_IMPORT_VERSION, type StoredImport } from './database';

export type ImportToStore = Omit<StoredImport, 'chunkCount' | 'eventsVersion' | 'savedAt'>;

/** Events already packed in parts (encodeEventParts): the import worker packs them once, for the page too. */
export interface PackedParts {
  parts: readonly PackedEvents[];
}

/** Keeps an import, its events given as objects or already packed. */
export async function saveImport(record: ImportToStore, events: readonly TripwireEvent[] | PackedParts, file: Blob, onProgress?: (fraction: number) => void): Promise<void> {
  const parts = 'parts' in events ? events.parts : encodeEventParts(events);
  const database = await openDatabase();
  const transaction = database.transaction(['imports', 'importChunks', 'importFiles'], 'readwrite');
  const chunks = transaction.objectStore('importChunks');
  // A re-import under the same id replaces what was there, including an older version's chunks.
  await chunks.delete(IDBKeyRange.bound([record.id, 0], [record.id, Infinity]));
  for (const [index, packed] of parts.entries()) {
    await chunks.put({ importId: record.id, index, packed });
    onProgress?.((index + 1) / (parts.length + 1));
  }
  await transaction.objectStore('importFiles').put({ id: record.id, file });
  await transaction.objectStore('imports').put({ ...record, eventCount: parts.reduce((sum, part) => sum + part.count, 0), chunkCount: parts.length, eventsVersion: STORED_IMPORT_VERSION, savedAt: new Date().toISOString() });
  await transaction.done;
  onProgress?.(1);
}

export async function listStoredImports(): Promise<StoredImport[]> {
  return (await openDatabase()).getAll('imports');
}

/** One import's packed parts, in order; null when missing, incomplete or of another version (the import is then rebuilt from its file). */
export async function readPackedImport(record: StoredImport): Promise<PackedEvents[] | null> {
  if (record.eventsVersion !== STORED_IMPORT_VERSION) return null;
  const stored = await (await openDatabase()).getAll('importChunks', IDBKeyRange.bound([record.id, 0], [record.id, Infinity]));
  const parts = stored.map((chunk) => chunk.packed);
  if (parts.length !== record.chunkCount || parts.some((part) => part?.layout !== PACKED_LAYOUT)) return null;
  const packed = parts as PackedEvents[];
  return packed.reduce((sum, part) => sum + part.count, 0) === record.eventCount ? packed : null;
}

/** The stored events of one import, in order, read on this thread and built a slice at a time; null as readPackedImport. */
export async function readStoredEvents(record: StoredImport, onProgress?: (fraction: number) => void): Promise<TripwireEvent[] | null> {
  const parts = await readPackedImport(record);
  return parts ? decodeEventsInSlices(parts, onProgress) : null;
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
