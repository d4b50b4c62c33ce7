// The import action shared by the file picker and drag-and-drop: validate the whole file, then
// apply it whole (a new scenario, shown) or not at all (a located report, nothing changed).
import { scenarioFromFile } from './import-scenario';
import type { TripwireStore } from './store';
import type { ValidationIssue } from './validate';
import { MAX_FILE_BYTES } from './import/limits';

export interface ImportReport {
  fileName: string;
  ok: boolean;
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
  eventCount: number;
}

const scenarioIdFor = (name: string) => `import-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'file'}`;

export async function importEventsFile(store: TripwireStore, file: File): Promise<ImportReport> {
  const refuse = (message: string): ImportReport => ({ fileName: file.name, ok: false, issues: [{ location: '(file)', message }], warnings: [], eventCount: 0 });
  // Checked before reading: a 2 GB file must not be pulled into memory to be refused.
  if (file.size > MAX_FILE_BYTES) return refuse(`the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const state = store.getState();
  const id = scenarioIdFor(file.name);
  const taken = new Set(state.scenarios.filter((scenario) => scenario.id !== id).flatMap((scenario) => scenario.events.map((event) => event.id)));
  const text = new TextDecoder().decode(bytes);
  const result = scenarioFromFile({ id, name: file.name, text }, bytes, taken);
  if (!result.ok) return { fileName: file.name, ok: false, issues: result.issues, warnings: [], eventCount: 0 };
  state.addImport(result.scenario, { id, name: file.name, text }, true);
  return { fileName: file.name, ok: true, issues: [], warnings: result.warnings, eventCount: result.scenario.events.length };
}
