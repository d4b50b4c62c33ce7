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
import { editId, type Edit, type Identified } from './edit-history';

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
