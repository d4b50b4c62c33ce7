// How every server process on one database hears what changed, through PostgreSQL's
// LISTEN/NOTIFY: a committed edit, a change of who may see a scenario, sessions ended. A notice
// carries ids only (PostgreSQL caps a payload at 8,000 bytes); whoever hears it reads the rest
// from the database. A notice sent inside a transaction is delivered only if it commits.
import type { Database, Queryable } from '../db/database';

const SCENARIOS_CHANNEL = 'tripwire_scenarios';
const PEOPLE_CHANNEL = 'tripwire_people';

/** A scenario's journal grew to `seq`, or (seq null) who may see it changed or it was deleted. */
export const noticeScenarioChanged = (db: Queryable, scenarioId: string, seq: number | null) =>
  db.query('select pg_notify($1, $2)', [SCENARIOS_CHANNEL, JSON.stringify({ scenario: scenarioId, seq })]);

/** A person's sessions (one or all of them) ended, or their account changed: their streams check theirs again. */
export const noticePersonChanged = (db: Queryable, personId: number) => db.query('select pg_notify($1, $2)', [PEOPLE_CHANNEL, String(personId)]);

type Listener<T> = (value: T) => void;

/** One per server process: the notices of the database, handed to the streams that want them. */
export class LiveNotices {
  #scenarios = new Map<string, Set<Listener<number | null>>>();
  #people = new Map<number, Set<Listener<void>>>();
  #stops: (() => Promise<void>)[] = [];

  static async start(db: Database): Promise<LiveNotices> {
    const notices = new LiveNotices();
    notices.#stops.push(
      await db.listen(SCENARIOS_CHANNEL, (payload) => {
        const { scenario, seq } = JSON.parse(payload) as { scenario: string; seq: number | null };
        for (const listener of notices.#scenarios.get(scenario) ?? []) listener(seq);
      }),
      await db.listen(PEOPLE_CHANNEL, (payload) => {
        for (const listener of notices.#people.get(Number(payload)) ?? []) listener();
      }),
    );
    return notices;
  }

  onScenario(scenarioId: string, listener: Listener<number | null>): () => void {
    return add(this.#scenarios, scenarioId, listener);
  }

  onPerson(personId: number, listener: Listener<void>): () => void {
    return add(this.#people, personId, listener);
  }

  async stop(): Promise<void> {
    await Promise.all(this.#stops.map((stop) => stop().catch(() => undefined)));
    this.#stops = [];
  }
}

function add<K, T>(map: Map<K, Set<Listener<T>>>, key: K, listener: Listener<T>): () => void {
  const set = map.get(key) ?? new Set();
  set.add(listener);
  map.set(key, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) map.delete(key);
  };
}
