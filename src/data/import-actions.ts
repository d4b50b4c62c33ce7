// Importing a file, from the file picker, drag-and-drop or a restore: the worker reads and checks
// it (asking for a column mapping when needed), the store gets it whole or not at all, and the
// browser database keeps it for next time. A failure to store is a notice, never a lost import.
import { importedScenario } from './scenarios';
import type { TripwireStore } from './store';
import type { ValidationIssue } from './validate';
import type { TripwireEvent } from './events';
import { MAX_FILE_BYTES, formatCount } from './import/limits';
import { runImportWorker, type ImportCallbacks } from './import/run-import-worker';
import { requestPersistentStorage } from './storage/database';
import { saveImport } from './storage/stored-imports';

export interface ImportReport {
  fileName: string;
  ok: boolean;
  cancelled?: boolean;
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
  eventCount: number;
}

export const scenarioIdFor = (name: string) => `import-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'file'}`;

/** Ids are how selections, links and the map address events: they must stay unique across the scenarios shown together. */
function idClashes(store: TripwireStore, scenarioId: string, events: readonly TripwireEvent[]): ValidationIssue[] {
  const taken = new Set(store.getState().scenarios.filter((scenario) => scenario.id !== scenarioId).flatMap((scenario) => scenario.events.map((event) => event.id)));
  if (taken.size === 0) return [];
  return events
    .filter((event) => taken.has(event.id))
    .slice(0, 200)
    .map((event) => ({ location: `event "${event.id}"`, message: `id "${event.id}" is already used by another scenario; rename it` }));
}

let storageNoticeGiven = false;
/** Once per page: the import works, but will not be there after a reload. */
function storageFailed(store: TripwireStore, error: unknown) {
  if (storageNoticeGiven) return;
  storageNoticeGiven = true;
  const full = error instanceof DOMException && error.name === 'QuotaExceededError';
  const why = full ? 'the browser storage is full' : `the browser storage is not available: ${error instanceof Error ? error.message : String(error)}`;
  store.getState().addNotice(`Imports cannot be saved for next time (${why}); they keep working until you close this page.`);
}

export async function importEventsFile(store: TripwireStore, file: File, callbacks: ImportCallbacks): Promise<ImportReport> {
  const report = (fields: Partial<ImportReport>): ImportReport => ({ fileName: file.name, ok: false, issues: [], warnings: [], eventCount: 0, ...fields });
  // Checked before reading: a 2 GB file must not be pulled into memory to be refused.
  if (file.size > MAX_FILE_BYTES) {
    return report({ issues: [{ location: '(file)', message: `the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB` }] });
  }
  const id = scenarioIdFor(file.name);
  const outcome = await runImportWorker(file, file.name, id, callbacks);
  if (outcome.kind === 'cancelled') return report({ cancelled: true });
  if (outcome.kind === 'refused') return report({ issues: outcome.issues });
  const clashes = idClashes(store, id, outcome.events);
  if (clashes.length > 0) return report({ issues: clashes });
  store.getState().addImport(importedScenario(id, file.name, outcome.events), true);
  try {
    void requestPersistentStorage();
    await saveImport({ id, name: file.name, format: outcome.format, eventCount: outcome.events.length, mapping: outcome.mapping, warnings: outcome.warnings }, outcome.events, file, (fraction) =>
      callbacks.onProgress?.('saving', fraction),
    );
  } catch (error) {
    storageFailed(store, error);
  }
  return report({ ok: true, warnings: outcome.warnings, eventCount: outcome.events.length });
}

export const describeEventCount = (count: number) => `${formatCount(count)} event${count === 1 ? '' : 's'}`;
