// Checkpoints: the server folds a shared scenario's journal into its stored document, so opening
// it reads the document and only the few entries after it, however long the journal has grown.
//
// A checkpoint is the stored document (head and packed parts) with the journal after it applied
// by the same pure code a page uses (edit-journal.ts, head-records.ts): the newest entry of each
// record wins. It is kept as a whole new version that includes the journal up to the last entry
// it read (replaceDocument), so a page reading the document and then the journal after it gets
// the same records as one that read the old document and the whole journal. Journal entries are
// never deleted: the history reads them. Appends that commit while a checkpoint runs come after
// the place it read up to and stay in the journal to be read on top of it.
import type { Database } from '../db/database';
import type { TripwireEvent } from '../../data/events';
import type { ScenarioHead } from '../../data/scenario-schema';
import { eventSetOf, type OpenedScenario } from '../../data/open-scenario';
import { decodeEvents } from '../../data/packed-events';
import { bytesToPacked } from '../../data/packed-bytes';
import { editId, type Edit } from '../../data/editing/edit-history';
import { applyJournal, type EditableRecord, type JournalEntry } from '../../data/editing/edit-journal';
import { headOfRecords, headRecords, isHeadRecordId, type HeadRecord } from '../../data/editing/head-records';
import { regroup } from '../../data/editing/event-edits';
import { replaceDocument, type JournalRow } from './scenario-store';

/** A scenario is checkpointed once its journal holds this many entries after its document… */
export const CHECKPOINT_EVERY = 500;
/**
 * …or, for a large scenario, this share of its events: folding rewrites every packed part, so a
 * million-event scenario is folded after 100,000 entries, not every 500 (reading that journal costs
 * about a tenth of reading its document).
 */
export const CHECKPOINT_SHARE_OF_EVENTS = 0.1;

export interface Checkpoint {
  /** The journal place the document now includes. */
  seq: number;
  /** How many entries it folded in. */
  folded: number;
}

/** What a checkpoint reads: the stored document and the journal after it, from one snapshot. */
interface Snapshot {
  head: ScenarioHead;
  docSeq: number;
  events: TripwireEvent[];
  entries: Pick<JournalRow, 'seq' | 'edits' | 'author'>[];
}

async function readSnapshot(db: Database, id: string): Promise<Snapshot | null> {
  // One repeatable-read snapshot: the document, its parts and the journal after it agree (a
  // version kept or an entry appended meanwhile is either wholly in it or not at all).
  const read = await db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const [row] = await tx.query<{ head: ScenarioHead; doc_seq: string }>('select head, doc_seq from scenarios where id = $1', [id]);
    if (!row) return null;
    const parts = await tx.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1 order by part', [id]);
    const entries = await tx.query<{ seq: string; edits: JournalRow['edits']; author: string }>('select seq, edits, author from edits where scenario_id = $1 and seq > $2 order by seq', [id, row.doc_seq]);
    return { row, parts, entries };
  });
  if (!read) return null;
  return {
    head: read.row.head,
    docSeq: Number(read.row.doc_seq),
    events: read.parts.flatMap((part) => decodeEvents(bytesToPacked(part.packed))),
    entries: read.entries.map((entry) => ({ seq: Number(entry.seq), edits: entry.edits, author: entry.author })),
  };
}

/** The document with the journal entries applied, newest-wins per record, as a page replays them. */
export function foldJournal(head: ScenarioHead, events: readonly TripwireEvent[], entries: readonly Pick<JournalRow, 'seq' | 'edits'>[]): OpenedScenario {
  const journal = entries.flatMap((entry) => (entry.edits as readonly Edit<EditableRecord>[]).map((edit) => ({ seq: entry.seq, edit })));
  const headEntries = journal.filter((entry) => isHeadRecordId(editId(entry.edit))) as JournalEntry<HeadRecord>[];
  const eventEntries = journal.filter((entry) => !isHeadRecordId(editId(entry.edit))) as JournalEntry<TripwireEvent>[];
  // Nothing is applied yet on either side: the document is "as of" its place, as a page opens it.
  const newHead = headOfRecords(applyJournal(headRecords(head), new Map(), headEntries).records);
  const newEvents = applyJournal(events, new Map(), eventEntries).records;
  const declared = new Set(newHead.eventSets.map((set) => set.id));
  const stray = newEvents.find((event) => !declared.has(event.eventSetId));
  // A page would not show it either, but a checkpoint must not be what drops it: leave the journal as it is.
  if (stray) throw new Error(`event "${stray.id}" is in set "${stray.eventSetId}", which the scenario does not declare`);
  const eventSets = regroup(
    newHead.eventSets.map((set) => eventSetOf(newHead, set, [])),
    newEvents,
  );
  return { head: newHead, eventSets };
}

