// The import worker: a 200 MB file is decoded, parsed, checked and normalised here, off the
// page's main thread, with progress. It waits for the page's column mapping when one is needed.
/// <reference lib="webworker" />
import { normaliseEvents } from '../events';
import type { ColumnMapping } from './column-mapping';
import type { EventTable } from './event-table';
import type { ImportResult } from './import-result';
import { importMappedTable, prepareImport } from './parse-events-file';
import { EVENTS_PER_MESSAGE, MAPPING_SAMPLE_ROWS, type ImportMessage, type ImportPhase, type ImportRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: ImportMessage) => self.postMessage(message);

let lastProgressAt = 0;
const progress = (phase: ImportPhase, fraction: number, rows?: number) => {
  const now = performance.now();
  if (now - lastProgressAt < 100 && fraction < 1) return; // ten updates a second are plenty
  lastProgressAt = now;
  post({ type: 'progress', phase, fraction, ...(rows === undefined ? {} : { rows }) });
};

let waiting: { table: EventTable; scenarioId: string } | null = null;

function finish(result: ImportResult, scenarioId: string) {
  if (!result.ok) {
    post({ type: 'refused', format: result.format, issues: result.issues });
    return;
  }
  const events = normaliseEvents(result.events, scenarioId);
  post({ type: 'accepted', format: result.format, eventCount: events.length, warnings: result.warnings });
  for (let start = 0; start < events.length; start += EVENTS_PER_MESSAGE) post({ type: 'events', events: events.slice(start, start + EVENTS_PER_MESSAGE) });
  post({ type: 'done' });
}

async function read(file: Blob, name: string, scenarioId: string) {
  progress('reading', 0);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const prepared = prepareImport({ name, bytes }, (phase, fraction, rows) => progress(phase, fraction, rows));
  if (prepared.kind === 'done') return finish(prepared.result, scenarioId);
  const { table, proposal } = prepared;
  waiting = { table, scenarioId };
  const sampleRows = table.records.slice(0, MAPPING_SAMPLE_ROWS).map((record) => record.cells);
  const { format, labels, delimiter, encoding, notices } = table;
  post({ type: 'needs-mapping', preview: { format, labels, sampleRows, rowCount: table.records.length, delimiter, encoding, notices, proposal } });
}

function map(mapping: ColumnMapping) {
  if (!waiting) return;
  const { table, scenarioId } = waiting;
  waiting = null;
  finish(importMappedTable(table, mapping, (phase, fraction) => progress(phase, fraction)), scenarioId);
}

self.onmessage = (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  if (request.type === 'read') void read(request.file, request.name, request.scenarioId);
  else map(request.mapping);
};
