// The entry point for an analyst's own events file. Checks run cheapest first (size, encoding,
// syntax, shape, count, then each event) and nothing throws: every problem becomes a located issue.
// A file in Tripwire's own format is imported at once; any other table first needs a column
// mapping, which the app asks the user to confirm and the CLI takes as detected.
import type { ValidationIssue } from '../data/validate';
import { detectMapping } from './column-detection';
import type { ColumnMapping } from './column-mapping';
import { readCsvHeader } from './csv-header';
import { tripwireColumnsReader } from './csv-import';
import { readCsvRecords, type CsvRecords } from './csv-table';
import { decodeText } from './decode-text';
import type { EventTable } from './event-table';
import { readGeoJson } from './geojson-import';
import { failure, fileIssue, type ImportFormat, type ImportResult } from './import-result';
import { formatCount, formatMegabytes, MAX_FILE_BYTES, MAX_IMPORT_EVENTS } from '../data/limits';
import { mappedReader, mappingIssues } from './mapped-rows';
import { importRows, type ImportProgress } from './table-import';

export interface EventsFile {
  name: string;
  bytes: Uint8Array;
}

/** A file read and understood: imported already, or a table waiting for its column mapping. */
export type PreparedImport = { kind: 'done'; result: ImportResult } | { kind: 'needs-mapping'; table: EventTable; proposal: ColumnMapping };

export type ReadProgress = (phase: 'reading' | 'checking', fraction: number, rowsRead?: number) => void;

export function formatFromName(name: string): ImportFormat | null {
  const lower = name.trim().toLowerCase();
  if (/\.(csv|tsv)$/.test(lower)) return 'csv';
  if (lower.endsWith('.json') || lower.endsWith('.geojson')) return 'geojson';
  return null;
}

