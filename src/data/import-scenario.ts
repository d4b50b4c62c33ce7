// From a file (picked, dropped, or restored from storage) to a scenario, through the same
// validation as every other file. A scenario is applied whole or not at all.
import { parseEventsFile } from './import/parse-events-file';
import type { ImportedFile } from './slices/data';
import type { PersistedState } from './persistence';
import { makeScenario, mergeEvents, type Scenario } from './scenarios';
import type { StoreState } from './store';
import type { ValidationIssue } from './validate';

export type ScenarioResult = { ok: true; scenario: Scenario; warnings: ValidationIssue[] } | { ok: false; issues: ValidationIssue[] };

export function scenarioFromFile(file: ImportedFile, bytes: Uint8Array, takenEventIds: ReadonlySet<string>): ScenarioResult {
  const parsed = parseEventsFile({ name: file.name, bytes });
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  // Ids are how selections, links and the map address events: they must stay unique across
  // the scenarios shown together.
  const clashes = parsed.events
    .filter((event) => takenEventIds.has(event.properties.id))
    .map((event) => ({
      location: parsed.format === 'csv' ? `event "${event.properties.id}"` : `features[${event.index}] › properties.id`,
      message: `id "${event.properties.id}" is already used by another scenario; rename it`,
    }));
  if (clashes.length > 0) return { ok: false, issues: clashes };
  return { ok: true, scenario: makeScenario({ id: file.id, kind: 'import', name: file.name }, parsed.events, parsed.article), warnings: parsed.warnings };
}

/** Persist's merge: preferences back, and each stored import re-validated like a new file. */
export function restoreImports(persisted: PersistedState, current: StoreState): StoreState {
  const scenarios: Scenario[] = [];
  const importedFiles: ImportedFile[] = [];
  const notices: string[] = [];
  const taken = new Set<string>();
  for (const file of persisted.importedFiles ?? []) {
    const result = scenarioFromFile(file, new TextEncoder().encode(file.text), taken);
    if (result.ok) {
      scenarios.push(result.scenario);
      importedFiles.push(file);
      result.scenario.events.forEach((event) => taken.add(event.id));
    } else {
      notices.push(`The saved import "${file.name}" no longer passes validation (${result.issues[0]?.message ?? 'unknown problem'}); it was left out.`);
    }
  }
  const { importedFiles: _stored, ...preferences } = persisted;
  const allScenarios = [...current.scenarios, ...scenarios];
  const activeScenarioIds = preferences.activeScenarioIds ?? current.activeScenarioIds;
  return {
    ...current,
    ...preferences,
    scenarios: allScenarios,
    importedFiles,
    activeScenarioIds,
    events: mergeEvents(allScenarios, activeScenarioIds),
    notices: [...current.notices, ...notices],
  };
}
