// Scenarios in the database: the document's head as JSON, its events as packed parts (the same
// columns this browser's IndexedDB keeps, data/packed-events.ts, as bytes), its members, and its
// journal of edits in one total order per scenario. Every function here trusts its caller (the
// routes) to have checked who may do it; every value goes in as a parameter.
import { randomInt } from 'node:crypto';
import type { Queryable, Database } from '../db/database';
import type { TripwireEvent } from '../../data/events';
import type { ScenarioHead } from '../../data/scenario-schema';
import { documentHead, type OpenedScenario } from '../../data/open-scenario';
import { decodeEvents, encodeEventParts, findPackedEvent, EVENTS_PER_PART } from '../../data/packed-events';
import { bytesToPacked, packedToBytes } from '../../data/packed-bytes';
import { eventFeature } from '../../scenario/scenario-document';
import { scenarioFileParts } from '../../scenario/scenario-file-writer';
import type { JournalEntryInput } from '../../data/editing/journal-schema';
import { noticeScenarioChanged } from '../live/live-notices';

export type Access = 'owner' | 'editor' | 'viewer';
export type MemberRole = 'viewer' | 'editor';

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** 16 characters of 32: 80 bits, never guessed; kebab-case, as a scenario id must be. */
export const newScenarioId = () => Array.from({ length: 16 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');

/** What a person may do with a scenario: owner, editor, viewer, or null (which looks the same as no such scenario). */
export async function accessOf(db: Queryable, scenarioId: string, personId: number): Promise<Access | null> {
  const [row] = await db.query<{ owner_id: string; role: MemberRole | null; everyone: MemberRole | null }>(
    `select s.owner_id, m.role, s.everyone from scenarios s
       left join scenario_members m on m.scenario_id = s.id and m.person_id = $2
      where s.id = $1`,
    [scenarioId, personId],
  );
  if (!row) return null;
  if (Number(row.owner_id) === personId) return 'owner';
  if (row.role === 'editor' || row.everyone === 'editor') return 'editor';
  if (row.role === 'viewer' || row.everyone === 'viewer') return 'viewer';
  return null;
}

export interface LibraryEntry {
  id: string;
  title: string;
  owner: string;
  access: Access;
  everyone: MemberRole | null;
  eventCount: number;
  seq: number;
  updatedAt: string;
  updatedBy: string;
}

/** Every scenario the person may open, most recently changed first. */
export async function listFor(db: Queryable, personId: number): Promise<LibraryEntry[]> {
  const rows = await db.query<{ id: string; title: string; owner: string; owner_id: string; role: MemberRole | null; everyone: MemberRole | null; event_count: number; last_seq: string; updated_at: Date; updated_by: string }>(
    `select s.id, s.title, o.username as owner, s.owner_id, m.role, s.everyone, s.event_count, s.last_seq, s.updated_at, s.updated_by
       from scenarios s
       join people o on o.id = s.owner_id
       left join scenario_members m on m.scenario_id = s.id and m.person_id = $1
      where s.owner_id = $1 or m.person_id is not null or s.everyone is not null
      order by s.updated_at desc, s.id`,
    [personId],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    owner: row.owner,
    access: Number(row.owner_id) === personId ? 'owner' : row.role === 'editor' || row.everyone === 'editor' ? 'editor' : 'viewer',
    everyone: row.everyone,
    eventCount: Number(row.event_count),
    seq: Number(row.last_seq),
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  }));
}

const eventsOf = (opened: OpenedScenario) => opened.eventSets.flatMap((set) => set.events);

async function writeParts(tx: Queryable, scenarioId: string, events: readonly TripwireEvent[]) {
  await tx.query('delete from scenario_parts where scenario_id = $1', [scenarioId]);
  for (const [part, packed] of encodeEventParts(events).entries()) {
    const ids = events.slice(part * EVENTS_PER_PART, (part + 1) * EVENTS_PER_PART).map((event) => event.id);
    await tx.query('insert into scenario_parts (scenario_id, part, packed, ids) values ($1, $2, $3, $4)', [scenarioId, part, packedToBytes(packed), ids]);
  }
}

/** Keeps a checked document as a new scenario owned by the person, under an id the server makes. */
export async function publish(db: Database, opened: OpenedScenario, owner: { id: number; username: string }): Promise<{ id: string; title: string; eventCount: number }> {
  const id = newScenarioId();
  const head = { ...documentHead(opened.head, opened.eventSets), id, readOnly: undefined };
  const events = eventsOf(opened);
  await db.transaction(async (tx) => {
    await tx.query('insert into scenarios (id, owner_id, title, head, event_count, updated_by, doc_saved_at, doc_saved_by) values ($1, $2, $3, $4, $5, $6, now(), $6)', [id, owner.id, head.title, JSON.stringify(head), events.length, owner.username]);
    await writeParts(tx, id, events);
  });
  return { id, title: head.title, eventCount: events.length };
}

