// Where scenarios, their journals and imports are kept, behind one interface (storage.ts).
export type { AcceptedImport, StorageOutcome, StoredImport, StoredScenario, TripwireStorage } from './storage';
export { indexedDbStorage } from './indexeddb-storage';
export { memoryStorage, emptyShelf, type MemoryShelf } from './memory-storage';
// The team server's (docs/api.md), over its HTTP API.
export { serverStorage, storedScenarioOfRow, IMPORTS_NOT_ON_SERVER, type WriteScenarioDocument, type ServerStorage, type ServerStorageOptions } from './server-storage';
export { memoryOutbox, type Outbox } from './outbox';
export { STORED_EVENTS_VERSION } from './database';
export { recallMapping, rememberMapping } from './remembered-mappings';
// The import worker's own write: it holds the events it read (see AcceptedImport.keepInWorker).
export { saveImport } from './stored-imports';
// The basemap file a user chose, remembered for the next visit (the map's own preference).
export { forgetBasemapFile, rememberBasemapFile, rememberedBasemapFile } from './basemap-file';
