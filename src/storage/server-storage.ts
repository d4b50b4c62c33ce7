// The team server as a storage (storage.ts), over its HTTP API (docs/api.md, src/team/team-api.ts):
// the session keeps a shared scenario there as it keeps a local one in IndexedDB.
//
// - A scenario is read as the server stores it (`GET /api/scenarios/<id>/packed`: its head, its
//   events as packed parts, and how far into the journal it includes): the storage remembers that place, so the
//   journal is read on after it (nothing falls between the two) and a whole new version says which
//   entries it already holds (`PUT … Tripwire-Seq`).
// - An edit is one journal entry with an id made here (a resend is acknowledged, not applied twice),
//   kept in the person's outbox (outbox.ts) before it is sent and until the server acknowledges it:
//   it resolves with the place the server committed it at, however long the server was away
//   (outbox-sender.ts tries again), and rejects only when the server refuses it.
// - Others' edits are heard through the scenario's live stream (server-sent events: read the
//   journal after the last place known now), with a slow poll behind it; where there is no
//   EventSource (Node), by polling every two seconds.
// - Imports are not kept on the server yet: an import into a shared scenario is kept as part of
//   its document (saved whole), and nothing is listed as kept on its own.
//
// How a document is written for a whole new version is given by the caller: storage does not
// depend on the file writer.
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import type { CommittedRecord, JournalRecord } from '../data/editing/edit-journal';
import type { SharedScenarioRow, TeamApi, ServerJournalEntry } from '../team/team-api';
import type { StoredScenario, TripwireStorage } from './storage';
import { STORED_EVENTS_VERSION } from './database';
import { scenarioHeadSchema } from '../data/scenario-schema';
import { issuesOf } from '../data/validate';
import { bytesToPacked } from '../data/packed-bytes';
import { decodeEventsInSlices } from '../data/packed-events';
import { memoryOutbox, ownerKey, type Outbox, type RetryTimes, type SaveStatus } from './outbox';
import { indexedDbOutbox } from './outbox-indexeddb';
import { createOutboxSender, DEFAULT_SEND_TIMEOUT } from './outbox-sender';

/** Writes the scenario document of a head and its events (in parts, as a Blob): what a whole new version is sent as. */
export type WriteScenarioDocument = (head: ScenarioHead, events: readonly TripwireEvent[]) => Blob;

/** How often a scenario with a live stream is asked for its journal anyway. */
const SAFETY_POLL_MS = 30_000;

/** The server answers the journal 1,000 entries at a time (docs/api.md; team-api's EDITS_PAGE_SIZE). */
const EDITS_PER_PAGE = 1000;

export interface ServerStorageOptions {
  /** How often a watched scenario's journal is asked for (ms); 2,000 by default. */
  pollEvery?: number;
  /** Makes the ids of new journal entries; crypto.randomUUID by default. */
  newId?: () => string;
  /** Where edits wait until acknowledged: this browser's IndexedDB by default, memory where there is none. */
  outbox?: Outbox;
  /** How long an edit's request may go unanswered before it is tried again (ms); 20,000 by default. */
  sendTimeout?: number;
  /** How long to wait before trying again after a failure. */
  retry?: RetryTimes;
}

/** The server's storage, and what the page does with its outbox: who is signed in (their waiting edits are sent), and how saving stands. */
export interface ServerStorage extends TripwireStorage {
  /** The person signed in now (null: no one): their edits waiting in the outbox, from this page or an earlier one, are sent. */
  signedIn(username: string | null): Promise<void>;
  saveStatus(): SaveStatus;
  /** Told whenever the save status changes; returns the way to stop. */
  onSaveStatus(listener: (status: SaveStatus) => void): () => void;
}

/** What the server's error says when imports are asked of it. */
export const IMPORTS_NOT_ON_SERVER = 'Imports are not kept on the team server on their own yet: an import into a shared scenario is saved with the scenario.';

