// Reads one stored import's packed columns from IndexedDB off the page's thread and hands its
// buffers to the page as transferables (moved, not copied): the page's only work is building the
// events from the columns, a slice at a time (import-reader.ts).
/// <reference lib="webworker" />
import { packedBuffers } from '../data/packed-events';
import type { StoredImport } from './database';
import { readPackedImport } from './stored-imports';
import type { ReadImportReply } from './import-reader';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (message: MessageEvent<StoredImport>) => {
  try {
    const parts = await readPackedImport(message.data);
    self.postMessage({ parts } satisfies ReadImportReply, parts ? parts.flatMap(packedBuffers) : []);
  } catch (error) {
    self.postMessage({ parts: null, failed: error instanceof Error ? error.message : String(error) } satisfies ReadImportReply);
  }
};
