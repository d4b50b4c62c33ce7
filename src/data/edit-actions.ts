// Editing the open scenario's events: every edit is applied at once, recorded for undo, and
// appended to the scenario's journal in the browser database, which other tabs replay (told by a
// BroadcastChannel). Each tab applies journal entries newest-wins per event (edit-journal.ts),
// so two tabs converge and an older edit never overwrites a newer one.
import type { TripwireStore } from './store';
import type { TripwireEvent } from './events';
import { applyJournal, type JournalEntry } from './editing/edit-journal';
import { recordEdit, redo, undo, type Edit, type History } from './editing/edit-history';
import { regroup, withEventReplaced } from './editing/event-edits';
import type { EditStep, JournalRecord } from './storage/database';
import { appendEdit, hasStoredScenario, readEdits } from './storage/stored-scenarios';
import { emptyHistory } from './editing/edit-history';
import type { ScenarioHead } from './scenario/scenario-schema';
import { eventSetOf } from './scenario/open-scenario';

const CHANNEL = 'tripwire-edits';

/** What this tab has applied of the open scenario's journal. */
let applied = new Map<string, number>();
let lastSeq = 0;

/** Another scenario is opening: nothing of its journal is applied yet, and the undo history was about the previous one. */
export function resetJournal(store: TripwireStore): void {
  applied = new Map();
  lastSeq = 0;
  store.getState().setHistory(emptyHistory());
}

/** Applies journal entries to the store: events newest-wins per id, the head from the newest head entry. */
export async function replayJournal(store: TripwireStore, records: readonly (JournalRecord & { seq: number })[]): Promise<void> {
  if (records.length === 0) return;
  const state = store.getState();
  const eventEntries: JournalEntry<TripwireEvent>[] = records.flatMap((record) => (record.kind === 'event' ? [{ seq: record.seq, edit: record.edit }] : []));
  const heads = records.filter((record) => record.kind === 'head');
  if (eventEntries.length > 0) {
    const result = applyJournal(state.eventSets.flatMap((set) => set.events), applied, eventEntries);
    applied = result.applied;
    state.setEventSets(regroup(state.eventSets, result.records));
  }
  const newestHead = heads.at(-1);
  if (newestHead?.kind === 'head') showHead(store, newestHead.head);
  lastSeq = Math.max(lastSeq, ...records.map((record) => record.seq));
}

/** A new head on screen; the scenario's own sets (not imports) without a source of it are credited to its first source. */
function showHead(store: TripwireStore, head: ScenarioHead): void {
  const state = store.getState();
  state.setScenarioHead(head, true);
  const first = head.sources[0];
  if (!first) return;
  state.setEventSets(state.eventSets.map((set) => (set.imported || head.sources.some((source) => source.id === set.sourceId) ? set : eventSetOf(head, { id: set.id, name: set.name, sourceId: first.id }, set.events))));
}

/** Reads what other tabs (or this one) appended since the last read. */
async function catchUp(store: TripwireStore): Promise<void> {
  const id = store.getState().scenario?.id;
  if (id) await replayJournal(store, await readEdits(id, lastSeq));
}

let channel: BroadcastChannel | null = null;
/** Listens for other tabs' edits of the open scenario. */
export function startEditSync(store: TripwireStore): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (message: MessageEvent<{ scenarioId: string }>) => {
    if (message.data.scenarioId === store.getState().scenario?.id) void catchUp(store).catch(() => {});
  };
  return () => channel?.close();
}

/**
 * The open scenario must be in the library before it is edited. The built-in scenario (and any
 * read-only one) is never changed: the first edit makes a copy, which is what gets edited.
 */
async function ensureEditable(store: TripwireStore): Promise<boolean> {
  const { scenario, scenarioStored } = store.getState();
  if (!scenario) return false;
  const { storeOpenScenario, copyOpenScenario } = await import('./scenario-actions');
  if (scenario.readOnly) return copyOpenScenario(store);
  if (scenarioStored && (await hasStoredScenario(scenario.id).catch(() => false))) return true;
  return storeOpenScenario(store);
}

async function commit(store: TripwireStore, edit: Edit<TripwireEvent>, step: EditStep): Promise<void> {
  const id = (edit.after ?? edit.before)!.id;
  const state = store.getState();
  state.setEventSets(withEventReplaced(state.eventSets, id, edit.after));
  const scenarioId = state.scenario!.id;
  try {
    await appendEdit({ scenarioId, kind: 'event', edit, step });
    channel?.postMessage({ scenarioId });
    await catchUp(store);
  } catch {
    state.addNotice('This edit could not be saved in the browser; it stays on screen until the page is closed. Use “Save scenario” to keep a file.');
  }
}

/** Adds (before null), changes, or deletes (after null) one event, as one undoable step. */
export async function editEvent(store: TripwireStore, before: TripwireEvent | null, after: TripwireEvent | null): Promise<void> {
  if (!(await ensureEditable(store))) return;
  // After a copy the events are the same objects: find the current one by id.
  const current = before ? (store.getState().eventSets.flatMap((set) => set.events).find((event) => event.id === before.id) ?? before) : null;
  const edit: Edit<TripwireEvent> = { before: current, after };
  store.getState().setHistory(recordEdit(store.getState().history, edit));
  await commit(store, edit, 'do');
}

export async function undoEdit(store: TripwireStore): Promise<void> {
  const step = undo(store.getState().history);
  if (!step) return;
  store.getState().setHistory(step.history);
  await commit(store, step.edit, 'undo');
}

export async function redoEdit(store: TripwireStore): Promise<void> {
  const step = redo(store.getState().history);
  if (!step) return;
  store.getState().setHistory(step.history);
  await commit(store, step.edit, 'redo');
}

/**
 * The undo history a journal implies, so undo still works after a reload: each new edit is
 * recorded, each undo and redo replayed on the history, in journal order.
 */
export function historyFromJournal(records: readonly JournalRecord[]): History<TripwireEvent> {
  let history = emptyHistory<TripwireEvent>();
  for (const record of records) {
    if (record.kind !== 'event') continue;
    if (record.step === 'do') history = recordEdit(history, record.edit);
    else history = (record.step === 'undo' ? undo(history) : redo(history))?.history ?? history;
  }
  return history;
}

/**
 * The scenario's own details changed (title, "as of", sources). Kept in the journal like an
 * event edit (the newest head wins in every tab); not part of the event undo history.
 */
export async function editHead(store: TripwireStore, change: (head: ScenarioHead) => ScenarioHead): Promise<void> {
  if (!(await ensureEditable(store))) return;
  const state = store.getState();
  const head = change(state.scenario!);
  showHead(store, head);
  try {
    await appendEdit({ scenarioId: head.id, kind: 'head', head });
    channel?.postMessage({ scenarioId: head.id });
  } catch {
    state.addNotice('This change could not be saved in the browser; it stays on screen until the page is closed. Use “Save scenario” to keep a file.');
  }
}