/**
 * A row of the shared library as a stored scenario: the library lists heads, and a row carries
 * only the title (the head is read whole when the scenario is opened).
 */
export function storedScenarioOfRow(row: SharedScenarioRow): StoredScenario {
  const head = { tripwire: 1, id: row.id, title: row.title, sources: [], views: [], layers: [], measurements: [], eventSets: [] } as unknown as ScenarioHead;
  return { id: row.id, head, eventCount: row.eventCount, chunkCount: 0, eventsVersion: STORED_EVENTS_VERSION, savedAt: row.updatedAt };
}

/** A journal entry of the server as the session reads it. */
export const committedOfEntry = (scenarioId: string, entry: ServerJournalEntry): CommittedRecord => ({
  scenarioId,
  seq: entry.seq,
  step: entry.step,
  edits: entry.edits,
  author: entry.author,
  madeAt: entry.madeAt,
  ...((entry as { stale?: boolean }).stale ? { stale: true } : {}), // made on a stale base (the history and "changed by" say so)
});

/**
 * Calls `onNew` whenever the journal of `scenarioId` has entries after the last place known;
 * returns the way to stop. Behind the live stream (slowly), or alone where there is none.
 */
export function pollJournal(check: () => Promise<void>, every: number): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    // A hidden page waits: it catches up when it is looked at again.
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') await check().catch(() => {});
    if (!stopped) timer = setTimeout(() => void tick(), every);
  };
  timer = setTimeout(() => void tick(), every);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