/**
 * Folds the journal after the stored document into it and keeps the result as the new document.
 * Null when there was nothing to fold, or when the document changed while the fold was made (a
 * whole version was put, or the scenario renamed or deleted): the next checkpoint starts again
 * from the new document rather than write over it.
 */
export async function checkpoint(db: Database, id: string): Promise<Checkpoint | null> {
  const snapshot = await readSnapshot(db, id);
  if (!snapshot || snapshot.entries.length === 0) return null;
  const opened = foldJournal(snapshot.head, snapshot.events, snapshot.entries);
  const last = snapshot.entries[snapshot.entries.length - 1]!;
  // A version put meanwhile with the same journal place would not be refused by its place alone:
  // the document read is checked to be the one still stored, here and again under the row lock
  // (ifDocSeq), so a fold never writes over a version someone kept.
  const [still] = await db.query<{ same: boolean }>('select doc_seq = $2 and head = $3::jsonb as same from scenarios where id = $1', [id, snapshot.docSeq, JSON.stringify(snapshot.head)]);
  if (!still?.same) return null;
  try {
    // No one's change: the library's "changed by" stays the last person's, and the history lists the entries, not the fold.
    await replaceDocument(db, id, opened, last.seq, 'the server (checkpoint)', { checkpoint: true, ifDocSeq: snapshot.docSeq });
  } catch (error) {
    if (error instanceof RangeError) return null; // a newer version was put meanwhile
    throw error;
  }
  return { seq: last.seq, folded: snapshot.entries.length };
}

/** How far the journal has run past the document; null when the scenario is gone. */
async function entriesBehind(db: Database, id: string): Promise<{ behind: number; eventCount: number } | null> {
  const [row] = await db.query<{ behind: string; event_count: number }>('select last_seq - doc_seq as behind, event_count from scenarios where id = $1', [id]);
  return row ? { behind: Number(row.behind), eventCount: Number(row.event_count) } : null;
}

export const isDue = ({ behind, eventCount }: { behind: number; eventCount: number }, every = CHECKPOINT_EVERY) =>
  behind >= Math.max(every, Math.ceil(eventCount * CHECKPOINT_SHARE_OF_EVENTS));

/** Scenarios being checkpointed by this process, per database. */
const underWay = new WeakMap<Database, Set<string>>();

/**
 * Checkpoints the scenario if its journal has run far enough past its document, unless another
 * checkpoint of it is under way (then null: that one folds these entries). Within the process a
 * set of scenarios says so; across processes on PostgreSQL, a transaction-scoped advisory lock per
 * scenario. (PGlite's data directory belongs to one process, and a transaction there holds the
 * whole database, so none is taken there.)
 */
export async function checkpointIfDue(db: Database, id: string, every = CHECKPOINT_EVERY): Promise<Checkpoint | null> {
  const busy = underWay.get(db) ?? new Set<string>();
  underWay.set(db, busy);
  if (busy.has(id)) return null;
  busy.add(id);
  const run = async () => {
    const state = await entriesBehind(db, id);
    return state && isDue(state, every) ? checkpoint(db, id) : null;
  };
  try {
    if (db.kind === 'pglite') return await run();
    return await db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>("select pg_try_advisory_xact_lock(hashtext('tripwire checkpoint'), hashtext($1)) as locked", [id]);
      // Read again once it is ours: one that just finished leaves nothing due.
      return lock?.locked ? run() : null;
    });
  } finally {
    busy.delete(id);
  }
}

/**
 * One server process's checkpoints: asked after every append, each runs in the background (never
 * in the request's path); the server waits for those under way before it closes the database.
 */
export class Checkpoints {
  #running = new Set<Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly every = CHECKPOINT_EVERY,
  ) {}

  /** The journal of `id` grew: checkpoint it if due. Returns at once. */
  consider(id: string): void {
    const job = checkpointIfDue(this.db, id, this.every)
      .catch((error: unknown) => console.error(`A checkpoint of scenario ${id} failed; its journal is untouched and it is tried again later.`, error))
      .finally(() => this.#running.delete(job));
    this.#running.add(job);
  }

  /** Resolves when every checkpoint under way has ended. */
  async settle(): Promise<void> {
    await Promise.all(this.#running);
  }
}
