// Importing a file, from the file picker, drag-and-drop or a link: the worker reads and checks it
// (asking for a column mapping when needed), the store gets it whole or not at all, and the
// session keeps it for next time. A failure to store is a notice, never a lost import.
import { eventSetIdFor, importedEventSet } from '../data/event-sets';
import type { ValidationIssue } from '../data/validate';
import type { TripwireEvent } from '../data/events';
import type { StoreState } from '../data/store';
import { MAX_FILE_BYTES } from '../data/limits';
import { runImportWorker, type ImportCallbacks, type WorkerOutcome } from '../import/run-import-worker';
import type { AcceptedImport } from '../storage';
import type { ScenarioSession } from '../session';

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

/** How a file is read: the import worker in the app; the same parsing on the test's thread in unit tests. */
export type ReadImport = (file: Blob, name: string, eventSetId: string, callbacks: ImportCallbacks) => Promise<WorkerOutcome>;

/** Ids are how selections, links and the map address events: they must stay unique across the event sets shown together. */
function idClashes(state: StoreState, eventSetId: string, events: readonly TripwireEvent[]): ValidationIssue[] {
  const taken = new Set(state.eventSets.filter((set) => set.id !== eventSetId).flatMap((set) => set.events.map((event) => event.id)));
  if (taken.size === 0) return [];
  return events
    .filter((event) => taken.has(event.id))
    .slice(0, 200)
    .map((event) => ({ location: `event "${event.id}"`, message: `id "${event.id}" is already used by another event set; rename it` }));
}

/** An accepted worker outcome, as the storage keeps it. */
export const acceptedImport = (outcome: Extract<WorkerOutcome, { kind: 'accepted' }>, file: Blob, name: string, id: string): AcceptedImport => ({
  record: { id, name, format: outcome.format, eventCount: outcome.events.length, mapping: outcome.mapping, warnings: outcome.warnings },
  events: outcome.events,
  file,
  keepInWorker: outcome.keep,
  discard: outcome.discard,
});

export async function importEventsFile(session: ScenarioSession, file: File, callbacks: ImportCallbacks, read: ReadImport = runImportWorker): Promise<ImportReport> {
  const report = (fields: Partial<ImportReport>): ImportReport => ({ fileName: file.name, ok: false, issues: [], warnings: [], eventCount: 0, ...fields });
  // Checked before reading: a 2 GB file must not be pulled into memory to be refused.
  if (file.size > MAX_FILE_BYTES) {
    return report({ issues: [{ location: '(file)', message: `the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB` }] });
  }
  const id = eventSetIdFor(file.name);
  const outcome = await read(file, file.name, id, callbacks);
  if (outcome.kind === 'cancelled') return report({ cancelled: true });
  if (outcome.kind === 'refused') return report({ issues: outcome.issues });
  const clashes = idClashes(session.store.getState(), id, outcome.events);
  if (clashes.length > 0) {
    outcome.discard();
    return report({ issues: clashes });
  }
  session.store.getState().addImport(importedEventSet(id, file.name, outcome.events), true);
  // Imports into the built-in scenario are kept on their own (it never changes); any other
  // scenario is kept whole, its new set with it.
  if (session.store.getState().scenario?.readOnly) await session.keepImport(acceptedImport(outcome, file, file.name, id));
  else {
    outcome.discard();
    await session.keepOpenScenario();
  }
  return report({ ok: true, warnings: outcome.warnings, eventCount: outcome.events.length });
}

/**
 * Removes an import from the storage, then from the page: once it is gone from the list, a reload
 * (or a closed tab) cannot bring it back.
 */
export async function removeImport(session: ScenarioSession, id: string): Promise<void> {
  await session.storage.deleteImport(id).catch(() => {}); // no storage: it was never stored
  session.store.getState().removeImport(id);
  if (session.store.getState().scenarioStored) await session.keepOpenScenario();
}