export function serverStorage(api: TeamApi, writeDocument: WriteScenarioDocument, options: ServerStorageOptions = {}): ServerStorage {
  const { pollEvery = 2_000, newId = () => crypto.randomUUID() } = options;
  /** Scenario id → the journal place its document (as last read or saved) includes. */
  const base = new Map<string, number>();
  /** Scenario id → the last journal place this storage has seen (read, appended or polled). */
  const latest = new Map<string, number>();
  /** Ids of the entries this storage appended: a watcher hears others' edits, not its own. */
  const own = new Set<string>();
  const known = new Set<string>();
  const stops = new Set<() => void>();

  const saw = (id: string, seq: number) => latest.set(id, Math.max(latest.get(id) ?? 0, seq));

  const sender = createOutboxSender({
    outbox: options.outbox ?? (typeof indexedDB === 'undefined' ? memoryOutbox() : indexedDbOutbox()),
    send: (scenarioId, entries, signal) => api.appendEdits(scenarioId, entries, signal),
    ...(options.sendTimeout ? { timeout: options.sendTimeout } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  let person: string | null = null;
  // The browser is back on a network: edits waiting are tried at once.
  const online = () => sender.nudge();
  if (typeof window !== 'undefined') window.addEventListener('online', online);

  /** `unanswered`: how long a page may take before the read counts as failed (a watcher's poll must not hang on a connection that went silent). */
  async function readAll(scenarioId: string, after: number, unanswered?: number): Promise<ServerJournalEntry[]> {
    const entries: ServerJournalEntry[] = [];
    for (let from = after; ; ) {
      const page = await api.readEdits(scenarioId, from, unanswered ? AbortSignal.timeout(unanswered) : undefined);
      entries.push(...page);
      sender.nudge(); // the server answers: what waits need not wait for its next try
      if (page.length < EDITS_PER_PAGE) break; // a full page: there may be more after its last place
      from = page[page.length - 1]!.seq;
    }
    if (entries.length > 0) saw(scenarioId, entries[entries.length - 1]!.seq);
    return entries;
  }

  return {
    where: 'the team server',

    listScenarios: async () => (await api.listScenarios()).map(storedScenarioOfRow),

    async hasScenario(id) {
      if (known.has(id)) return true;
      return (await api.listScenarios()).some((row) => row.id === id);
    },

    async readScenario(id) {
      // As the server keeps it: packed parts, unpacked here a slice at a time (the server checked
      // every event as it came in; the head is checked again, as the page will trust it).
      const packed = await api.readPacked(id);
      if (!packed) return null;
      const checked = scenarioHeadSchema.safeParse(packed.head);
      if (!checked.success) throw new Error(`The shared scenario's head is not right: ${issuesOf(checked.error, 'head').slice(0, 3).map((issue) => `${issue.location}: ${issue.message}`).join('; ')}`);
      const parts = [];
      for (let part = 0; part < packed.parts; part++) parts.push(bytesToPacked(await api.readPackedPart(id, part)));
      const events = await decodeEventsInSlices(parts);
      known.add(id);
      base.set(id, packed.seq);
      saw(id, packed.seq);
      // Who may change a shared scenario is the server's to say (owner, editor, viewer), not the document's.
      const { readOnly: _readOnly, events: _inline, ...head } = checked.data;
      return { head: { ...head, id }, events };
    },

    async saveScenario(head, events) {
      const included = latest.get(head.id) ?? base.get(head.id) ?? 0;
      const { seq } = await api.saveScenario(head.id, writeDocument(head, events), included);
      known.add(head.id);
      base.set(head.id, seq);
      saw(head.id, seq);
    },

    async deleteScenario(id) {
      await api.deleteScenario(id);
      known.delete(id);
      base.delete(id);
      latest.delete(id);
    },

    async appendEdit(entry: JournalRecord) {
      const id = newId();
      own.add(id);
      const author = entry.author ?? person;
      if (!author) throw new Error('No one is signed in to the team server.');
      const seq = await sender.add({
        owner: ownerKey(api.server, author),
        id,
        scenarioId: entry.scenarioId,
        step: entry.step,
        edits: entry.edits,
        madeAt: entry.madeAt ?? new Date().toISOString(),
        ...(entry.baseSeq === undefined ? {} : { baseSeq: entry.baseSeq }),
      });
      return { ...entry, seq };
    },

    async readEdits(scenarioId, afterSeq = 0) {
      // What the document already includes is not journal to apply again. A scenario that is gone
      // (or no longer shared with this person) has no journal to read, as in the other storages.
      const entries = await readAll(scenarioId, Math.max(afterSeq, base.get(scenarioId) ?? 0)).catch((error: { status?: number }) => {
        if (error.status === 404) return [];
        throw error;
      });
      return entries.map((entry) => committedOfEntry(scenarioId, entry));
    },

    watch(scenarioId, onChange) {
      const check = async () => {
        const entries = await readAll(scenarioId, latest.get(scenarioId) ?? base.get(scenarioId) ?? 0, options.sendTimeout ?? DEFAULT_SEND_TIMEOUT);
        if (entries.some((entry) => !own.has(entry.id))) onChange();
      };
      // The live stream says when to read (and a scenario that is gone is found so by reading:
      // the session hears of it); a slow poll behind it covers a stream a proxy cut without a word.
      const stream = api.streamEdits(scenarioId, (event) => {
        if (event === 'ready') sender.nudge(); // (re)connected: the server is back
        void check().catch(() => {});
      });
      const poll = pollJournal(check, stream ? Math.max(pollEvery, SAFETY_POLL_MS) : pollEvery);
      const stop = () => {
        stream?.();
        poll();
      };
      stops.add(stop);
      return () => {
        stops.delete(stop);
        stop();
      };
    },

    listImports: async () => [],
    readImportEvents: async () => null,
    readImportFile: async () => null,
    async keepImport(accepted) {
      accepted.discard();
      return { stored: false, quotaExceeded: false, reason: IMPORTS_NOT_ON_SERVER };
    },
    deleteImport: async () => {},

    signedIn(username) {
      person = username;
      return sender.signedIn(username === null ? null : ownerKey(api.server, username));
    },
    saveStatus: () => sender.status(),
    onSaveStatus: (listener) => sender.onStatus(listener),

    close() {
      for (const stop of stops) stop();
      stops.clear();
      sender.close();
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    },
  };
}
