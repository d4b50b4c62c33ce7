// Scenario documents in the browser database: the head whole, the events in chunks (written in
// one transaction, all or nothing), and a journal of the edits made since, which every tab
// replays in the same order (edit-journal.ts), so two tabs agree and newer work always wins.
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import type { CommittedRecord, JournalRecord } from '../data/editing/edit-journal';
import { EVENTS_PER_CHUNK, openDatabase, STORED_EVENTS_VERSION, type StoredScenario } from './database';

const everyChunkOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);
const journalOf = (id: string, afterSeq = 0) => IDBKeyRange.bound([id, afterSeq + 1], [id, Infinity]);

/** Stores a scenario as it is now (its journal is folded in, and emptied). */
export async function saveScenario(head: ScenarioHead, events: readonly TripwireEvent[]): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction(['scenarios', 'scenarioChunks', 'edits'], 'readwrite');
  const chunks = transaction.objectStore('scenarioChunks');
  await chunks.delete(everyChunkOf(head.id));
  const chunkCount = Math.ceil(events.length / EVENTS_PER_CHUNK);
  for (let index = 0; index < chunkCount; index += 1) {
    await chunks.put({ scenarioId: head.id, index, events: events.slice(index * EVENTS_PER_CHUNK, (index + 1) * EVENTS_PER_CHUNK) });
  }
  const edits = transaction.objectStore('edits');
  for (const key of await edits.index('byScenario').getAllKeys(journalOf(head.id))) await edits.delete(key);
  await transaction.objectStore('scenarios').put({ id: head.id, head, eventCount: events.length, chunkCount, eventsVersion: STORED_EVENTS_VERSION, savedAt: new Date().toISOString() });
  await transaction.done;
}

export async function listStoredScenarios(): Promise<StoredScenario[]> {
  return (await openDatabase()).getAll('scenarios');
}

export async function hasStoredScenario(id: string): Promise<boolean> {
  return (await (await openDatabase()).getKey('scenarios', id)) !== undefined;
}

/** A stored scenario's head and events, in stored order; null when it is missing, incomplete or of an older event shape. */
export async function readStoredScenario(id: string): Promise<{ head: ScenarioHead; events: TripwireEvent[] } | null> {
  const database = await openDatabase();
  const record = await database.get('scenarios', id);
  if (!record || record.eventsVersion !== STORED_EVENTS_VERSION) return null;
  const events: TripwireEvent[] = [];
  for (let index = 0; index < record.chunkCount; index += 1) {
    const chunk = await database.get('scenarioChunks', [id, index]);
    if (!chunk) return null;
    for (const event of chunk.events) events.push(event);
  }
  return events.length === record.eventCount ? { head: record.head, events } : null;
}

export async function deleteStoredScenario(id: string): Promise<void> {
  const database = await openDatabase();
  const transaction = database.transaction(['scenarios', 'scenarioChunks', 'edits'], 'readwrite');
  const edits = transaction.objectStore('edits');
  for (const key of await edits.index('byScenario').getAllKeys(journalOf(id))) await edits.delete(key);
  await Promise.all([transaction.objectStore('scenarios').delete(id), transaction.objectStore('scenarioChunks').delete(everyChunkOf(id)), transaction.done]);
}

/** Appends an edit to the scenario's journal; resolves with its place in the journal. */
export async function appendEdit(record: JournalRecord): Promise<number> {
  return (await openDatabase()).add('edits', record);
}

/** The scenario's journal after `afterSeq`, in order. */
export async function readEdits(scenarioId: string, afterSeq = 0): Promise<CommittedRecord[]> {
  return (await (await openDatabase()).getAllFromIndex('edits', 'byScenario', journalOf(scenarioId, afterSeq))) as CommittedRecord[];
}