/**
 * Keeps a whole new version, which includes the journal up to `seq`. The document it replaces is
 * kept first, as the scenario's next numbered version (scenario_versions): nothing a scenario
 * ever was is lost, and any past state is a kept version plus the journal after it (history.ts).
 */
export interface ReplaceOptions {
  /**
   * The server's checkpoint (checkpoint.ts): the journal folded in, no one's change. The library's
   * "changed by" stays the last person's, and the history does not list it as a saved version.
   */
  checkpoint?: boolean;
  /** Keep it only if the stored document is still the one at this journal place (else RangeError). */
  ifDocSeq?: number;
}

export async function replaceDocument(db: Database, id: string, opened: OpenedScenario, seq: number, author: string, { checkpoint = false, ifDocSeq }: ReplaceOptions = {}): Promise<void> {
  const head = { ...documentHead(opened.head, opened.eventSets), id, readOnly: undefined };
  const events = eventsOf(opened);
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ last_seq: string; doc_seq: string }>('select last_seq, doc_seq from scenarios where id = $1 for update', [id]);
    if (!row) throw new Error('the scenario is gone');
    if (seq > Number(row.last_seq) || seq < Number(row.doc_seq)) throw new RangeError(`Tripwire-Seq ${seq} is outside the scenario's journal (${row.doc_seq} to ${row.last_seq})`);
    if (ifDocSeq !== undefined && Number(row.doc_seq) !== ifDocSeq) throw new RangeError(`the stored document is at journal place ${row.doc_seq}, not ${ifDocSeq}`);
    await keepCurrentVersion(tx, id);
    await tx.query(
      `update scenarios set head = $2, title = $3, event_count = $4, doc_seq = $5, doc_saved_at = now(), doc_saved_by = $6, doc_checkpoint = $7,
              updated_at = case when $7 then updated_at else now() end, updated_by = case when $7 then updated_by else $6 end
        where id = $1`,
      [id, JSON.stringify(head), head.title, events.length, seq, author, checkpoint],
    );
    await writeParts(tx, id, events);
  });
}

/** Copies the current document (head and packed parts) into the scenario's next numbered version; the caller holds the scenario's row lock. */
async function keepCurrentVersion(tx: Queryable, id: string): Promise<void> {
  const [kept] = await tx.query<{ version: number }>(
    `insert into scenario_versions (scenario_id, version, seq, head, event_count, saved_at, saved_by, checkpoint)
     select s.id, coalesce((select max(version) from scenario_versions where scenario_id = s.id), 0) + 1, s.doc_seq, s.head,
            -- The document's own events (event_count follows the journal too)
            coalesce((select sum(cardinality(ids)) from scenario_parts where scenario_id = s.id), s.event_count),
            coalesce(s.doc_saved_at, s.created_at), coalesce(s.doc_saved_by, o.username), s.doc_checkpoint
       from scenarios s join people o on o.id = s.owner_id where s.id = $1
     returning version`,
    [id],
  );
  await tx.query('insert into scenario_version_parts (scenario_id, version, part, packed, ids) select scenario_id, $2, part, packed, ids from scenario_parts where scenario_id = $1', [id, kept!.version]);
}

/** The document's head, the journal place it includes and how many packed parts its events are in. */
export async function readPackedHead(db: Queryable, id: string): Promise<{ head: ScenarioHead; seq: number; parts: number } | null> {
  const [row] = await db.query<{ head: ScenarioHead; doc_seq: string; parts: number }>(
    'select head, doc_seq, (select count(*) from scenario_parts where scenario_id = $1)::int as parts from scenarios where id = $1',
    [id],
  );
  return row ? { head: row.head, seq: Number(row.doc_seq), parts: Number(row.parts) } : null;
}

/** One packed part of the events, as stored (packed-bytes.ts); null when there is no such part. */
export async function readPackedPart(db: Queryable, id: string, part: number): Promise<Uint8Array | null> {
  const [row] = await db.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1 and part = $2', [id, part]);
  return row?.packed ?? null;
}

/**
 * The document as text parts, and the journal place it includes. The packed parts are read first
 * (a few bytes per event); events are unpacked and written one part at a time as the text is
 * pulled, so a million events never stand in memory as objects or as one string.
 */
