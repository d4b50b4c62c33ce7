// The messages between the page and the import worker (import.worker.ts). The worker reads,
// checks and normalises; the page asks the user for a column mapping when one is needed; once
// the page has the events and accepts them, the worker stores them (serialising a million events
// for IndexedDB is seconds of work the page does not do). Events travel back as packed columns,
// their buffers transferred; the page builds the event objects a slice at a time.
import type { PackedEvents } from '../data/packed-events';
import type { ValidationIssue } from '../data/validate';
import type { ColumnMapping } from './column-mapping';
import type { EventTable } from './event-table';
import type { ImportFormat } from './import-result';

export type ImportRequest =
  | { type: 'read'; file: Blob; name: string; eventSetId: string }
  | { type: 'map'; mapping: ColumnMapping }
  /** The page has the events and found no reason to refuse them: keep them in the browser database. */
  | { type: 'store' };

/** What the mapping step shows: the header, the first rows, and the detected mapping. */
export interface MappingPreview {
  format: EventTable['format'];
  labels: string[];
  /** The first rows' cells (up to 500): samples, category values and date detection in the dialog. */
  sampleRows: string[][];
  rowCount: number;
  delimiter: EventTable['delimiter'];
  encoding: EventTable['encoding'];
  notices: ValidationIssue[];
  proposal: ColumnMapping;
}

export type ImportPhase = 'reading' | 'checking' | 'receiving' | 'saving';

export type ImportMessage =
  | { type: 'progress'; phase: ImportPhase; fraction: number; rows?: number }
  | { type: 'needs-mapping'; preview: MappingPreview }
  | { type: 'refused'; format: ImportFormat | 'unknown'; issues: ValidationIssue[] }
  | { type: 'accepted'; format: ImportFormat; eventCount: number; warnings: ValidationIssue[] }
  | { type: 'events'; parts: PackedEvents[] }
  | { type: 'done' }
  | { type: 'stored' }
  | { type: 'storage-failed'; quotaExceeded: boolean; reason: string };

/** Events per message where events still travel as objects (the scenario worker): about 20–40 ms of structured-clone work on the page for each. */
export const EVENTS_PER_MESSAGE = 20_000;

export const MAPPING_SAMPLE_ROWS = 500;
