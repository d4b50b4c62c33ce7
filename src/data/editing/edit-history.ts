// Edits of records (events, geography features: anything with a string `id`) and their undo/redo
// history. Pure data: the store applies the edits, IndexedDB keeps the journal (edit-journal.ts).
//
// An edit stores the whole record before and after, so its inverse is just the two swapped, and
// undo never has to recompute anything. Records are found by id, never by position: another tab's
// edits may have moved them. The one thing an id cannot say is where a deleted record stood, so
// adds and deletes carry `index`, and undoing a delete puts the record back where it was.

export interface Identified {
  id: string;
}

/** One edit of one record: add (before null), change (both), delete (after null). */
export interface Edit<T extends Identified> {
  before: T | null;
  after: T | null;
  /**
   * Where the record stands in the list that holds it: before a delete, after an add. An add inserts
   * there (appends without it); a delete ignores it, but its inverse, an add, needs it. `makeEdit`
   * fills it in, and only with it does undoing a delete restore the list's order exactly.
   */
  index?: number;
}

/** The id of the record an edit is about. */
export const editId = <T extends Identified>(edit: Edit<T>): string => {
  const record = edit.after ?? edit.before;
  if (!record) throw new Error('An edit needs a record before or after it; both are null.');
  return record.id;
};

/** The edit that takes the record back: an add's inverse is a delete at the same index, and so on. */
export const inverse = <T extends Identified>(edit: Edit<T>): Edit<T> => ({ ...edit, before: edit.after, after: edit.before });

/** The edit from `before` to `after` in `records`, with the index an exact undo needs. */
export function makeEdit<T extends Identified>(records: readonly T[], before: T | null, after: T | null): Edit<T> {
  if (before === null) return { before, after, index: records.length };
  if (after !== null) return { before, after };
  const index = records.findIndex((record) => record.id === before.id);
  if (index === -1) throw new Error(`Cannot delete record "${before.id}": it is not in the list.`);
  return { before, after, index };
}

/**
 * Applies an edit to a list of records, returning a new array (the input is never mutated). Add
 * appends (or inserts at its `index`); change replaces in place; delete removes. Throws if the
 * list does not match `before`: adding an id that exists, changing or deleting one that does not.
 */
export function applyEdit<T extends Identified>(records: readonly T[], edit: Edit<T>): T[] {
  const id = editId(edit);
  const at = records.findIndex((record) => record.id === id);
  const { before, after } = edit;
  if (before === null) {
    if (at !== -1) throw new Error(`Cannot add record "${id}": the list already has it.`);
    // Clamped: after another tab's deletes, the list may be shorter than when the index was taken.
    const index = Math.max(0, Math.min(edit.index ?? records.length, records.length));
    return [...records.slice(0, index), after!, ...records.slice(index)]; // editId has checked after is there
  }
  if (at === -1) throw new Error(`Cannot ${after ? 'change' : 'delete'} record "${id}": it is not in the list.`);
  if (after === null) return records.filter((_, index) => index !== at);
  if (after.id !== before.id) throw new Error(`A change cannot turn record "${before.id}" into "${after.id}".`);
  return records.map((record, index) => (index === at ? after : record));
}

/**
 * An undo stack of any unit of change (one edit, or a step of several): both stacks have their top
 * at the end, the last change done and the last change undone.
 */
export interface UndoStack<E> {
  past: readonly E[];
  future: readonly E[];
}

/** The undo history of single-record edits. */
export type History<T extends Identified> = UndoStack<Edit<T>>;

export const emptyHistory = <T extends Identified>(): History<T> => ({ past: [], future: [] });

export const DEFAULT_HISTORY_LIMIT = 200;

/** Records a done change: pushes onto past (dropping the oldest past `limit`), clears future. */
export function recordEdit<E>(history: UndoStack<E>, edit: E, limit = DEFAULT_HISTORY_LIMIT): UndoStack<E> {
  const past = [...history.past, edit];
  return { past: past.slice(Math.max(0, past.length - limit)), future: [] };
}

/**
 * The change that undoes the last one (its inverse) and the history after it; null when there is
 * nothing to undo. The caller keeps the old history if applying the change throws.
 */
export function undo<E>(history: UndoStack<E>, invert: (change: E) => E = inverse as unknown as (change: E) => E): { edit: E; history: UndoStack<E> } | null {
  const last = history.past.at(-1);
  if (last === undefined) return null;
  return { edit: invert(last), history: { past: history.past.slice(0, -1), future: [...history.future, last] } };
}

/** The change to apply again (as first done) and the history after it; null when there is nothing to redo. */
export function redo<E>(history: UndoStack<E>): { edit: E; history: UndoStack<E> } | null {
  const next = history.future.at(-1);
  if (next === undefined) return null;
  return { edit: next, history: { past: [...history.past, next], future: history.future.slice(0, -1) } };
}
