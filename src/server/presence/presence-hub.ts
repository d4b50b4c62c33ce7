// One per server process: hears every presence change on the database (any process's, through
// NOTIFY) and tells this process's live streams of that scenario who else is there. The list is
// read once per change and scenario, not once per stream; each stream leaves out its own person.
// The process keeps only which of its own streams want which scenario: the rows are in the database.
import type { Database } from '../db/database';
import { othersThan, presentOn, PRESENCE_CHANNEL, STALE_SECONDS, sweepStalePresence, type PresentPerson } from './presence-store';

/** A stream that hears presence: whose it is, and how to send it the others. */
export interface PresenceListener {
  personId: number;
  send: (others: PresentPerson[]) => void;
}

export class PresenceHub {
  #byScenario = new Map<string, Set<PresenceListener>>();
  #stopListening: () => Promise<void> = async () => {};
  #sweep: ReturnType<typeof setInterval> | null = null;
  /** Scenarios being read now; true when another change came in meanwhile. */
  #reading = new Map<string, boolean>();

  private constructor(private readonly db: Database) {}

  static async start(db: Database): Promise<PresenceHub> {
    const hub = new PresenceHub(db);
    hub.#stopListening = await db.listen(PRESENCE_CHANNEL, (scenarioId) => void hub.tell(scenarioId));
    // Rows of a process killed without a word: ignored once stale, removed (and their scenarios
    // told) by whichever process sweeps first.
    hub.#sweep = setInterval(() => void sweepStalePresence(db).catch(() => undefined), (STALE_SECONDS / 2) * 1000);
    hub.#sweep.unref();
    return hub;
  }

  /** The stream hears the scenario's presence from now on (starting with who is there now); returns the way to stop. */
  add(scenarioId: string, listener: PresenceListener): () => void {
    const set = this.#byScenario.get(scenarioId) ?? new Set();
    set.add(listener);
    this.#byScenario.set(scenarioId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#byScenario.delete(scenarioId);
    };
  }

  /**
   * Reads who is on the scenario and tells this process's streams of it. One read at a time per
   * scenario: a change heard during a read is read again after it, so an older answer that comes
   * back late never follows a newer one.
   */
  async tell(scenarioId: string): Promise<void> {
    if (!this.#byScenario.has(scenarioId)) return;
    if (this.#reading.has(scenarioId)) {
      this.#reading.set(scenarioId, true);
      return;
    }
    this.#reading.set(scenarioId, false);
    try {
      const rows = await presentOn(this.db, scenarioId).catch(() => null);
      // Null: the database is closing, and the streams with it.
      if (rows) for (const listener of this.#byScenario.get(scenarioId) ?? []) listener.send(othersThan(rows, listener.personId));
    } finally {
      const again = this.#reading.get(scenarioId);
      this.#reading.delete(scenarioId);
      if (again) void this.tell(scenarioId);
    }
  }

  async stop(): Promise<void> {
    if (this.#sweep) clearInterval(this.#sweep);
    await this.#stopListening().catch(() => undefined);
  }
}
