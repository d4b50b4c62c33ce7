// Opening, making, keeping and saving whole scenarios: the built-in one, a file, one from the
// browser's library, a new one. A scenario that fails its checks changes nothing; one that opens
// replaces the previous on screen, and the library keeps it (with its edits) for next time.
import type { TripwireStore, StoreState } from '../data/store';
import type { ValidationIssue } from '../data/validate';
import { BUILT_IN_SCENARIO_PATH, loadScenario, showScenario } from './load';
import { decodeView } from '../data/url-state';
import { openScenario, eventSetOf } from '../data/open-scenario';
import type { ScenarioHead } from '../data/scenario-schema';
import { SCENARIO_FORMAT_VERSION } from '../data/scenario-schema';
import { documentHead, scenarioDocumentParts, scenarioFileName } from '../scenario/scenario-document';
import { readScenarioFile, type ScenarioProgress } from '../scenario/read-scenario-file';
import { defaultViewOf } from '../data/scenario-text';
import { listStoredScenarios, readEdits, readStoredScenario, saveScenario, deleteStoredScenario } from '../storage/stored-scenarios';
import { requestPersistentStorage } from '../storage/database';
import { historyFromJournal, replayJournal, resetJournal } from './edit-actions';
import { restoreImports } from './restore-imports';
import { browserStorage } from '../data/store';
import { dayToIso } from '../data/dates';

export interface ScenarioReport {
  fileName: string;
  ok: boolean;
  cancelled?: boolean;
  issues: ValidationIssue[];
}

/** The open scenario as the library keeps it: its document head and every event of every set. */
const scenarioSnapshot = (state: Pick<StoreState, 'scenario' | 'eventSets'>) => ({
  head: documentHead(state.scenario!, state.eventSets),
  events: state.eventSets.flatMap((set) => set.events),
});

let storageNoticeGiven = false;
/** Keeps the open scenario in the library; says once if the browser will not keep it. */
export async function storeOpenScenario(store: TripwireStore): Promise<boolean> {
  const snapshot = scenarioSnapshot(store.getState());
  try {
    await saveScenario(snapshot.head, snapshot.events);
    void requestPersistentStorage();
    if (store.getState().scenario?.id === snapshot.head.id) store.getState().setScenarioHead(store.getState().scenario!, true);
    return true;
  } catch (error) {
    if (!storageNoticeGiven) {
      storageNoticeGiven = true;
      const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
      store.getState().addNotice(`This scenario cannot be kept in the browser (${quota ? 'the storage is full' : 'the storage is not available'}); it works until you close the page. Use “Save scenario” to keep a file.`);
    }
    return false;
  }
}

