// Importing a file, from the file picker, drag-and-drop or a restore: the worker reads and checks
// it (asking for a column mapping when needed), the store gets it whole or not at all, and the
// browser database keeps it for next time. A failure to store is a notice, never a lost import.
import { importedEventSet } from '../data/event-sets';
import type { TripwireStore } from '../data/store';
import type { ValidationIssue } from '../data/validate';
import type { TripwireEvent } from '../data/events';
import { MAX_FILE_BYTES, formatCount } from '../import/limits';
import { runImportWorker, type ImportCallbacks, type StorageOutcome, type WorkerOutcome } from '../import/run-import-worker';
import { openDatabase, requestPersistentStorage } from '../storage/database';
import { deleteStoredImport } from '../storage/stored-imports';

export interface ImportReport {
  fileName: string;
  ok: boolean;
  cancelled?: boolean;
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
  eventCount: number;
  /** For a file that went through the mapping step: which column became which field, in words. */
  columnsUsed?: string[];
}

export const eventSetIdFor = (name: string) => `import-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'file'}`;

/** Ids are how selections, links and the map address events: they must stay unique across the event sets shown together. */
function idClashes(store: TripwireStore, eventSetId: string, events: readonly TripwireEvent[]): ValidationIssue[] {
  const taken = new Set(store.getState().eventSets.filter((scenario) => scenario.id !== eventSetId).flatMap((scenario) => scenario.events.map((event) => event.id)));
  if (taken.size === 0) return [];
  return events
    .filter((event) => taken.has(event.id))
    .slice(0, 200)
    .map((event) => ({ location: `event "${event.id}"`, message: `id "${event.id}" is already used by another scenario; rename it` }));
}

let storageNoticeGiven = false;
/** Once per page: the import works, but will not be there after a reload. */
function storageFailed(store: TripwireStore, outcome: Extract<StorageOutcome, { stored: false }>) {
  if (storageNoticeGiven) return;
  storageNoticeGiven = true;
  const why = outcome.quotaExceeded ? 'the browser storage is full' : `the browser storage is not available: ${outcome.reason}`;
  store.getState().addNotice(`Imports cannot be saved for next time (${why}); they keep working until you close this page.`);
}

/**
 * Keeps an accepted import in the browser database. The page checks first that it can open the
 * database at all (private mode, a policy that blocks storage): then the worker does the writing.
 */
export async function keepImport(store: TripwireStore, outcome: Extract<WorkerOutcome, { kind: 'accepted' }>): Promise<boolean> {
  try {
    await openDatabase();
  } catch (error) {
    outcome.discard();
    storageFailed(store, { stored: false, quotaExceeded: false, reason: error instanceof Error ? error.message : String(error) });
    return false;
  }
  void requestPersistentStorage();
  const stored = await outcome.keep();
  if (!stored.stored) storageFailed(store, stored);
  return stored.stored;
}

export async function importEventsFile(store: TripwireStore, file: File, callbacks: ImportCallbacks): Promise<ImportReport> {
  const report = (fields: Partial<ImportReport>): ImportReport => ({ fileName: file.name, ok: false, issues: [], warnings: [], eventCount: 0, ...fields });
  // Checked before reading: a 2 GB file must not be pulled into memory to be refused.
  if (file.size > MAX_FILE_BYTES) {
    return report({ issues: [{ location: '(file)', message: `the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB` }] });
  }
  const id = eventSetIdFor(file.name);
  const outcome = await runImportWorker(file, file.name, id, callbacks);
  if (outcome.kind === 'cancelled') return report({ cancelled: true });
  if (outcome.kind === 'refused') return report({ issues: outcome.issues });
  const clashes = idClashes(store, id, outcome.events);
  if (clashes.length > 0) {
    outcome.discard();
    return report({ issues: clashes });
  }
  store.getState().addImport(importedEventSet(id, file.name, outcome.events), true);
  // Imports into the built-in scenario are kept on their own (it never changes); any other
  // scenario is kept whole in the library, its new set with it.
  if (store.getState().scenario?.readOnly) await keepImport(store, outcome);
  else {
    outcome.discard();
    const { storeOpenScenario } = await import('./scenario-actions');
    await storeOpenScenario(store);
  }
  return report({ ok: true, warnings: outcome.warnings, eventCount: outcome.events.length });
}

/**
 * Removes an import from the browser database, then from the page: once it is gone from the
 * list, a reload (or a closed tab) cannot bring it back.
 */
export async function removeImport(store: TripwireStore, id: string): Promise<void> {
  await deleteStoredImport(id).catch(() => {}); // no database: it was never stored
  store.getState().removeImport(id);
  if (store.getState().scenarioStored) {
    const { storeOpenScenario } = await import('./scenario-actions');
    await storeOpenScenario(store);
  }
}

export const describeEventCount = (count: number) => `${formatCount(count)} event${count === 1 ? '' : 's'}`;
