// The entry point for an analyst's own events file. Checks run cheapest first (size, encoding,
// syntax, shape, count, then each event) and nothing throws: every problem becomes a located issue.
import { decodeUtf8Text } from './decode-text';
import { importCsv } from './csv-import';
import { importGeoJson } from './geojson-import';
import { failure, fileIssue, type ImportFormat, type ImportResult } from './import-result';
import type { ValidationIssue } from '../validate';
import { formatCount, formatMegabytes, MAX_FILE_BYTES } from './limits';

export interface EventsFile {
  name: string;
  bytes: Uint8Array;
}

export function formatFromName(name: string): ImportFormat | null {
  const lower = name.trim().toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json') || lower.endsWith('.geojson')) return 'geojson';
  return null;
}

/** Without a telling extension: JSON starts with "{" or "[", anything else is tried as CSV. */
export const sniffFormat = (text: string): ImportFormat => (/^\s*[{[]/.test(text) ? 'geojson' : 'csv');

function parseUnsafely({ name, bytes }: EventsFile): ImportResult {
  const named = formatFromName(name);
  if (bytes.length > MAX_FILE_BYTES) {
    const size = `${formatMegabytes(bytes.length)} (${formatCount(bytes.length)} bytes)`;
    return failure(named ?? 'unknown', [fileIssue(`the file is too large to import: ${size}; the limit is ${formatMegabytes(MAX_FILE_BYTES)}`)]);
  }
  if (bytes.length === 0) return failure(named ?? 'unknown', [fileIssue('the file is empty')]);
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) return failure(named ?? 'unknown', [decoded.issue]);
  const format = named ?? sniffFormat(decoded.text);
  if (decoded.text.trim() === '') return failure(format, [fileIssue('the file holds only whitespace, no events')]);
  return format === 'csv' ? importCsv(decoded.text) : importGeoJson(decoded.text);
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Schema messages can quote the file (zod names an unknown key in full): no message may be megabytes long. */
const capIssue = (issue: ValidationIssue): ValidationIssue => ({ location: cut(issue.location, 300), message: cut(issue.message, 500) });

/** Reads a .geojson/.json or .csv events file; see docs/import-format.md. Never throws. */
export function parseEventsFile(file: EventsFile): ImportResult {
  try {
    const result = parseUnsafely(file);
    return result.ok ? { ...result, warnings: result.warnings.map(capIssue) } : { ...result, issues: result.issues.map(capIssue) };
  } catch (error) {
    // A safety net for a bug of ours or an engine limit (e.g. out of memory): still no throw.
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return failure(formatFromName(String(file?.name ?? '')) ?? 'unknown', [fileIssue(`the file could not be read: ${reason}`)]);
  }
}
