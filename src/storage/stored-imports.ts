// Imports in the browser database: saved whole in one transaction (all chunks or none), read back
// chunk by chunk so no single step blocks the page, deleted with their file.
import type { TripwireEvent } from '../data/events';
import { EVENTS_PER_CHUNK, openDatabase, STORED_EVENTS_VERSION, type StoredImport } from './database';

export type ImportToStore = Omit<StoredImport, 'chunkCount' | 'eventsVersion' | 'savedAt'>;

export async function saveImport(record: ImportToStore, events: readonly TripwireEvent[], file: Blob, onProgress?: (fraction: number) => void): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction(['imports', 'importChunks', 'importFiles'], 'readwrite');
  const chunks = transaction.objectStore('importChunks');
  // A re-import under the same id replaces every old chunk, including ones past the new end.
  await chunks.delete(IDBKeyRange.bound([record.id, 0], [record.id, Infinity]));
  const chunkCount = Math.ceil(events.length / EVENTS_PER_CHUNK);
  for (let index = 0; index < chunkCount; index += 1) {
    await chunks.put({ importId: record.id, index, events: events.slice(index * EVENTS_PER_CHUNK, (index + 1) * EVENTS_PER_CHUNK) });
    onProgress?.((index + 1) / chunkCount);
  }
  await transaction.objectStore('importFiles').put({ id: record.id, file });
  await transaction.objectStore('imports').put({ ...record, chunkCount, eventsVersion: STORED_EVENTS_VERSION, savedAt: new Date().toISOString() });
  await transaction.done;
}

export async function listStoredImports(): Promise<StoredImport[]> {
  return (await openDatabase()).getAll('imports');
}

/** The stored events of one import, in order; null when a chunk is missing (the import is then rebuilt or dropped). */
export async function readStoredEvents(record: StoredImport, onProgress?: (fraction: number) => void): Promise<TripwireEvent[] | null> {
  const database = await openDatabase();
  const events: TripwireEvent[] = [];
  for (let index = 0; index < record.chunkCount; index += 1) {
    // One read per chunk: each is its own short task on the page.
    const chunk = await database.get('importChunks', [record.id, index]);
    if (!chunk) return null;
    for (const event of chunk.events) events.push(event);
    onProgress?.((index + 1) / record.chunkCount);
  }
  return events.length === record.eventCount ? events : null;
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
