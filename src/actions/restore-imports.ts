// On start: the imports of earlier visits come back from the browser database, chunk by chunk,
// without re-parsing. Imports stored by an older version are rebuilt from their file with the
// mapping the user confirmed then; version 1's localStorage imports move into the database once.
import { importedEventSet } from '../data/event-sets';
import type { TripwireStore } from '../data/store';
import { describeEventCount, keepImport, eventSetIdFor } from './import-actions';
import { runImportWorker } from '../import/run-import-worker';
import { LEGACY_IMPORTS_KEY, readLegacyImports } from '../data/persistence';
import { STORED_EVENTS_VERSION, type StoredImport } from '../storage/database';
import { deleteStoredImport, listStoredImports, readStoredEvents, readStoredFile } from '../storage/stored-imports';

async function rebuild(store: TripwireStore, record: StoredImport): Promise<void> {
  const file = await readStoredFile(record.id);
  const outcome = file ? await runImportWorker(file, record.name, record.id, { askMapping: async () => record.mapping }) : null;
  if (outcome?.kind !== 'accepted') {
    const why = outcome?.kind === 'refused' ? `it no longer passes validation: ${outcome.issues[0]?.message ?? 'unknown problem'}` : 'its file could not be read back';
    store.getState().addNotice(`The saved import "${record.name}" was left out (${why}).`);
    await deleteStoredImport(record.id);
    return;
  }
  store.getState().restoreImport(importedEventSet(record.id, record.name, outcome.events));
  await keepImport(store, outcome);
}

async function restoreStored(store: TripwireStore): Promise<void> {
  const stored = await listStoredImports();
  if (stored.length > 0) store.getState().setEventsArriving(true); // nothing stored: nothing to prepare for
  for (const record of stored) {
    store.getState().setBackgroundTask(`Restoring your import “${record.name}” (${describeEventCount(record.eventCount)})…`);
    const events = record.eventsVersion === STORED_EVENTS_VERSION ? await readStoredEvents(record) : null;
    if (events) store.getState().restoreImport(importedEventSet(record.id, record.name, events));
    else await rebuild(store, record);
  }
}

/** Version 1 kept imports in localStorage: import each again and store it; the old copy goes only once all are stored. */
async function moveLegacyImports(store: TripwireStore, backend: Storage | undefined): Promise<void> {
  const legacy = readLegacyImports(backend);
  let allStored = true;
  for (const file of legacy) {
    const id = eventSetIdFor(file.name);
    if (store.getState().eventSets.some((scenario) => scenario.id === id)) continue;
    const blob = new Blob([file.text], { type: 'text/plain' });
    const outcome = await runImportWorker(blob, file.name, id, { askMapping: async () => null });
    if (outcome.kind !== 'accepted') {
      store.getState().addNotice(`The saved import "${file.name}" no longer passes validation and was left out.`);
      continue;
    }
    store.getState().restoreImport(importedEventSet(id, file.name, outcome.events));
    // Not stored: it stays in localStorage and is read again next time, so nothing is lost.
    if (!(await keepImport(store, outcome))) allStored = false;
  }
  if (legacy.length > 0 && allStored) backend?.removeItem(LEGACY_IMPORTS_KEY);
}

export async function restoreImports(store: TripwireStore, backend: Storage | undefined): Promise<void> {
  try {
    await restoreStored(store);
  } catch {
    // No database (private mode, blocked storage): nothing was stored there to restore.
  }
  try {
    await moveLegacyImports(store, backend);
  } finally {
    store.getState().setBackgroundTask(null);
    store.getState().setEventsArriving(false);
  }
}
