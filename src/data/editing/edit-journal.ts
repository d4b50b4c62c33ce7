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
import { editId, inverse, recordEdit, redo, undo, type Edit, type Identified, type UndoStack } from './edit-history';
import type { TripwireEvent } from '../events';
import type { ScenarioHead } from '../scenario-schema';
import { headEdits, type HeadRecord } from './head-records';

export type EditStep = 'do' | 'undo' | 'redo';

/** What an edit changes: one event, or one record of the scenario's head (head-records.ts). */
export type EditableRecord = TripwireEvent | HeadRecord;

/** One thing the user did (a save, a move, a delete; an undo or redo of one): its edits, one per record. */
export type Step = readonly Edit<EditableRecord>[];

/** What undoes a step: each edit's inverse, the last first. */
export const inverseStep = (step: Step): Step => [...step].reverse().map(inverse);

/** This page's undo history of the open scenario. */
export type StepHistory = UndoStack<Step>;

/**
 * One step in a scenario's journal, as the storage keeps it: all its edits, applied together.
 * `step`: a new step, or an undo or redo of one (the undo history is rebuilt from them after a
 * reload). `author`: who made it (null for this browser's own user, with no accounts); `madeAt`:
 * when, as the author's clock saw it; `seq`: its place in the scenario's total order, given by the
 * storage once the step is committed there: an entry without one is not yet acknowledged.
 */
export interface JournalRecord {
  seq?: number;
  scenarioId: string;
  edits: Step;
  step: EditStep;
  author?: string | null;
  madeAt?: string;
  /** The last journal place the author's page had applied when making it: an edit of a record someone changed after it is on a stale base. */
  baseSeq?: number;
  /** Said by the storage that committed it: made on a stale base (someone else had changed one of its records after `baseSeq`). */
  stale?: boolean;
}

/** An entry the storage has committed: it has its place in the order. */
export type CommittedRecord = JournalRecord & { seq: number };

/**
 * The step of an entry written before the head was split into records (journal entries of a
 * single `edit`, the whole head as one "(scenario)" record): its edits as they would be written now.
 */
export function stepOf(record: JournalRecord | (Omit<JournalRecord, 'edits'> & { edit: Edit<EditableRecord | { id: '(scenario)'; head: ScenarioHead }> })): Step {
  if ('edits' in record) return record.edits;
  const { before, after } = record.edit;
  if ((after ?? before)!.id !== '(scenario)') return [record.edit as Edit<EditableRecord>];
  const heads = record.edit as Edit<{ id: '(scenario)'; head: ScenarioHead }>;
  // A whole head added or removed never happens (a scenario is saved whole instead): only changes.
  return heads.before && heads.after ? headEdits(heads.before.head, heads.after.head) : [];
}

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
 * The undo history a journal implies, so undo still works after a reload: each new step is
 * recorded, each undo and redo replayed on the history, in journal order.
 */
export function historyFromJournal(records: readonly JournalRecord[]): StepHistory {
  let history: StepHistory = { past: [], future: [] };
  for (const record of records) {
    if (record.step === 'do') history = recordEdit(history, stepOf(record));
    else history = (record.step === 'undo' ? undo(history, inverseStep) : redo(history))?.history ?? history;
  }
  return history;
}
