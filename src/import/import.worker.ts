// The import worker: a 200 MB file is decoded, parsed, checked and normalised here, off the
// page's main thread, with progress. It waits for the page's column mapping when one is needed.
/// <reference lib="webworker" />
import { normaliseEvents } from '../data/events';
import { encodeEventParts, packedBuffers, type PackedEvents } from '../data/packed-events';
import type { ValidationIssue } from '../data/validate';
import { saveImport } from '../storage';
import type { ColumnMapping } from './column-mapping';
import type { EventTable } from './event-table';
import type { ImportResult } from './import-result';
import { importMappedTable, prepareImport } from './parse-events-file';
import { MAPPING_SAMPLE_ROWS, type ImportMessage, type ImportPhase, type ImportRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: ImportMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);

let lastProgressAt = 0;
const progress = (phase: ImportPhase, fraction: number, rows?: number) => {
  const now = performance.now();
  if (now - lastProgressAt < 100 && fraction < 1) return; // ten updates a second are plenty
  lastProgressAt = now;
  post({ type: 'progress', phase, fraction, ...(rows === undefined ? {} : { rows }) });
};

interface Reading {
  file: Blob;
  name: string;
  eventSetId: string;
}
let reading: Reading | null = null;
let waitingForMapping: EventTable | null = null;
let mapping: ColumnMapping | null = null;
/** What the worker keeps of an accepted import, to store it if the page asks: its events packed. */
let accepted: { format: Extract<ImportResult, { ok: true }>['format']; warnings: ValidationIssue[]; parts: PackedEvents[] } | null = null;

function finish(result: ImportResult, eventSetId: string) {
  if (!result.ok) {
    post({ type: 'refused', format: result.format, issues: result.issues });
    return;
  }
  // Packed once: the page gets a copy of the columns (moved, not cloned object by object), and the
  // worker keeps them to store as they are.
  const events = normaliseEvents(result.events, eventSetId);
  const parts = encodeEventParts(events);
  accepted = { format: result.format, warnings: result.warnings, parts };
  post({ type: 'accepted', format: result.format, eventCount: events.length, warnings: result.warnings });
  const sent = structuredClone(parts);
  post({ type: 'events', parts: sent }, sent.flatMap(packedBuffers));
  post({ type: 'done' });
}

async function read(request: Reading) {
  reading = request;
  progress('reading', 0);
  const bytes = new Uint8Array(await request.file.arrayBuffer());
  const prepared = prepareImport({ name: request.name, bytes }, (phase, fraction, rows) => progress(phase, fraction, rows));
  if (prepared.kind === 'done') return finish(prepared.result, request.eventSetId);
  const { table, proposal } = prepared;
  waitingForMapping = table;
  const sampleRows = table.records.slice(0, MAPPING_SAMPLE_ROWS).map((record) => record.cells);
  const { format, labels, delimiter, encoding, notices } = table;
  post({ type: 'needs-mapping', preview: { format, labels, sampleRows, rowCount: table.records.length, delimiter, encoding, notices, proposal } });
}

function map(chosen: ColumnMapping) {
  if (!waitingForMapping || !reading) return;
  const table = waitingForMapping;
  waitingForMapping = null;
  mapping = chosen;
  finish(importMappedTable(table, chosen, (phase, fraction) => progress(phase, fraction)), reading.eventSetId);
}

async function store() {
  if (!accepted || !reading) return;
  const { format, warnings, parts } = accepted;
  const record = { id: reading.eventSetId, name: reading.name, format, eventCount: parts.reduce((sum, part) => sum + part.count, 0), mapping, warnings };
  try {
    await saveImport(record, { parts }, reading.file, (fraction) => progress('saving', fraction));
    post({ type: 'stored' });
  } catch (error) {
    const quotaExceeded = error instanceof DOMException && error.name === 'QuotaExceededError';
    post({ type: 'storage-failed', quotaExceeded, reason: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  if (request.type === 'read') void read(request);
  else if (request.type === 'map') map(request.mapping);
  else void store();
};
