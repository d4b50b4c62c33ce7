// Renaming a shared scenario from the library is an edit like any other: one journal entry that
// changes its details record, made by whoever renamed it. Written straight into the stored head
// instead, the new title was lost to anyone who opened the scenario afterwards whenever the journal
// after the stored document held an earlier change of the details (the journal is applied on top),
// and open pages never heard of it.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database';
import type { ScenarioHead } from '../../data/scenario-schema';
import { headRecords, type HeadRecord } from '../../data/editing/head-records';
import type { JournalEntryInput } from '../../data/editing/journal-schema';
import { appendEdits } from './scenario-store';

type DetailsRecord = Extract<HeadRecord, { kind: 'details' }>;

/** The details record as the scenario stands now: its newest journal edit after the stored document, else the stored head's. */
async function currentDetails(db: Database, scenarioId: string): Promise<DetailsRecord | null> {
  const [row] = await db.query<{ head: ScenarioHead; doc_seq: string }>('select head, doc_seq from scenarios where id = $1', [scenarioId]);
  if (!row) return null;
  const [edited] = await db.query<{ after: DetailsRecord | null }>(
    `select e -> 'after' as after from edits, jsonb_array_elements(edits) e
      where scenario_id = $1 and seq > $2 and e -> 'after' ->> 'id' = '(details)'
      order by seq desc limit 1`,
    [scenarioId, row.doc_seq],
  );
  if (edited?.after) return edited.after;
  return headRecords(row.head).find((record): record is DetailsRecord => record.kind === 'details') ?? null;
}

/** Renames through the journal, as `author`; false when the scenario is gone. */
export async function renameInJournal(db: Database, scenarioId: string, title: string, author: string): Promise<boolean> {
  const before = await currentDetails(db, scenarioId);
  if (!before) return false;
  if (before.details.title === title) return true;
  const after: DetailsRecord = { ...before, details: { ...before.details, title } };
  const entry = { id: randomUUID(), step: 'do', edits: [{ before, after }], madeAt: new Date().toISOString() } as JournalEntryInput;
  await appendEdits(db, scenarioId, [entry], author);
  return true;
}
