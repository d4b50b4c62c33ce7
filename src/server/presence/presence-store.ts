// Presence (docs/api.md, "Live"): who has a shared scenario open and what they have selected. A
// row per open live stream, in the database rather than in a process's memory, so every server
// process on one database answers alike. A stream keeps its row fresh on its keep-alive; a row not
// seen for STALE_SECONDS belongs to a process that died without a word, and is ignored, then swept.
import type { Queryable } from '../db/database';

/** Longer than two of the stream's keep-alives (25 s): one missed beat is not a departure. */
export const STALE_SECONDS = 60;

const PRESENCE_CHANNEL = 'tripwire_presence';
export { PRESENCE_CHANNEL };

/** Someone else on the scenario, as a stream sends them. */
export interface PresentPerson {
  username: string;
  /** The record they have selected (an event's id), or null. */
  selected: string | null;
}

/** A presence row as read, with whose it is (to leave out the person a stream is for). */
export interface PresenceRow extends PresentPerson {
  personId: number;
}

/** Something changed in who is on the scenario: every process tells its streams of it. */
export const noticePresenceChanged = (db: Queryable, scenarioId: string) => db.query('select pg_notify($1, $2)', [PRESENCE_CHANNEL, scenarioId]);

/** A stream opened: its person is on the scenario, with nothing selected yet. */
export async function openPresence(db: Queryable, connection: string, scenarioId: string, personId: number): Promise<void> {
  await db.query('insert into presence (connection_id, scenario_id, person_id) values ($1, $2, $3)', [connection, scenarioId, personId]);
  await noticePresenceChanged(db, scenarioId);
}

/**
 * The stream is still open (its keep-alive). A row swept meanwhile (the process was too busy to
 * beat in time) is put back, and the others told.
 */
export async function touchPresence(db: Queryable, connection: string, scenarioId: string, personId: number): Promise<void> {
  const touched = await db.query('update presence set seen_at = now() where connection_id = $1 returning 1', [connection]);
  if (touched.length === 0) await openPresence(db, connection, scenarioId, personId).catch(() => undefined); // the scenario itself may be gone
}

/** The stream closed. */
export async function closePresence(db: Queryable, connection: string): Promise<void> {
  const [row] = await db.query<{ scenario_id: string }>('delete from presence where connection_id = $1 returning scenario_id', [connection]);
  if (row) await noticePresenceChanged(db, row.scenario_id);
}

/**
 * Sets what the connection's person has selected; false when the connection is not theirs, not on
 * this scenario, or not open (a caller cannot tell which: another's connection ids stay unknown).
 */
export async function setSelected(db: Queryable, connection: string, scenarioId: string, personId: number, selected: string | null): Promise<boolean> {
  const changed = await db.query(
    `update presence set selected = $4, seen_at = now()
      where connection_id = $1 and scenario_id = $2 and person_id = $3 and seen_at > now() - make_interval(secs => $5)
      returning 1`,
    [connection, scenarioId, personId, selected, STALE_SECONDS],
  );
  if (changed.length === 0) return false;
  await noticePresenceChanged(db, scenarioId);
  return true;
}

/** Everyone on the scenario now (fresh rows only), one row per person and selection. */
export async function presentOn(db: Queryable, scenarioId: string): Promise<PresenceRow[]> {
  const rows = await db.query<{ person_id: string; username: string; selected: string | null }>(
    `select distinct p.person_id, people.username, p.selected
       from presence p join people on people.id = p.person_id
      where p.scenario_id = $1 and p.seen_at > now() - make_interval(secs => $2)
      order by people.username, p.selected nulls last`,
    [scenarioId, STALE_SECONDS],
  );
  // A person with two pages open, one with a selection: the selection says more than the empty page.
  const selecting = new Set(rows.filter((row) => row.selected !== null).map((row) => row.username));
  return rows.filter((row) => row.selected !== null || !selecting.has(row.username)).map((row) => ({ personId: Number(row.person_id), username: row.username, selected: row.selected }));
}

/** The rows everyone else on the scenario is told of, from `personId`'s side: never their own. */
export const othersThan = (rows: readonly PresenceRow[], personId: number): PresentPerson[] =>
  rows.filter((row) => row.personId !== personId).map(({ username, selected }) => ({ username, selected }));

/** Removes rows nobody has refreshed (a process killed), and tells their scenarios. */
export async function sweepStalePresence(db: Queryable): Promise<void> {
  const swept = await db.query<{ scenario_id: string }>('delete from presence where seen_at < now() - make_interval(secs => $1) returning scenario_id', [STALE_SECONDS]);
  for (const scenarioId of new Set(swept.map((row) => row.scenario_id))) await noticePresenceChanged(db, scenarioId);
}
