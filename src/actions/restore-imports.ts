// On start: the imports of earlier visits come back from the storage, part by part, without
// re-parsing. Imports stored by an older version are rebuilt from their file with the mapping the
// user confirmed then; version 1's localStorage imports move into the storage once.
import { eventSetIdFor, importedEventSet } from '../data/event-sets';
import { describeEventCount } from '../data/limits';
import { browserStorage } from '../data/store';
import { LEGACY_IMPORTS_KEY, readLegacyImports } from '../data/persistence';
import { runImportWorker } from '../import/run-import-worker';
import type { StoredImport } from '../storage';
import type { ScenarioSession } from '../session';
import { acceptedImport, type ReadImport } from './import-actions';

async function rebuild(session: ScenarioSession, record: StoredImport, read: ReadImport): Promise<void> {
  const file = await session.storage.readImportFile(record.id);
  const outcome = file ? await read(file, record.name, record.id, { askMapping: async () => record.mapping }) : null;
  if (outcome?.kind !== 'accepted') {
    const why = outcome?.kind === 'refused' ? `it no longer passes validation: ${outcome.issues[0]?.message ?? 'unknown problem'}` : 'its file could not be read back';
    session.store.getState().addNotice(`The saved import "${record.name}" was left out (${why}).`);
    await session.storage.deleteImport(record.id);
    return;
  }
  session.store.getState().restoreImport(importedEventSet(record.id, record.name, outcome.events));
  await session.keepImport(acceptedImport(outcome, file!, record.name, record.id));
}

async function restoreStored(session: ScenarioSession, read: ReadImport): Promise<void> {
  const { store, storage } = session;
  const stored = await storage.listImports();
  if (stored.length > 0) store.getState().setEventsArriving(true); // nothing stored: nothing to prepare for
  for (const record of stored) {
    store.getState().setBackgroundTask(`Restoring your import “${record.name}” (${describeEventCount(record.eventCount)})…`);
    // Null when stored by an older version (or incomplete): the storage knows its own versions.
    const events = await storage.readImportEvents(record);
    if (events) store.getState().restoreImport(importedEventSet(record.id, record.name, events));
    else await rebuild(session, record, read);
  }
}

/** Version 1 kept imports in localStorage: import each again and store it; the old copy goes only once all are stored. */
async function moveLegacyImports(session: ScenarioSession, backend: Storage | undefined, read: ReadImport): Promise<void> {
  const legacy = readLegacyImports(backend);
  let allStored = true;
  for (const file of legacy) {
    const id = eventSetIdFor(file.name);
    if (session.store.getState().eventSets.some((set) => set.id === id)) continue;
    const blob = new Blob([file.text], { type: 'text/plain' });
    const outcome = await read(blob, file.name, id, { askMapping: async () => null });
    if (outcome.kind !== 'accepted') {
      session.store.getState().addNotice(`The saved import "${file.name}" no longer passes validation and was left out.`);
      continue;
    }
    session.store.getState().restoreImport(importedEventSet(id, file.name, outcome.events));
    // Not stored: it stays in localStorage and is read again next time, so nothing is lost.
    if (!(await session.keepImport(acceptedImport(outcome, blob, file.name, id)))) allStored = false;
  }
  if (legacy.length > 0 && allStored) backend?.removeItem(LEGACY_IMPORTS_KEY);
}

export async function restoreImports(session: ScenarioSession, backend: Storage | undefined = browserStorage(), read: ReadImport = runImportWorker): Promise<void> {
  try {
    await restoreStored(session, read);
  } catch {
    // No storage (private mode, blocked storage): nothing was stored there to restore.
  }
  try {
    await moveLegacyImports(session, backend, read);
  } finally {
    session.store.getState().setBackgroundTask(null);
    session.store.getState().setEventsArriving(false);
  }
}
