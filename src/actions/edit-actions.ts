// Editing the open scenario: its events and its head (details, layers, geography). Every edit is
// applied at once, recorded for undo, and appended to the scenario's journal in the browser
// database, which other tabs replay (told by a BroadcastChannel). Each tab applies journal
// entries newest-wins per record (edit-journal.ts), so two tabs converge and an older edit never
// overwrites a newer one.
import type { TripwireStore } from '../data/store';
import type { TripwireEvent } from '../data/events';
import { applyJournal, type JournalEntry } from '../data/editing/edit-journal';
import { emptyHistory, recordEdit, redo, undo, type Edit, type History } from '../data/editing/edit-history';
import { regroup, withEventReplaced } from '../data/editing/event-edits';
import { HEAD_RECORD_ID, type EditableRecord, type EditStep, type JournalRecord } from '../storage/database';
import { appendEdit, hasStoredScenario, readEdits } from '../storage/stored-scenarios';
import type { ScenarioHead } from '../data/scenario-schema';
import { eventSetOf, geographyOf } from '../data/open-scenario';
import { computeFacts } from '../data/facts';

const CHANNEL = 'tripwire-edits';

/** What this tab has applied of the open scenario's journal. */
let applied = new Map<string, number>();
let lastSeq = 0;

const isHeadEdit = (edit: Edit<EditableRecord>): edit is Edit<{ id: typeof HEAD_RECORD_ID; head: ScenarioHead }> => (edit.after ?? edit.before)!.id === HEAD_RECORD_ID;

/** Another scenario is opening: nothing of its journal is applied yet, and the undo history was about the previous one. */
export function resetJournal(store: TripwireStore): void {
  applied = new Map();
  lastSeq = 0;
  store.getState().setHistory(emptyHistory());
}

/**
 * A new head on screen, its measurements made again (a zone may have moved); the scenario's own
 * sets (not imports) without a source of it are credited to its first source.
 */
function showHead(store: TripwireStore, head: ScenarioHead): void {
  const state = store.getState();
  const geometryChanged = state.scenario?.layers !== head.layers || state.scenario?.measurements !== head.measurements;
  state.setScenarioHead(head, true);
  if (geometryChanged) state.setFacts(computeFacts(geographyOf(head), head.measurements));
  const first = head.sources[0];
  if (!first) return;
  state.setEventSets(state.eventSets.map((set) => (set.imported || head.sources.some((source) => source.id === set.sourceId) ? set : eventSetOf(head, { id: set.id, name: set.name, sourceId: first.id }, set.events))));
}

/** Applies journal entries to the store: events newest-wins per id, the head from the newest head entry. */
export async function replayJournal(store: TripwireStore, records: readonly (JournalRecord & { seq: number })[]): Promise<void> {
  if (records.length === 0) return;
  const state = store.getState();
  const eventEntries = records.filter((record) => !isHeadEdit(record.edit)).map((record) => ({ seq: record.seq, edit: record.edit }) as JournalEntry<TripwireEvent>);
  if (eventEntries.length > 0) {
    const result = applyJournal(state.eventSets.flatMap((set) => set.events), applied, eventEntries);
    applied = result.applied;
    state.setEventSets(regroup(state.eventSets, result.records));
  }
  const newestHead = records.filter((record) => isHeadEdit(record.edit) && record.seq > (applied.get(HEAD_RECORD_ID) ?? 0)).at(-1);
  if (newestHead) {
    applied.set(HEAD_RECORD_ID, newestHead.seq);
    showHead(store, (newestHead.edit.after as { head: ScenarioHead }).head);
  }
  lastSeq = Math.max(lastSeq, ...records.map((record) => record.seq));
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

/** Applies an edit on screen, then keeps it in the journal and tells the other tabs. */
async function commit(store: TripwireStore, edit: Edit<EditableRecord>, step: EditStep): Promise<void> {
  const state = store.getState();
  if (isHeadEdit(edit)) showHead(store, edit.after!.head);
  else state.setEventSets(withEventReplaced(state.eventSets, (edit.after ?? edit.before)!.id, edit.after as TripwireEvent | null));
  const scenarioId = state.scenario!.id;
  try {
    await appendEdit({ scenarioId, edit, step });
    channel?.postMessage({ scenarioId });
    await catchUp(store);
  } catch {
    state.addNotice('This edit could not be saved in the browser; it stays on screen until the page is closed. Use “Save scenario” to keep a file.');
  }
}

async function doEdit(store: TripwireStore, makeEdit: () => Edit<EditableRecord>): Promise<void> {
  if (!(await ensureEditable(store))) return;
  // After a copy the records are the copy's: the edit is made from the state as it is now.
  const edit = makeEdit();
  store.getState().setHistory(recordEdit(store.getState().history, edit));
  await commit(store, edit, 'do');
}

/** Adds (before null), changes, or deletes (after null) one event, as one undoable step. */
export function editEvent(store: TripwireStore, before: TripwireEvent | null, after: TripwireEvent | null): Promise<void> {
  return doEdit(store, () => ({ before: before ? (store.getState().eventSets.flatMap((set) => set.events).find((event) => event.id === before.id) ?? before) : null, after }));
}

/** Changes the scenario's head (details, layers, geography), as one undoable step. */
export function editHead(store: TripwireStore, change: (head: ScenarioHead) => ScenarioHead): Promise<void> {
  return doEdit(store, () => {
    const head = store.getState().scenario!;
    return { before: { id: HEAD_RECORD_ID, head }, after: { id: HEAD_RECORD_ID, head: change(head) } };
  });
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
export function historyFromJournal(records: readonly JournalRecord[]): History<EditableRecord> {
  let history = emptyHistory<EditableRecord>();
  for (const { edit, step } of records) {
    if (step === 'do') history = recordEdit(history, edit);
    else history = (step === 'undo' ? undo(history) : redo(history))?.history ?? history;
  }
  return history;
}
