// The page's side of reading a stored import: a worker (read-import.worker.ts) reads its packed
// columns from IndexedDB and transfers them; the page builds the events a slice at a time,
// yielding between slices, so no task comes near 200 ms. Where there is no Worker (unit tests),
// the columns are read on this thread.
import type { TripwireEvent } from '../data/events';
import { decodeEventsInSlices, type PackedEvents } from '../data/packed-events';
import type { StoredImport } from './database';
import { readPackedImport } from './stored-imports';

export interface ReadImportReply {
  parts: PackedEvents[] | null;
  /** Why the worker could not read (then the page tries on its own thread). */
  failed?: string;
}

function readPackedInWorker(record: StoredImport): Promise<PackedEvents[] | null> {
  if (typeof Worker === 'undefined') return readPackedImport(record);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-import.worker.ts', import.meta.url), { type: 'module', name: 'tripwire-read-import' });
    const onThisThread = () => {
      worker.terminate();
      readPackedImport(record).then(resolve, reject);
    };
    worker.onerror = onThisThread;
    worker.onmessage = (message: MessageEvent<ReadImportReply>) => {
      if (message.data.failed !== undefined) return onThisThread();
      worker.terminate();
      resolve(message.data.parts);
    };
    worker.postMessage(record);
  });
}

export async function readImportEvents(record: StoredImport, onProgress?: (fraction: number) => void): Promise<TripwireEvent[] | null> {
  const parts = await readPackedInWorker(record);
  return parts ? decodeEventsInSlices(parts, onProgress) : null;
}
