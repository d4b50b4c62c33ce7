// The edit journal two tabs share (IndexedDB, with an auto-increment `seq`): each tab applies its
// own edits at once and the journal's entries when told, and both must end with the same records.
//
// Convergence is by "the highest seq wins per record": an entry's `after` replaces whatever the
// tab shows, so an edit is never undone by an older one, whichever tab saw what first. For the
// tabs to agree on order too, the journal decides positions the same way in every tab: a change
// keeps the record where it is, an add (and a change of a record the tab no longer has) puts it
// at the end. So a tab should let its own entries come back through here rather than mark their
// seqs as applied beforehand: replaying them changes nothing but positions, and those it makes
// the same as in the other tab (a delete undone at its old index moves to the end, where the
// other tab has put it). Entries must reach a tab in whole prefixes of the journal (all those up
// to some seq), which reading it in one IndexedDB transaction gives.
import { editId, emptyHistory, recordEdit, redo, undo, type Edit, type History, type Identified } from './edit-history';
import type { TripwireEvent } from '../events';
import type { ScenarioHead } from '../scenario-schema';

export type EditStep = 'do' | 'undo' | 'redo';

/** What an edit changes: one event, or the scenario's head (its details, views, layers and geography). */
export type EditableRecord = TripwireEvent | { id: typeof HEAD_RECORD_ID; head: ScenarioHead };
/** The head's id in edits: never an event id (those are kebab-case). */
export const HEAD_RECORD_ID = '(scenario)';

/**
 * One edit in a scenario's journal, as the storage keeps it. `step`: a new edit, or an undo or redo
 * of one (the undo history is rebuilt from them after a reload). `author`: who made it (null for
 * this browser's own user, with no accounts); `madeAt`: when, as the author's clock saw it;
 * `seq`: its place in the scenario's total order, given by the storage once the edit is committed
 * there: an entry without one is not yet acknowledged.
 */
export interface JournalRecord {
  seq?: number;
  scenarioId: string;
  edit: Edit<EditableRecord>;
  step: EditStep;
  author?: string | null;
  madeAt?: string;
}

/** An entry the storage has committed: it has its place in the order. */
export type CommittedRecord = JournalRecord & { seq: number };

export interface JournalEntry<T extends Identified> {
  seq: number;
  edit: Edit<T>;
}

/**
 * Applies the journal entries a tab has not yet applied. `applied` maps record id → the seq of the
 * last entry applied to that record. An entry whose seq is not greater than its record's applied
 * seq is skipped (it is older than what the tab shows); an applied entry's `after` replaces the
 * record's current state, present or not. Returns new records and a new applied map (inputs not mutated).
 */
export function applyJournal<T extends Identified>(
  records: readonly T[],
  applied: ReadonlyMap<string, number>,
  entries: readonly JournalEntry<T>[],
): { records: T[]; applied: Map<string, number> } {
  // A Map keeps insertion order: setting an existing id keeps its place, deleting and setting again moves it to the end.
  const byId = new Map(records.map((record) => [record.id, record]));
  const seqs = new Map(applied);
  for (const { seq, edit } of [...entries].sort((a, b) => a.seq - b.seq)) {
    const id = editId(edit);
    if (seq <= (seqs.get(id) ?? -Infinity)) continue;
    seqs.set(id, seq);
    if (edit.after === null || edit.before === null) byId.delete(id);
    if (edit.after !== null) byId.set(id, edit.after);
  }
  return { records: [...byId.values()], applied: seqs };
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
