// Table rows → events: each row becomes a feature in Tripwire's format (through a RowReader:
// Tripwire's own columns, or the user's mapping), then validate.ts checks them all, and every
// issue is moved back from "features[i] › properties.date" to where the analyst will look for it:
// 'line 7, column "event_date"'.
import { checkEventSet, validateEventFeature, type RawEvent, type ValidationIssue } from '../data/validate';
import { columnForPath, DEFAULT_CATEGORY } from './csv-columns';
import { createIdAllocator } from './csv-ids';
import { rowToFeature, type CsvRow } from './csv-rows';
import { rowLocation, type EventTable, type TableRecord } from './event-table';
import { failure, FILE_LOCATION, fileIssue, type ImportResult } from './import-result';
import { formatCount } from '../data/limits';

/** How one kind of table is read: Tripwire's own columns, or a user's mapping of theirs. */
export interface RowReader {
  /** The file's name for a Tripwire column ("date" → "event_date"), for messages. */
  labelOf(column: string): string | undefined;
  read(record: TableRecord): CsvRow;
  /** The row's own id, if it has one (read before the rows, so made-up ids never take a file's own). */
  idOf(record: TableRecord): string | undefined;
  hasCategoryColumn: boolean;
  /** Warnings about the header or the mapping, reported with the rows' own. */
  warnings: ValidationIssue[];
}

export type ImportProgress = (phase: 'checking', fraction: number) => void;

/** Where each feature came from, by its index: what relocating an issue needs once the row is gone. */
interface RowPlace {
  line: number;
  isRoute: boolean;
  categoryDefaulted: boolean;
}

/** In a table an absent value is an empty cell: say so, rather than zod's "expected string, received undefined". */
const emptyCellMessage = (column?: string) =>
  column?.startsWith('fact_check_') ? 'must not be empty when other fact_check_ columns are filled (a fact check needs a note, a source title and a source URL)' : 'must not be empty';

const lineOfLocation = (location: string) => (location === FILE_LOCATION ? 0 : Number(/^(?:line |features\[)(\d+)/.exec(location)?.[1] ?? 0));
const byLine = (issues: ValidationIssue[]) =>
  issues
    .map((issue, order) => ({ issue, order, line: lineOfLocation(issue.location) }))
    .sort((a, b) => a.line - b.line || a.order - b.order)
    .map(({ issue }) => issue);

/** Many rows with the same warning (a million "unknown category") become one, naming the first lines. */
export function summariseWarnings(warnings: ValidationIssue[]): ValidationIssue[] {
  if (warnings.length <= 50) return warnings;
  const groups = new Map<string, ValidationIssue[]>();
  for (const warning of warnings) {
    const group = groups.get(warning.message);
    if (group) group.push(warning);
    else groups.set(warning.message, [warning]);
  }
  return [...groups.entries()].map(([message, group]) => {
    if (group.length === 1) return group[0]!;
    const shown = group.slice(0, 5).map((warning) => warning.location).join('; ');
    return { location: group[0]!.location, message: `${message} — ${formatCount(group.length)} rows (${shown}${group.length > 5 ? ' …' : ''})` };
  });
}

/**
 * Row by row: read, make the feature, check it, keep only the event. A million rows never exist
 * as a million intermediate features at once (measured: most of a large import was garbage
 * collection of exactly those).
 */
export function importRows(table: EventTable, reader: RowReader, onProgress?: ImportProgress): ImportResult {
  const format = table.format;
  const locate = (line: number, column?: string | null) => rowLocation(table, line, column ? (reader.labelOf(column) ?? column) : undefined);
  const places: RowPlace[] = [];

  /** 'features[3] (id "x") › properties.date' → 'line 5, column "date"', using the row each feature came from. */
  const relocate = (issue: ValidationIssue): ValidationIssue => {
    const place = places[Number(/^features\[(\d+)\]/.exec(issue.location)?.[1] ?? -1)];
    if (!place) return issue;
    const path = / › ([\w.[\]]+)$/.exec(issue.location)?.[1] ?? '';
    const lineOf = (index: string) => locate(places[Number(index)]?.line ?? -1);
    const message = issue.message.replace(/\bby features\[(\d+)\]/g, (_match, index: string) => `on ${lineOf(index)}`).replace(/features\[(\d+)\]/g, (_match, index: string) => lineOf(index));
    const column = columnForPath(path, place.isRoute);
    return { location: locate(place.line, column), message: /received undefined$/.test(message) ? emptyCellMessage(column ?? undefined) : message };
  };

  const allocateId = createIdAllocator(table.records.flatMap((record) => reader.idOf(record) ?? []));
  const issues: ValidationIssue[] = [];
  const events: RawEvent[] = [];
  table.records.forEach((record, index) => {
    if (onProgress && index % 20_000 === 0) onProgress('checking', index / table.records.length);
    const { feature, isRoute, categoryDefaulted, problems } = rowToFeature(reader.read(record));
    feature.properties.id ??= allocateId(String(feature.properties.date ?? ''), String(feature.properties.title ?? ''));
    places.push({ line: record.line, isRoute, categoryDefaulted });
    for (const problem of problems) issues.push({ location: locate(record.line, problem.column), message: problem.message });
    const checked = validateEventFeature(feature, index);
    for (const issue of checked.issues) issues.push(relocate(issue));
    if (checked.event) events.push(checked.event);
  });
  const set = checkEventSet(events);
  for (const issue of set.issues) issues.push(relocate(issue));
  if (issues.length > 0) return failure(format, byLine(issues));

  const vocabularyWarnings = set.warnings.filter((warning) => {
    const place = places[Number(/^features\[(\d+)\]/.exec(warning.location)?.[1] ?? -1)];
    return !(place?.categoryDefaulted && warning.location.endsWith('properties.category'));
  });
  const warnings = [
    ...table.notices,
    ...reader.warnings,
    ...defaultCategoryWarning(places, reader, locate),
    ...summariseWarnings(vocabularyWarnings.map(relocate)),
  ];
  return { ok: true, format, events, article: null, warnings };
}

/** One warning for all rows without a category, instead of one "unknown category" per row. */
function defaultCategoryWarning(places: RowPlace[], reader: RowReader, locate: (line: number) => string): ValidationIssue[] {
  const lines = places.filter((place) => place.categoryDefaulted).map((place) => place.line);
  if (lines.length === 0) return [];
  if (!reader.hasCategoryColumn) return [fileIssue(`there is no "category" column: every row is imported as "${DEFAULT_CATEGORY}" and drawn grey`)];
  const shown = lines.slice(0, 10).map((line) => locate(line).replace(/^line /, '')).join(', ') + (lines.length > 10 ? ` and ${lines.length - 10} more` : '');
  const label = reader.labelOf('category') ?? 'category';
  return [{ location: `column "${label}"`, message: `${lines.length} row(s) have no category (lines ${shown}): imported as "${DEFAULT_CATEGORY}" and drawn grey` }];
}