/** An id no scenario in the library (nor the open one) uses yet: "baltic-2024", "baltic-2024-2" … */
async function freeId(wanted: string, store: TripwireStore): Promise<string> {
  const taken = new Set((await listStoredScenarios().catch(() => [])).map((record) => record.id));
  const open = store.getState().scenario;
  if (open) taken.add(open.id);
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted.slice(0, 90)}-${n}`)) n += 1;
  return `${wanted.slice(0, 90)}-${n}`;
}

/** "Open scenario…": read and check in a worker; open it only if it passes, then keep it in the library. */
export async function openScenarioFile(store: TripwireStore, file: File, options: { onProgress?: (progress: ScenarioProgress) => void; signal?: AbortSignal } = {}): Promise<ScenarioReport> {
  const report = (fields: Partial<ScenarioReport>): ScenarioReport => ({ fileName: file.name, ok: false, issues: [], ...fields });
  const result = await readScenarioFile(file, options);
  if (!result.ok) return 'cancelled' in result ? report({ cancelled: true }) : report({ issues: result.issues });
  const { head, eventSets } = result.value;
  // Another scenario in the library may have the same id: it is never overwritten by a file.
  const id = await freeId(head.id, store);
  const opened = { head: id === head.id ? head : { ...head, id }, eventSets };
  resetJournal(store);
  showScenario(store, opened, { keepShown: false, stored: false });
  store.getState().requestFrame(defaultViewOf(opened.head).bounds, 12);
  // A read-only document (the built-in one, saved and opened again) is copied when first edited, not stored as it is.
  if (!opened.head.readOnly) await storeOpenScenario(store);
  return report({ ok: true });
}

/** A scenario from the library, with every edit of its journal. False when it is not there. */
export async function openStoredScenario(store: TripwireStore, id: string): Promise<boolean> {
  const stored = await readStoredScenario(id).catch(() => null);
  if (!stored) return false;
  const eventSets = stored.head.eventSets.map((set) => eventSetOf(stored.head, set, stored.events.filter((event) => event.eventSetId === set.id)));
  resetJournal(store);
  showScenario(store, { head: stored.head, eventSets }, { keepShown: false, stored: true });
  store.getState().requestFrame(defaultViewOf(stored.head).bounds, 12);
  const journal = await readEdits(id).catch(() => []);
  await replayJournal(store, journal);
  store.getState().setHistory(historyFromJournal(journal));
  return true;
}

/** The built-in scenario, as shipped, with the files imported into it on earlier visits. */
export async function openBuiltInScenario(store: TripwireStore): Promise<void> {
  const response = await fetch(BUILT_IN_SCENARIO_PATH);
  const opened = openScenario(await response.json());
  if (!opened.ok) {
    store.getState().setLoadFailed(opened.issues);
    return;
  }
  resetJournal(store);
  showScenario(store, opened.value, { keepShown: false, stored: false });
  store.getState().requestFrame(defaultViewOf(opened.value.head).bounds, 12);
  void restoreImports(store, browserStorage());
}

/**
 * "New scenario": empty, with one view (the map's current frame, or the open scenario's views) and,
 * from the current view, the open scenario's layers and sources too.
 */
export async function newScenario(store: TripwireStore, { fromCurrentView, bounds }: { fromCurrentView: boolean; bounds: [number, number, number, number] }): Promise<void> {
  const current = store.getState().scenario;
  const today = dayToIso(Math.floor(Date.now() / 86_400_000));
  const head: ScenarioHead = {
    tripwire: SCENARIO_FORMAT_VERSION,
    id: await freeId(`scenario-${today}`, store),
    title: 'Untitled scenario',
    publishedDate: today,
    sources: fromCurrentView && current ? current.sources.map(({ text: _text, ...source }) => source) : [],
    views: [{ id: 'main', title: 'Main view', bounds }],
    layers: fromCurrentView && current ? current.layers : [],
    measurements: fromCurrentView && current ? current.measurements : [],
    eventSets: [{ id: 'events', name: 'Events' }],
  };
  resetJournal(store);
  showScenario(store, { head, eventSets: [eventSetOf(head, head.eventSets[0]!, [])] }, { keepShown: false, stored: false });
  await storeOpenScenario(store);
}

/** "Save scenario": the whole document, written in parts. */
export function scenarioDownload(state: Pick<StoreState, 'scenario' | 'eventSets'>): { blob: Blob; fileName: string } {
  const head = state.scenario!;
  return { blob: new Blob([...scenarioDocumentParts(head, state.eventSets)], { type: 'application/json' }), fileName: scenarioFileName(head) };
}

/** Removes a scenario from the library; the open one stays on screen until another is opened. */
export async function deleteScenario(store: TripwireStore, id: string): Promise<void> {
  await deleteStoredScenario(id);
  if (store.getState().scenario?.id === id) store.getState().setScenarioHead(store.getState().scenario!, false);
}

/**
 * The first edit of a read-only scenario (the built-in one): a copy, "… (copy)", goes into the
 * library and is opened in its place, so the original is always there.
 */
export async function copyOpenScenario(store: TripwireStore): Promise<boolean> {
  const { scenario } = store.getState();
  if (!scenario) return false;
  const { readOnly: _readOnly, ...rest } = scenario;
  const copy: ScenarioHead = { ...rest, id: await freeId(`${scenario.id}-copy`, store), title: `${scenario.title} (copy)`.slice(0, 200) };
  store.getState().setScenarioHead(copy, false);
  resetJournal(store);
  const stored = await storeOpenScenario(store);
  store.getState().addNotice(`The built-in scenario is read-only: you are now editing a copy, “${copy.title}”. The original stays in the library.`);
  return stored;
}

/**
 * The first scenario of a visit. A link that names a scenario of the library (`#s=…`) opens it;
 * one this browser does not have says so plainly and shows the built-in scenario instead.
 */
export async function startScenario(store: TripwireStore, hash: string): Promise<void> {
  const named = decodeView(hash).view.scenarioId;
  if (named && (await openStoredScenario(store, named))) return;
  await loadScenario(store);
  if (named) {
    store.getState().addNotice(`This link is about the scenario “${named}”, which is not in this browser's library, so the built-in scenario is shown. Open that scenario's file (Scenarios… › Open scenario…) to see it.`);
    return;
  }
  // After the built-in scenario: the first frame never waits for a large saved import.
  if (store.getState().scenario?.readOnly) void restoreImports(store, browserStorage());
}