export async function readDocument(db: Database, id: string): Promise<{ seq: number; parts: Iterable<string> } | null> {
  // The head and its parts from one snapshot: read apart, a version kept between the two (PUT)
  // gave one version's head and Tripwire-Seq with another's events.
  const read = await db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const [row] = await tx.query<{ head: ScenarioHead; doc_seq: string }>('select head, doc_seq from scenarios where id = $1', [id]);
    if (!row) return null;
    return { row, packed: (await tx.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1 order by part', [id])).map((part) => part.packed) };
  });
  if (!read) return null;
  const { row, packed } = read;
  function* features() {
    for (const bytes of packed) for (const event of decodeEvents(bytesToPacked(bytes))) yield eventFeature(event);
  }
  return { seq: Number(row.doc_seq), parts: scenarioFileParts(row.head as unknown as Record<string, unknown>, features()) };
}

export interface CommittedEntry {
  id: string;
  seq: number;
}

/** A stored journal entry as the API gives it. */
export interface JournalRow {
  id: string;
  seq: number;
  step: 'do' | 'undo' | 'redo';
  edits: JournalEntryInput['edits'];
  madeAt: string;
  author: string;
  /** The journal place its author had applied when making it (absent for an entry that did not say). */
  baseSeq?: number;
  /** Made on a stale base: another person had changed one of its records after `baseSeq`. It still won (newest wins). */
  stale: boolean;
}

/** The ids of the records a step's edits are about. */
export const recordIdsOf = (edits: JournalEntryInput['edits']): string[] => [...new Set(edits.map(({ before, after }) => (after ?? before)!.id))];

type RecordLike = { id: string; kind?: string; details?: { title?: string } } | null;

/**
 * Appends entries to the scenario's journal, each given the next place in its order, in one
 * transaction: the answer comes only once the database has committed them. An entry whose
 * client-made id is already there is acknowledged with its place and not applied again.
 */
