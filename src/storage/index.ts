// Where scenarios, their journals and imports are kept, behind one interface (storage.ts).
export type { AcceptedImport, StorageOutcome, StoredImport, StoredScenario, TripwireStorage } from './storage';
export { indexedDbStorage } from './indexeddb-storage';
export { memoryStorage, emptyShelf, type MemoryShelf } from './memory-storage';
export { STORED_EVENTS_VERSION } from './database';
export { recallMapping, rememberMapping } from './remembered-mappings';
