// The outbox of a shared scenario's edits: each edit is kept here (in IndexedDB, outbox-indexeddb.ts;
// in memory for Node and tests) before it is sent, and taken out only once the team server has
// acknowledged it, which it does once the database has committed it. A server that cannot be
// reached, answers 5xx or does not answer in time leaves the edit waiting; it is sent again later,
// and a resend is harmless: the server knows the edit by its client-made id and acknowledges it
// with the place it already has (docs/api.md, "Edits").
//
// An outbox is kept per person and server (`ownerKey`): a browser two people share never sends one
// person's edits as the other. What this file holds is the store and the pure rules (what is sent
// together, what a failure means, how long to wait); outbox-sender.ts sends.
import type { EditStep, Step } from '../data/editing/edit-journal';

/** One edit waiting to be acknowledged, as it will be sent (`POST …/edits`) and for whom. */
export interface OutboxEntry {
  /** Whose edit it is, and on which server (`ownerKey`). */
  owner: string;
  /** Made by the client (a UUID): how the server recognises a resend. */
  id: string;
  scenarioId: string;
  step: EditStep;
  edits: Step;
  madeAt: string;
  /** The last journal place the author's page had applied (edit-journal.ts): the server marks an edit on a stale base. */
  baseSeq?: number;
}

/** Where waiting edits are kept until acknowledged: survives a closed tab or a crash where it is IndexedDB. */
export interface Outbox {
  /** Keeps an entry; resolves once it is kept. */
  put(entry: OutboxEntry): Promise<void>;
  /** The owner's entries, in the order they were put. */
  list(owner: string): Promise<OutboxEntry[]>;
  /** Takes an acknowledged (or refused) entry out. */
  remove(id: string): Promise<void>;
}

/** The key of one person's outbox on one server. */
export const ownerKey = (server: string, username: string) => `${server} ${username}`;

/** An outbox in memory: for Node, tests, and a browser without IndexedDB (kept until the page closes). */
export function memoryOutbox(): Outbox {
  const entries = new Map<string, OutboxEntry>();
  return {
    put: async (entry) => void entries.set(entry.id, structuredClone(entry)),
    list: async (owner) => [...entries.values()].filter((entry) => entry.owner === owner).map((entry) => structuredClone(entry)),
    remove: async (id) => void entries.delete(id),
  };
}

/** The server takes up to 500 entries per request (docs/api.md); fewer keep one request short. */
export const MOST_PER_REQUEST = 100;
/** And a request's body stays under the server's 1 MB, however large the edits (one entry alone may still be refused as too large). */
export const MOST_BYTES_PER_REQUEST = 900_000;

const bytesOf = (entry: OutboxEntry) => new TextEncoder().encode(JSON.stringify(entry)).length;

/**
 * The entries sent in one request: the first waiting and those right after it of the same
 * scenario, up to `most` and about MOST_BYTES_PER_REQUEST (always at least one). Order is kept:
 * nothing is sent before an entry put earlier.
 */
export function nextBatch(waiting: readonly OutboxEntry[], most = MOST_PER_REQUEST): OutboxEntry[] {
  const first = waiting[0];
  if (!first) return [];
  const batch = [first];
  let bytes = bytesOf(first);
  for (const entry of waiting.slice(1, most)) {
    if (entry.scenarioId !== first.scenarioId) break;
    bytes += bytesOf(entry);
    if (bytes > MOST_BYTES_PER_REQUEST) break;
    batch.push(entry);
  }
  return batch;
}

/**
 * What a failed send means for the entries sent:
 * - 'retry': the server was not reached, failed (5xx), was busy (408, 429) or did not answer in
 *   time: they wait and are sent again (they may have been committed: a resend is acknowledged).
 * - 'signed-out' (401): they wait until the person signs in again.
 * - 'refused' (400, 403, 404, 409, 413 …): the server will never take them as they are.
 */
export type SendFailure = 'retry' | 'signed-out' | 'refused';

export function failureOf(error: unknown): SendFailure {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number' || status === 0 || status >= 500 || status === 408 || status === 429) return 'retry';
  if (status === 401) return 'signed-out';
  return 'refused';
}

export interface RetryTimes {
  /** The first wait after a failure (ms). */
  first: number;
  /** The longest wait (ms). */
  most: number;
}

export const DEFAULT_RETRY: RetryTimes = { first: 1_000, most: 30_000 };

/** How long to wait before the `failures`-th try again: doubling from `first` up to `most`, less up to a fifth at random (clients that lost one server do not all come back at once). */
export function retryDelay(failures: number, { first, most }: RetryTimes, random = Math.random): number {
  const delay = Math.min(most, first * 2 ** Math.max(0, failures - 1));
  return Math.round(delay * (1 - 0.2 * random()));
}

/** How the page's edits stand with the server: what the header says. */
export interface SaveStatus {
  /** Edits not yet acknowledged. */
  waiting: number;
  /** A request is out now. */
  sending: boolean;
  /** The last try could not reach the server (it is tried again). */
  offline: boolean;
}
