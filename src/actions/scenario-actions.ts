// Opening, making, keeping and saving whole scenarios: the built-in one, a file, one from the
// library, a new one. A scenario that fails its checks changes nothing; one that opens replaces
// the previous on screen, and the session keeps it (with its edits) for next time.
import type { StoreState } from '../data/store';
import type { ValidationIssue } from '../data/validate';
import { decodeView } from '../data/url-state';
import { eventSetOf, type OpenedScenario } from '../data/open-scenario';
import { SCENARIO_FORMAT_VERSION, type ScenarioHead } from '../data/scenario-schema';
import { defaultViewOf } from '../data/scenario-text';
import { dayToIso } from '../data/dates';
import { scenarioDocumentParts, scenarioFileName } from '../scenario/scenario-document';
import type { ScenarioProgress } from '../scenario/read-scenario-file';
import type { StoredScenario } from '../storage';
import type { ScenarioSession } from '../session';
import { loadScenario, readBuiltInScenario } from './load';
import { restoreImports } from './restore-imports';

export interface ScenarioReport {
  fileName: string;
  ok: boolean;
  cancelled?: boolean;
  issues: ValidationIssue[];
}

/** The scenarios the session's storage keeps; none when it cannot be read. */
export const listScenarios = (session: ScenarioSession): Promise<StoredScenario[]> => session.storage.listScenarios().catch(() => []);

/**
 * A scenario that passed its checks goes on screen and into the storage. Another stored scenario
 * may have the same id: it is never overwritten by a file, the opened one gets a free id instead.
 */
export async function openDocument(session: ScenarioSession, { head, eventSets }: OpenedScenario): Promise<void> {
  const id = await session.freeId(head.id);
  const opened = { head: id === head.id ? head : { ...head, id }, eventSets };
  session.show(opened, { keepShown: false, stored: false });
  session.store.getState().requestFrame(defaultViewOf(opened.head).bounds, 12);
  // A read-only document (the built-in one, saved and opened again) is copied when first edited, not stored as it is.
  if (!opened.head.readOnly) await session.keepOpenScenario();
}

/** "Open scenario…": read and check in a worker; open it only if it passes. */
export async function openScenarioFile(session: ScenarioSession, file: File, options: { onProgress?: (progress: ScenarioProgress) => void; signal?: AbortSignal } = {}): Promise<ScenarioReport> {
  const report = (fields: Partial<ScenarioReport>): ScenarioReport => ({ fileName: file.name, ok: false, issues: [], ...fields });
  // The reader (and its worker) loads when a file is opened: the first frame does not need it.
  const { readScenarioFile } = await import('../scenario/read-scenario-file');
  const result = await readScenarioFile(file, options);
  if (!result.ok) return 'cancelled' in result ? report({ cancelled: true }) : report({ issues: result.issues });
  await openDocument(session, result.value);
  return report({ ok: true });
}

/** A scenario from the library, with every edit of its journal, framed. False when it is not there. */
export async function openStoredScenario(session: ScenarioSession, id: string): Promise<boolean> {
  if (!(await session.openStored(id))) return false;
  session.store.getState().requestFrame(defaultViewOf(session.store.getState().scenario!).bounds, 12);
  return true;
}

/** The built-in scenario, as shipped, with the files imported into it on earlier visits. */
export async function openBuiltInScenario(session: ScenarioSession): Promise<void> {
  const opened = await readBuiltInScenario().catch((error: unknown) => ({ ok: false as const, issues: [{ location: '(loading)', message: error instanceof Error ? error.message : String(error) }] }));
  if (!opened.ok) {
    session.store.getState().setLoadFailed(opened.issues);
    return;
  }
  session.show(opened.value, { keepShown: false, stored: false });
  session.store.getState().requestFrame(defaultViewOf(opened.value.head).bounds, 12);
  void restoreImports(session);
}

/**
 * "New scenario": empty, with one view (the map's current frame, or the open scenario's views) and,
 * from the current view, the open scenario's layers and sources too.
 */
export async function newScenario(session: ScenarioSession, { fromCurrentView, bounds }: { fromCurrentView: boolean; bounds: [number, number, number, number] }): Promise<void> {
  const current = session.store.getState().scenario;
  const today = dayToIso(Math.floor(Date.now() / 86_400_000));
  const head: ScenarioHead = {
    tripwire: SCENARIO_FORMAT_VERSION,
    id: await session.freeId(`scenario-${today}`),
    title: 'Untitled scenario',
    publishedDate: today,
    sources: fromCurrentView && current ? current.sources.map(({ text: _text, ...source }) => source) : [],
    views: [{ id: 'main', title: 'Main view', bounds }],
    layers: fromCurrentView && current ? current.layers : [],
    measurements: fromCurrentView && current ? current.measurements : [],
    eventSets: [{ id: 'events', name: 'Events' }],
  };
  session.show({ head, eventSets: [eventSetOf(head, head.eventSets[0]!, [])] }, { keepShown: false, stored: false });
  await session.keepOpenScenario();
}

/** "Save scenario": the whole document, written in parts. */
export function scenarioDownload(state: Pick<StoreState, 'scenario' | 'eventSets'>): { blob: Blob; fileName: string } {
  const head = state.scenario!;
  return { blob: new Blob([...scenarioDocumentParts(head, state.eventSets)], { type: 'application/json' }), fileName: scenarioFileName(head) };
}

/** Removes a scenario from the library; the open one stays on screen until another is opened. */
export async function deleteScenario(session: ScenarioSession, id: string): Promise<void> {
  await session.storage.deleteScenario(id);
  const { scenario, setScenarioHead } = session.store.getState();
  if (scenario?.id === id) setScenarioHead(scenario, false);
}

/**
 * The first scenario of a visit. A link that names a scenario of the library (`#s=…`) opens it;
 * one this browser does not have says so plainly and shows the built-in scenario instead.
 */
export async function startScenario(session: ScenarioSession, hash: string): Promise<void> {
  const named = decodeView(hash).view.scenarioId;
  if (named && (await openStoredScenario(session, named))) return;
  await loadScenario(session);
  if (named) {
    session.store.getState().addNotice(`This link is about the scenario “${named}”, which is not in this browser's library, so the built-in scenario is shown. Open that scenario's file (Scenarios… › Open scenario…) to see it.`);
    return;
  }
  // After the built-in scenario: the first frame never waits for a large saved import.
  if (session.store.getState().scenario?.readOnly) void restoreImports(session);
}
