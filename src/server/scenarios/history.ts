// A shared scenario's history (docs/api.md, "History"): who changed what and when, the last change
// of each record, and any past state, rebuilt from the whole version kept before it and the
// journal after it with the same pure code the app applies the journal with (edit-journal.ts).
//
// Every function here trusts its caller (the routes) to have checked who may do it.
import type { Database, Queryable } from '../db/database';
import type { TripwireEvent } from '../../data/events';
import type { ScenarioHead } from '../../data/scenario-schema';
import { eventSetOf, type OpenedScenario } from '../../data/open-scenario';
import { decodeEvents } from '../../data/packed-events';
import { bytesToPacked } from '../../data/packed-bytes';
import { applyJournal, type EditableRecord, type JournalEntry, type Step } from '../../data/editing/edit-journal';
import { headOfRecords, headRecords, isHeadRecordId, type HeadRecord } from '../../data/editing/head-records';
import { editId } from '../../data/editing/edit-history';
import { summaryOfStep } from '../../data/editing/step-summary';
import { readEdits } from './scenario-store';

/** One line of the history: a journal entry, or a whole version of the document. */
export interface HistoryItem {
  kind: 'edit' | 'version';
  /** An edit's place in the journal; for a version, the last place it includes. */
  seq: number;
  author: string;
  madeAt: string;
  summary: string;
  /** Edits only. */
  step?: 'do' | 'undo' | 'redo';
  stale?: boolean;
  /** Versions only: its number (the current document is the one after the last kept). */
  version?: number;
}

export interface HistoryPage {
  items: HistoryItem[];
  /** Where the next page starts (`before=`); null on the last page. */
  nextBefore: number | null;
  /** Everyone who appears in the whole history, for the filter. */
  people: string[];
}

/** A step this large is summed up by its size: its records are not read back to describe it. */
const DESCRIBED_EDITS = 50;

/**
 * One page of the history, newest first: up to `limit` journal entries before `before`, with the
 * whole versions that fall among them. `author` keeps one person's entries and versions.
 */
export async function listHistory(db: Queryable, scenarioId: string, { author = null, before = Number.MAX_SAFE_INTEGER, limit = 50 }: { author?: string | null; before?: number; limit?: number }): Promise<HistoryPage> {
  const entries = await db.query<{ seq: string; author: string; step: 'do' | 'undo' | 'redo'; made_at: Date; stale: boolean; count: number; edits: Step | null }>(
    `select seq, author, step, made_at, stale, jsonb_array_length(edits) as count,
            case when jsonb_array_length(edits) <= ${DESCRIBED_EDITS} then edits end as edits
       from edits where scenario_id = $1 and ($2::text is null or author = $2) and seq < $3
      order by seq desc limit $4`,
    [scenarioId, author, before, limit],
  );
  const full = entries.length === limit;
  const lowest = full ? Number(entries.at(-1)!.seq) : 0;
  const versions = (await versionsOf(db, scenarioId)).filter((version) => version.seq >= lowest && version.seq < before && (author === null || version.author === author));
  const items: HistoryItem[] = [
    ...entries.map((row): HistoryItem => ({
      kind: 'edit',
      seq: Number(row.seq),
      author: row.author,
      madeAt: new Date(row.made_at).toISOString(),
      step: row.step,
      stale: row.stale,
      summary: row.edits ? summaryOfStep(row.step, row.edits) : `${row.count} changes`,
    })),
    ...versions,
  ];
  // Newest first; a version includes the entry at its seq, so it stands above it.
  items.sort((a, b) => b.seq - a.seq || (a.kind === b.kind ? (b.version ?? 0) - (a.version ?? 0) : a.kind === 'version' ? -1 : 1));
  const people = await db.query<{ author: string }>(
    `select author from edits where scenario_id = $1
     union select saved_by from scenario_versions where scenario_id = $1 and not checkpoint
     union select coalesce(s.doc_saved_by, o.username) from scenarios s join people o on o.id = s.owner_id where s.id = $1 and not s.doc_checkpoint
     order by author`,
    [scenarioId],
  );
  return { items, nextBefore: full ? lowest : null, people: people.map((row) => row.author) };
}

/**
 * Every whole version someone kept, the current document last (numbered after the kept ones). The
 * server's checkpoints are left out: they change nothing, and the entries they fold are listed.
 */
async function versionsOf(db: Queryable, scenarioId: string): Promise<HistoryItem[]> {
  const rows = await db.query<{ version: number; seq: string; saved_at: Date; saved_by: string }>(
    `select version, seq, saved_at, saved_by from scenario_versions where scenario_id = $1 and not checkpoint
     union all
     select (select coalesce(max(version), 0) + 1 from scenario_versions where scenario_id = s.id), s.doc_seq, coalesce(s.doc_saved_at, s.created_at), coalesce(s.doc_saved_by, o.username)
       from scenarios s join people o on o.id = s.owner_id where s.id = $1 and not s.doc_checkpoint
     order by version`,
    [scenarioId],
  );
  return rows.map((row) => ({
    kind: 'version',
    seq: Number(row.seq),
    author: row.saved_by,
    madeAt: new Date(row.saved_at).toISOString(),
    version: Number(row.version),
    summary: Number(row.version) === 1 ? 'Published the scenario' : 'Saved a whole new version',
  }));
}

