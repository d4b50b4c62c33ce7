// Who changed each record last, and when: what "Changed by alice · 5 min ago" says, and what an
// undo asks before it takes a record back (one someone else has changed since is left as they
// made it). Pure: the session keeps the map from the journal entries it applies.
import { editId } from './edit-history';
import { stepOf, type CommittedRecord, type EditableRecord, type Step } from './edit-journal';
import type { Edit } from './edit-history';

export interface RecordChange {
  author: string;
  /** As the author's clock saw it. */
  madeAt: string;
  /** Made on a stale base (someone else had changed the record after the place its author had seen). */
  stale: boolean;
  /** Its place in the journal; Infinity for this page's own edit not yet acknowledged (it will be the newest). */
  seq: number;
}

/** Record id → its last change. */
export type RecordChanges = Readonly<Record<string, RecordChange>>;

/** Whether `incoming` is the newer change of the record: a higher place, or this page's own edit acknowledged. */
export const isNewerChange = (existing: RecordChange | undefined, incoming: RecordChange): boolean =>
  !existing || incoming.seq > existing.seq || (existing.seq === Infinity && incoming.author === existing.author);

/** The last change of each record the entries change, from entries with an author (a local scenario's have none). */
export function changesOfEntries(records: readonly CommittedRecord[]): Record<string, RecordChange> {
  const changes: Record<string, RecordChange> = {};
  for (const record of records) {
    if (!record.author) continue;
    const change: RecordChange = { author: record.author, madeAt: record.madeAt ?? '', stale: record.stale === true, seq: record.seq };
    for (const edit of stepOf(record)) {
      const id = editId(edit);
      if (isNewerChange(changes[id], change)) changes[id] = change;
    }
  }
  return changes;
}

/** `changes` with `incoming` merged in, each record keeping its newer change; the same object when nothing is newer. */
export function mergeChanges(changes: RecordChanges, incoming: Readonly<Record<string, RecordChange>>): RecordChanges {
  let merged: Record<string, RecordChange> | null = null;
  for (const [id, change] of Object.entries(incoming)) {
    if (!isNewerChange((merged ?? changes)[id], change)) continue;
    merged ??= { ...changes };
    merged[id] = change;
  }
  return merged ?? changes;
}

/**
 * Splits an undo (or redo) of `me`'s step: the edits of records nobody else has changed since,
 * to apply, and those someone else has (left as they made them), with who.
 */
export function withoutOthersChanges(step: Step, changes: RecordChanges, me: string | null | undefined): { kept: Step; skipped: { edit: Edit<EditableRecord>; by: RecordChange }[] } {
  if (!me) return { kept: step, skipped: [] };
  const kept: Edit<EditableRecord>[] = [];
  const skipped: { edit: Edit<EditableRecord>; by: RecordChange }[] = [];
  for (const edit of step) {
    const last = changes[editId(edit)];
    if (last && last.author !== me) skipped.push({ edit, by: last });
    else kept.push(edit);
  }
  return { kept, skipped };
}