/** Without a telling extension: JSON starts with "{" or "[", anything else is tried as CSV. */
export const sniffFormat = (text: string): ImportFormat => (/^\s*[{[]/.test(text) ? 'geojson' : 'csv');

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Schema messages can quote the file (zod names an unknown key in full): no message may be megabytes long. */
const capIssue = (issue: ValidationIssue): ValidationIssue => ({ location: cut(issue.location, 300), message: cut(issue.message, 500) });

const capped = (result: ImportResult): ImportResult =>
  result.ok ? { ...result, warnings: result.warnings.map(capIssue) } : { ...result, issues: result.issues.map(capIssue) };

function prepareCsv(records: CsvRecords, notices: ValidationIssue[], encoding: EventTable['encoding'], onProgress?: ReadProgress): PreparedImport {
  const [headerRecord, ...dataRecords] = records.records;
  const locate = (line: number, cellIndex: number) => `line ${line}, column "${headerRecord?.cells[cellIndex]?.trim() || `#${cellIndex + 1}`}"`;
  if (records.issues.length > 0) return { kind: 'done', result: failure('csv', records.issues.map((issue) => ({ location: locate(issue.line, issue.cellIndex), message: issue.message }))) };
  if (!headerRecord) return { kind: 'done', result: failure('csv', [fileIssue('the file has no header row and no data')]) };
  if (headerRecord.cells.some((cell) => cell.includes('\u0000'))) {
    return { kind: 'done', result: failure('csv', [fileIssue('the header contains NUL characters: the file is probably binary or UTF-16 without a byte order mark; save it as UTF-8 and import it again')]) };
  }
  if (records.recordCount - 1 > MAX_IMPORT_EVENTS) {
    return { kind: 'done', result: failure('csv', [fileIssue(`the file holds ${formatCount(records.recordCount - 1)} rows of events; at most ${formatCount(MAX_IMPORT_EVENTS)} can be imported at once`)]) };
  }
  if (dataRecords.length === 0) return { kind: 'done', result: failure('csv', [fileIssue('the file has a header row but no events')]) };
  const table: EventTable = { format: 'csv', labels: headerRecord.cells.map((cell) => cell.trim()), records: dataRecords, delimiter: records.delimiter, encoding, notices };
  const header = readCsvHeader(headerRecord);
  if (header.issues.length === 0) return { kind: 'done', result: importRows(table, tripwireColumnsReader(header, records.delimiter), onProgress) };
  // Tripwire's own column names with a repeated column: a mistake in our format, not another format.
  if (header.issues.every((issue) => !/^missing required/.test(issue.message))) return { kind: 'done', result: failure('csv', header.issues) };
  return { kind: 'needs-mapping', table, proposal: detectMapping(table.labels, dataRecords.slice(0, 500).map((record) => record.cells), { decimalComma: records.delimiter !== ',' }) };
}

function prepareUnsafely({ name, bytes }: EventsFile, onProgress?: ReadProgress): PreparedImport {
  const named = formatFromName(name);
  const refuse = (issue: ValidationIssue): PreparedImport => ({ kind: 'done', result: failure(named ?? 'unknown', [issue]) });
  if (bytes.length > MAX_FILE_BYTES) return refuse(fileIssue(`the file is too large to import: ${formatMegabytes(bytes.length)} (${formatCount(bytes.length)} bytes); the limit is ${formatMegabytes(MAX_FILE_BYTES)}`));
  if (bytes.length === 0) return refuse(fileIssue('the file is empty'));
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.issue);
  const format = named ?? sniffFormat(decoded.text);
  if (decoded.text.trim() === '') return { kind: 'done', result: failure(format, [fileIssue('the file holds only whitespace, no events')]) };
  if (format === 'geojson') return readGeoJson(decoded.text, decoded.encoding, decoded.notices, onProgress);
  const records = readCsvRecords(decoded.text, { keep: MAX_IMPORT_EVENTS + 1, onProgress: (fraction, rows) => onProgress?.('reading', fraction, rows) });
  return prepareCsv(records, decoded.notices, decoded.encoding, onProgress);
}

/** Reads a file as far as it can go without the user: an import, located issues, or a table to map. Never throws. */
export function prepareImport(file: EventsFile, onProgress?: ReadProgress): PreparedImport {
  try {
    const prepared = prepareUnsafely(file, onProgress);
    return prepared.kind === 'done' ? { kind: 'done', result: capped(prepared.result) } : prepared;
  } catch (error) {
    return { kind: 'done', result: unexpected(error, file) };
  }
}

/** The table's events under the user's mapping. Never throws. */
export function importMappedTable(table: EventTable, mapping: ColumnMapping, onProgress?: ImportProgress): ImportResult {
  try {
    const incomplete = mappingIssues(table, mapping);
    if (incomplete.length > 0) return failure(table.format, incomplete);
    return capped(importRows(table, mappedReader(table, mapping), onProgress));
  } catch (error) {
    return unexpected(error, { name: `.${table.format}` });
  }
}

/** A safety net for a bug of ours or an engine limit (e.g. out of memory): still no throw. */
function unexpected(error: unknown, file: { name?: unknown }): ImportResult {
  const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
  return failure(formatFromName(String(file?.name ?? '')) ?? 'unknown', [fileIssue(`the file could not be read: ${reason}`)]);
}

/**
 * Reads a .geojson/.json or .csv events file in one go (the CLI, tests): a table in another shape
 * is imported with the mapping given, or else the one detected. See docs/import-format.md.
 */
export function parseEventsFile(file: EventsFile, mapping?: ColumnMapping): ImportResult {
  const prepared = prepareImport(file);
  if (prepared.kind === 'done') return prepared.result;
  const chosen = mapping ?? prepared.proposal;
  const incomplete = mappingIssues(prepared.table, chosen);
  if (!mapping && incomplete.length > 0) {
    // Nobody to ask: say in one issue what could not be recognised, and how to fix it.
    const missing = incomplete.map((issue) => issue.message.replace(/^no column is chosen for /, '')).join('; ');
    return failure(prepared.table.format, [fileIssue(`missing required columns: none was recognised for ${missing}. Name them as in docs/import-format.md, or import the file in the app and choose them`)]);
  }
  return importMappedTable(prepared.table, chosen);
}
