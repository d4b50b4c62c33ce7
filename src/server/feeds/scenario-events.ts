// What a poll reads of a scenario, as its journal has left it: the event sets it declares, the
// current state of the events a feed names (by id, in any set), and the highest event key in use.
// Each is a query or two over the journal and the packed parts that name the ids: a feed of a few
// thousand events never unpacks a million-event scenario's other parts to learn what changed.
import type { Queryable } from '../db/database';
import type { TripwireEvent } from '../../data/events';
import type { EventSetInfo, ScenarioHead } from '../../data/scenario-schema';
import { bytesToPacked } from '../../data/packed-bytes';
import { decodeEvents } from '../../data/packed-events';

/** The set a document's events belong to when it declares none (open-scenario.ts does the same). */
const DEFAULT_EVENT_SET_ID = 'events';

/** The event sets the scenario declares now: its latest "(details)" journal record, else the stored head. */
export async function eventSetsOf(db: Queryable, scenarioId: string): Promise<EventSetInfo[] | null> {
  const [edited] = await db.query<{ details: Pick<ScenarioHead, 'eventSets' | 'title'> }>(
    `select e -> 'after' -> 'details' as details from edits, jsonb_array_elements(edits) e
      where scenario_id = $1 and e -> 'after' ->> 'id' = '(details)'
      order by seq desc limit 1`,
    [scenarioId],
  );
  const head = edited?.details ?? (await db.query<{ head: ScenarioHead }>('select head from scenarios where id = $1', [scenarioId]))[0]?.head;
  if (!head) return null;
  return head.eventSets?.length ? head.eventSets : [{ id: DEFAULT_EVENT_SET_ID, name: head.title }];
}

/**
 * The events with these ids as they are now: for each, its last journal edit (absent when that
 * deleted it), else the stored document's, from the parts that list the id. One pass over the journal.
 */
export async function currentEvents(db: Queryable, scenarioId: string, ids: readonly string[]): Promise<Map<string, TripwireEvent>> {
  const found = new Map<string, TripwireEvent>();
  if (ids.length === 0) return found;
  const edited = await db.query<{ record_id: string; after: TripwireEvent | null }>(
    `select distinct on (record_id) record_id, after from (
        select coalesce(e.value -> 'after' ->> 'id', e.value -> 'before' ->> 'id') as record_id, e.value -> 'after' as after, edits.seq, e.ordinality
          from edits, jsonb_array_elements(edits.edits) with ordinality e(value, ordinality)
         where edits.scenario_id = $1) journal
      where record_id = any ($2::text[])
      order by record_id, seq desc, ordinality desc`,
    [scenarioId, ids],
  );
  const settled = new Set<string>();
  for (const { record_id: id, after } of edited) {
    settled.add(id);
    if (after) found.set(id, after);
  }
  const wanted = new Set(ids.filter((id) => !settled.has(id)));
  if (wanted.size === 0) return found;
  const parts = await db.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1 and (ids is null or ids && $2::text[]) order by part', [scenarioId, [...wanted]]);
  for (const { packed } of parts) for (const event of decodeEvents(bytesToPacked(packed))) if (wanted.has(event.id)) found.set(event.id, event);
  return found;
}

/** The highest key any event of the scenario has had (-1 for none): a new event takes the next. */
export async function highestEventKey(db: Queryable, scenarioId: string): Promise<number> {
  const [journal] = await db.query<{ key: number | null }>(
    `select max((e -> 'after' ->> 'key')::float8) as key from edits, jsonb_array_elements(edits) e
      where scenario_id = $1 and e -> 'after' ->> 'kind' is null and e -> 'after' ->> 'key' is not null`,
    [scenarioId],
  );
  let highest = journal?.key === null || journal?.key === undefined ? -1 : Number(journal.key);
  // The keys are a column of the packed parts (key, start and end per event): read, never decoded.
  for (const { packed } of await db.query<{ packed: Uint8Array }>('select packed from scenario_parts where scenario_id = $1', [scenarioId])) {
    const { numbers, count } = bytesToPacked(packed);
    for (let index = 0; index < count; index += 1) highest = Math.max(highest, numbers[index * 3]!);
  }
  return highest;
}