export async function appendEdits(db: Database, scenarioId: string, entries: readonly JournalEntryInput[], author: string): Promise<CommittedEntry[]> {
  return db.transaction(async (tx) => {
    // Locks the scenario's row: concurrent appends to one scenario take places one after another.
    const [row] = await tx.query<{ last_seq: string; event_count: number }>('select last_seq, event_count from scenarios where id = $1 for update', [scenarioId]);
    if (!row) throw new Error('the scenario is gone');
    let seq = Number(row.last_seq);
    let eventCount = Number(row.event_count);
    let title: string | null = null;
    const committed: CommittedEntry[] = [];
    for (const entry of entries) {
      const [known] = await tx.query<{ seq: string }>('select seq from edits where scenario_id = $1 and client_id = $2', [scenarioId, entry.id]);
      if (known) {
        committed.push({ id: entry.id, seq: Number(known.seq) });
        continue;
      }
      seq += 1;
      // Stale: someone else changed one of its records after the place its author had seen. It is
      // kept all the same (the newest edit of a record wins), and the history says so.
      const stale = entry.baseSeq !== undefined && (await changedByOthersSince(tx, scenarioId, entry.baseSeq, author, recordIdsOf(entry.edits)));
      await tx.query('insert into edits (scenario_id, seq, client_id, author, step, edits, made_at, base_seq, stale) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [scenarioId, seq, entry.id, author, entry.step, JSON.stringify(entry.edits), entry.madeAt, entry.baseSeq ?? null, stale]);
      for (const { before, after } of entry.edits as readonly { before: RecordLike; after: RecordLike }[]) {
        const isEvent = !(before ?? after)!.kind;
        if (isEvent) eventCount += (after ? 1 : 0) - (before ? 1 : 0);
        if (after?.kind === 'details' && after.details?.title) title = after.details.title;
      }
      committed.push({ id: entry.id, seq });
    }
    if (seq === Number(row.last_seq)) return committed; // every entry was a resend
    await tx.query('update scenarios set last_seq = $2, event_count = $3, title = coalesce($4, title), updated_at = now(), updated_by = $5 where id = $1', [scenarioId, seq, eventCount, title, author]);
    // Delivered when this transaction commits, to every server process on the database.
    await noticeScenarioChanged(tx, scenarioId, seq);
    return committed;
  });
}

/** Whether anyone but `author` changed one of the records after journal place `baseSeq`. */
async function changedByOthersSince(tx: Queryable, scenarioId: string, baseSeq: number, author: string, recordIds: readonly string[]): Promise<boolean> {
  const [row] = await tx.query<{ changed: boolean }>(
    `select exists (
       select 1 from edits, jsonb_array_elements(edits) e
        where scenario_id = $1 and seq > $2 and author <> $3
          and coalesce(e -> 'after' ->> 'id', e -> 'before' ->> 'id') = any ($4::text[])
     ) as changed`,
    [scenarioId, baseSeq, author, recordIds],
  );
  return Boolean(row?.changed);
}

export async function readEdits(db: Queryable, scenarioId: string, afterSeq: number, limit = 1000, throughSeq = Number.MAX_SAFE_INTEGER): Promise<JournalRow[]> {
  const rows = await db.query<{ client_id: string; seq: string; step: JournalRow['step']; edits: JournalRow['edits']; made_at: Date; author: string; base_seq: string | null; stale: boolean }>(
    'select client_id, seq, step, edits, made_at, author, base_seq, stale from edits where scenario_id = $1 and seq > $2 and seq <= $4 order by seq limit $3',
    [scenarioId, afterSeq, limit, throughSeq],
  );
  return rows.map((row) => ({
    id: row.client_id,
    seq: Number(row.seq),
    step: row.step,
    edits: row.edits,
    madeAt: new Date(row.made_at).toISOString(),
    author: row.author,
    ...(row.base_seq === null ? {} : { baseSeq: Number(row.base_seq) }),
    stale: row.stale,
  }));
}

export interface Members {
  owner: string;
  everyone: MemberRole | null;
  members: { username: string; role: MemberRole }[];
}

export async function membersOf(db: Queryable, scenarioId: string): Promise<Members | null> {
  const [scenario] = await db.query<{ owner: string; everyone: MemberRole | null }>('select o.username as owner, s.everyone from scenarios s join people o on o.id = s.owner_id where s.id = $1', [scenarioId]);
  if (!scenario) return null;
  const members = await db.query<{ username: string; role: MemberRole }>('select p.username, m.role from scenario_members m join people p on p.id = m.person_id where m.scenario_id = $1 order by p.username', [scenarioId]);
  return { owner: scenario.owner, everyone: scenario.everyone, members };
}

// Each change of who may see a scenario is noticed: its open streams check their access again.
export async function setMember(db: Queryable, scenarioId: string, personId: number, role: MemberRole): Promise<void> {
  await db.query('insert into scenario_members (scenario_id, person_id, role) values ($1, $2, $3) on conflict (scenario_id, person_id) do update set role = excluded.role', [scenarioId, personId, role]);
  await noticeScenarioChanged(db, scenarioId, null);
}

export async function removeMember(db: Queryable, scenarioId: string, personId: number): Promise<boolean> {
  const removed = (await db.query('delete from scenario_members where scenario_id = $1 and person_id = $2 returning person_id', [scenarioId, personId])).length > 0;
  await noticeScenarioChanged(db, scenarioId, null);
  return removed;
}

export async function setEveryone(db: Queryable, scenarioId: string, role: MemberRole | null): Promise<void> {
  await db.query('update scenarios set everyone = $2 where id = $1', [scenarioId, role]);
  await noticeScenarioChanged(db, scenarioId, null);
}

export async function deleteScenario(db: Queryable, scenarioId: string): Promise<void> {
  await db.query('delete from scenarios where id = $1', [scenarioId]);
  await noticeScenarioChanged(db, scenarioId, null);
}

/** Hands the scenario to another person; the previous owner stays on as an editor. */
export async function handOver(db: Database, scenarioId: string, to: number, by: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ owner_id: string }>('select owner_id from scenarios where id = $1 for update', [scenarioId]);
    if (!row || Number(row.owner_id) === to) return;
    await tx.query('update scenarios set owner_id = $2, updated_at = now(), updated_by = $3 where id = $1', [scenarioId, to, by]);
    await tx.query('delete from scenario_members where scenario_id = $1 and person_id = $2', [scenarioId, to]);
    await setMember(tx, scenarioId, Number(row.owner_id), 'editor'); // which also notices the change
  });
}

/**
 * One event as it is now: its last journal edit if it has one (null when that deleted it), else
 * as the stored document has it, found in the packed parts without unpacking the others.
 */
export async function findEvent(db: Queryable, scenarioId: string, eventId: string): Promise<TripwireEvent | null> {
  const [edited] = await db.query<{ after: TripwireEvent | null }>(
    `select e -> 'after' as after from edits, jsonb_array_elements(edits) e
      where scenario_id = $1 and coalesce(e -> 'after' ->> 'id', e -> 'before' ->> 'id') = $2
      order by seq desc limit 1`,
    [scenarioId, eventId],
  );
  if (edited) return edited.after && !('kind' in edited.after) ? edited.after : null;
  // The part that lists the id (parts written before the lists existed are all looked in).
  const parts = await db.query<{ part: number }>('select part from scenario_parts where scenario_id = $1 and (ids is null or $2 = any (ids)) order by part', [scenarioId, eventId]);
  for (const { part } of parts) {
    const [stored] = await db.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1 and part = $2', [scenarioId, part]);
    const found = stored ? findPackedEvent(bytesToPacked(stored.packed), eventId) : null;
    if (found) return found;
  }
  return null;
}
