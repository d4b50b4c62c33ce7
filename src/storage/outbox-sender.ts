// Sends the outbox (outbox.ts) to the team server, in order, for the person signed in now. An edit
// is put in the outbox before it is sent and taken out once acknowledged; until then it is tried
// again after a failure (backing off), and at once when the caller learns the server is back
// (`nudge`: the browser is online again, the live stream reconnected, a read succeeded). A refusal
// takes it out and rejects its promise with the server's sentence.
//
// Entries another page left (a closed tab, a crash) are sent when their person signs in here
// (`signedIn`); another open tab of the same person may be sending the same entries: the server
// acknowledges the second copy with the first one's place, and both tabs take it out.
import { DEFAULT_RETRY, failureOf, MOST_PER_REQUEST, nextBatch, retryDelay, type Outbox, type OutboxEntry, type RetryTimes, type SaveStatus } from './outbox';

/** Sends entries of one scenario (`POST …/edits`); resolves with the place of each once committed. */
export type SendEntries = (scenarioId: string, entries: Omit<OutboxEntry, 'owner' | 'scenarioId'>[], signal: AbortSignal) => Promise<{ id: string; seq: number }[]>;

export interface OutboxSenderOptions {
  outbox: Outbox;
  send: SendEntries;
  /** How long a request may go unanswered before it counts as failed and is tried again (ms). */
  timeout?: number;
  retry?: RetryTimes;
}

interface Queued {
  entry: OutboxEntry;
  /** Resolves once the outbox holds it (or could not: then only this page holds it). */
  kept: Promise<void>;
}

export const DEFAULT_SEND_TIMEOUT = 20_000;

export function createOutboxSender({ outbox, send, timeout = DEFAULT_SEND_TIMEOUT, retry = DEFAULT_RETRY }: OutboxSenderOptions) {
  /** Whose entries are sent now (`ownerKey`); null while no one is signed in. */
  let owner: string | null = null;
  /** Entries this page holds, in order: its own, and those adopted from the outbox. */
  let pending: Queued[] = [];
  const flying = new Set<string>();
  const waiters = new Map<string, { resolve: (seq: number) => void; reject: (error: unknown) => void }>();
  let sending = false;
  let offline = false;
  let failures = 0;
  /** After a refused batch, its entries go one at a time, so only the refused one is dropped. */
  let singly = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const listeners = new Set<(status: SaveStatus) => void>();

  const mine = () => pending.filter((queued) => queued.entry.owner === owner);
  const status = (): SaveStatus => ({ waiting: owner === null ? 0 : mine().length, sending, offline });
  const emit = () => {
    const now = status();
    for (const listener of listeners) listener(now);
  };

  /** Takes an entry out of the page and the outbox: acknowledged (a place) or refused (an error). */
  async function settle(id: string, outcome: { seq: number } | { error: unknown }) {
    pending = pending.filter((queued) => queued.entry.id !== id);
    await outbox.remove(id).catch(() => {}); // left there, it is sent again later and acknowledged again
    const waiter = waiters.get(id);
    waiters.delete(id);
    if ('seq' in outcome) waiter?.resolve(outcome.seq);
    else waiter?.reject(outcome.error);
  }

  function retryLater() {
    failures += 1;
    offline = true;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void pump();
    }, retryDelay(failures, retry));
  }

  async function pump(): Promise<void> {
    if (sending || closed || owner === null) return;
    clearTimeout(retryTimer);
    retryTimer = undefined;
    sending = true;
    emit();
    try {
      for (;;) {
        const waiting = mine();
        if (waiting.length === 0 || closed) break;
        const batch = nextBatch(
          waiting.map((queued) => queued.entry),
          singly > 0 ? 1 : MOST_PER_REQUEST,
        );
        // Put in the outbox before sent: a crash from here on leaves it there to send again.
        await Promise.all(waiting.slice(0, batch.length).map((queued) => queued.kept));
        for (const entry of batch) flying.add(entry.id);
        const unanswered = new AbortController();
        const timer = setTimeout(() => unanswered.abort(new DOMException('The team server did not answer in time.', 'TimeoutError')), timeout);
        try {
          const places = new Map((await send(batch[0]!.scenarioId, batch.map(({ owner: _owner, scenarioId: _scenario, ...entry }) => entry), unanswered.signal)).map((ack) => [ack.id, ack.seq]));
          for (const entry of batch) {
            const seq = places.get(entry.id);
            await settle(entry.id, seq === undefined ? { error: new Error('The team server did not acknowledge the edit.') } : { seq });
          }
          failures = 0;
          offline = false;
          singly = Math.max(0, singly - 1);
        } catch (error) {
          const failure = failureOf(error);
          if (failure === 'refused' && batch.length > 1) {
            singly = batch.length;
          } else if (failure === 'refused') {
            singly = Math.max(0, singly - 1);
            await settle(batch[0]!.id, { error });
          } else {
            // 'signed-out': they wait for the person to sign in again (`signedIn`).
            if (failure === 'retry') retryLater();
            break;
          }
        } finally {
          clearTimeout(timer);
          for (const entry of batch) flying.delete(entry.id);
        }
      }
    } finally {
      sending = false;
      emit();
    }
  }

  return {
    status,

    /** Told of every change of status (for the header). Returns the way to stop. */
    onStatus(listener: (status: SaveStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Keeps the entry in the outbox, then sends it in its turn; resolves with its place once acknowledged, rejects if refused. */
    add(entry: OutboxEntry): Promise<number> {
      const settled = new Promise<number>((resolve, reject) => waiters.set(entry.id, { resolve, reject }));
      pending.push({ entry, kept: outbox.put(entry).catch(() => {}) }); // not kept (no IndexedDB): this page still sends it
      emit();
      // While the server is unreachable, a new edit waits for the next try with the others.
      if (retryTimer === undefined) void pump();
      return settled;
    },

    /**
     * The person now signed in (their `ownerKey`), or null: their entries left in the outbox by an
     * earlier page are sent first, before this page's.
     */
    async signedIn(nextOwner: string | null): Promise<void> {
      owner = nextOwner;
      failures = 0;
      offline = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      if (nextOwner !== null) {
        const stored = await outbox.list(nextOwner).catch(() => []);
        if (owner !== nextOwner) return; // someone else signed in meanwhile
        const held = new Set(pending.map((queued) => queued.entry.id));
        const adopted = stored.filter((entry) => !held.has(entry.id)).map((entry) => ({ entry, kept: Promise.resolve() }));
        const firstNotFlying = pending.findIndex((queued) => !flying.has(queued.entry.id));
        const at = firstNotFlying === -1 ? pending.length : firstNotFlying;
        pending = [...pending.slice(0, at), ...adopted, ...pending.slice(at)];
      }
      emit();
      void pump();
    },

    /** The server may be back: try now rather than at the next retry. */
    nudge(): void {
      if (offline || retryTimer !== undefined) void pump();
    },

    close(): void {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