/** The last change of each record (event or head record) up to journal place `through`: who, when, and whether on a stale base. */
export async function lastChanges(db: Queryable, scenarioId: string, through: number): Promise<Record<string, { seq: number; author: string; madeAt: string; stale: boolean }>> {
  const rows = await db.query<{ record_id: string; seq: string; author: string; made_at: Date; stale: boolean }>(
    `select distinct on (record_id) record_id, seq, author, made_at, stale
       from (select coalesce(e -> 'after' ->> 'id', e -> 'before' ->> 'id') as record_id, seq, author, made_at, stale
               from edits, jsonb_array_elements(edits) e
              where scenario_id = $1 and seq <= $2) changed
      order by record_id, seq desc`,
    [scenarioId, through],
  );
  return Object.fromEntries(rows.map((row) => [row.record_id, { seq: Number(row.seq), author: row.author, madeAt: new Date(row.made_at).toISOString(), stale: row.stale }]));
}

/** Which past state: just after journal entry `at`, or whole version `version` as it was saved. */
export type PastPoint = { at: number } | { version: number };

export interface PastState {
  head: ScenarioHead;
  events: TripwireEvent[];
  /** The last journal place the state includes. */
  seq: number;
}

/**
 * The scenario as it stood at `point`: the newest whole version (kept, or the current document)
 * whose seq is not after it, and the journal entries after that version up to it, newest edit of
 * each record winning. Null when there is no such scenario or version; a RangeError when `at` is
 * past the journal's end.
 */
export async function pastState(db: Database, scenarioId: string, point: PastPoint): Promise<PastState | null> {
  const base = await db.transaction(async (tx) => {
    // One snapshot: a version kept meanwhile (a PUT) must not mix one document's head with another's parts.
    await tx.query('set transaction isolation level repeatable read');
    const [scenario] = await tx.query<{ head: ScenarioHead; doc_seq: string; last_seq: string; kept: number | null }>(
      'select head, doc_seq, last_seq, (select max(version) from scenario_versions where scenario_id = $1) as kept from scenarios where id = $1',
      [scenarioId],
    );
    if (!scenario) return null;
    const current = Number(scenario.kept ?? 0) + 1;
    if ('at' in point && point.at > Number(scenario.last_seq)) throw new RangeError(`The journal ends at ${scenario.last_seq}; there is no entry ${point.at} yet.`);
    const wanted = 'version' in point ? point.version : Number(scenario.doc_seq) <= point.at ? current : null;
    if (wanted === current) {
      const parts = await tx.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1 order by part', [scenarioId]);
      return { head: scenario.head, seq: Number(scenario.doc_seq), parts };
    }
    const [version] = await tx.query<{ version: number; head: ScenarioHead; seq: string }>(
      'at' in point
        ? 'select version, head, seq from scenario_versions where scenario_id = $1 and seq <= $2 order by version desc limit 1'
        : 'select version, head, seq from scenario_versions where scenario_id = $1 and version = $2',
      [scenarioId, 'at' in point ? point.at : point.version],
    );
    if (!version) return null;
    const parts = await tx.query<{ packed: Uint8Array }>('select packed from scenario_version_parts where scenario_id = $1 and version = $2 order by part', [scenarioId, version.version]);
    return { head: version.head, seq: Number(version.seq), parts };
  });
  if (!base) return null;
  const events = base.parts.flatMap((part) => decodeEvents(bytesToPacked(part.packed)));
  if (!('at' in point) || point.at <= base.seq) return { head: base.head, events, seq: base.seq };
  // The journal after the version, up to the point, a page at a time.
  const journal: JournalEntry<EditableRecord>[] = [];
  for (let after = base.seq; after < point.at; ) {
    const page = await readEdits(db, scenarioId, after, 1000, point.at);
    for (const record of page) for (const edit of record.edits as Step) journal.push({ seq: record.seq, edit });
    if (page.length < 1000) break;
    after = page.at(-1)!.seq;
  }
  const isHead = (entry: JournalEntry<EditableRecord>) => isHeadRecordId(editId(entry.edit));
  const eventResult = applyJournal(events, new Map(), journal.filter((entry) => !isHead(entry)) as JournalEntry<TripwireEvent>[]);
  const headResult = applyJournal(headRecords(base.head), new Map(), journal.filter(isHead) as JournalEntry<HeadRecord>[]);
  return { head: headOfRecords(headResult.records), events: eventResult.records, seq: point.at };
}

/** A past state as a document to publish: its event sets as its head declares them. */
export function openedOf(state: PastState, title: string): OpenedScenario {
  const bySet = new Map<string, TripwireEvent[]>();
  for (const event of state.events) {
    const events = bySet.get(event.eventSetId) ?? [];
    events.push(event);
    bySet.set(event.eventSetId, events);
  }
  const head = { ...state.head, title };
  return { head, eventSets: head.eventSets.map((set) => eventSetOf(head, set, bySet.get(set.id) ?? [])) };
}

/** "7 Dec 2026 14:02" (UTC), for the title of a restored copy. */
export const pointInTime = (iso: string) =>
  `${new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }).replace(',', '')}`;

/** When the state at `point` came to be: its entry's time, or its version's. */
export async function timeOf(db: Queryable, scenarioId: string, point: PastPoint): Promise<string | null> {
  if ('at' in point) {
    const [entry] = await db.query<{ made_at: Date }>('select made_at from edits where scenario_id = $1 and seq = $2', [scenarioId, point.at]);
    if (entry) return new Date(entry.made_at).toISOString();
  }
  const versions = await versionsOf(db, scenarioId);
  const version = 'version' in point ? versions.find((candidate) => candidate.version === point.version) : versions.filter((candidate) => candidate.seq <= point.at).at(-1);
  return version?.madeAt ?? null;
}
