// Table rows → events: each row becomes a feature in Tripwire's format (through a RowReader:
// Tripwire's own columns, or the user's mapping), then validate.ts checks them all, and every
// issue is moved back from "features[i] › properties.date" to where the analyst will look for it:
// 'line 7, column "event_date"'.
import { validateEventCollection, type ValidationIssue } from '../validate';
import { columnForPath, DEFAULT_CATEGORY } from './csv-columns';
import { createIdAllocator } from './csv-ids';
import { rowToFeature, type CsvRow, type RowFeature } from './csv-rows';
import { rowLocation, type EventTable, type TableRecord } from './event-table';
import { failure, FILE_LOCATION, fileIssue, type ImportResult } from './import-result';
import { formatCount } from './limits';

/** How one kind of table is read: Tripwire's own columns, or a user's mapping of theirs. */
export interface RowReader {
  /** The file's name for a Tripwire column ("date" → "event_date"), for messages. */
  labelOf(column: string): string | undefined;
  read(record: TableRecord): CsvRow;
  hasCategoryColumn: boolean;
  /** Warnings about the header or the mapping, reported with the rows' own. */
  warnings: ValidationIssue[];
}

export type ImportProgress = (phase: 'checking', fraction: number) => void;

interface RowInfo extends RowFeature {
  line: number;
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

export function importRows(table: EventTable, reader: RowReader, onProgress?: ImportProgress): ImportResult {
  const format = table.format;
  const locate = (line: number, column?: string | null) => rowLocation(table, line, column ? (reader.labelOf(column) ?? column) : undefined);

  /** 'features[3] (id "x") › properties.date' → 'line 5, column "date"', using the row each feature came from. */
  const relocate = (issue: ValidationIssue, rows: RowInfo[]): ValidationIssue => {
    const row = rows[Number(/^features\[(\d+)\]/.exec(issue.location)?.[1] ?? -1)];
    if (!row) return issue;
    const path = / › ([\w.[\]]+)$/.exec(issue.location)?.[1] ?? '';
    const lineOf = (index: string) => locate(rows[Number(index)]?.line ?? -1);
    const message = issue.message.replace(/\bby features\[(\d+)\]/g, (_match, index: string) => `on ${lineOf(index)}`).replace(/features\[(\d+)\]/g, (_match, index: string) => lineOf(index));
    const column = columnForPath(path, row.isRoute);
    return { location: locate(row.line, column), message: /received undefined$/.test(message) ? emptyCellMessage(column ?? undefined) : message };
  };

  const rows: RowInfo[] = table.records.map((record) => ({ ...rowToFeature(reader.read(record)), line: record.line }));
  const allocateId = createIdAllocator(rows.flatMap((row) => (typeof row.feature.properties.id === 'string' ? [row.feature.properties.id] : [])));
  for (const { feature } of rows) {
    feature.properties.id ??= allocateId(String(feature.properties.date ?? ''), String(feature.properties.title ?? ''));
  }
  const issues: ValidationIssue[] = [];
  for (const row of rows) issues.push(...row.problems.map((problem) => ({ location: locate(row.line, problem.column), message: problem.message })));

  const validated = validateEventCollection({ type: 'FeatureCollection', features: rows.map((row) => row.feature) }, (fraction) => onProgress?.('checking', fraction));
  if (!validated.ok) issues.push(...validated.issues.map((issue) => relocate(issue, rows)));
  if (!validated.ok || issues.length > 0) return failure(format, byLine(issues));

  const vocabularyWarnings = validated.warnings.filter((warning) => {
    const row = rows[Number(/^features\[(\d+)\]/.exec(warning.location)?.[1] ?? -1)];
    return !(row?.categoryDefaulted && warning.location.endsWith('properties.category'));
  });
  const warnings = [
    ...table.notices,
    ...reader.warnings,
    ...defaultCategoryWarning(rows, reader, locate),
    ...summariseWarnings(vocabularyWarnings.map((warning) => relocate(warning, rows))),
  ];
  return { ok: true, format, events: validated.value.events, article: null, warnings };
}

/** One warning for all rows without a category, instead of one "unknown category" per row. */
function defaultCategoryWarning(rows: RowInfo[], reader: RowReader, locate: (line: number) => string): ValidationIssue[] {
  const lines = rows.filter((row) => row.categoryDefaulted).map((row) => row.line);
  if (lines.length === 0) return [];
  if (!reader.hasCategoryColumn) return [fileIssue(`there is no "category" column: every row is imported as "${DEFAULT_CATEGORY}" and drawn grey`)];
  const shown = lines.slice(0, 10).map((line) => locate(line).replace(/^line /, '')).join(', ') + (lines.length > 10 ? ` and ${lines.length - 10} more` : '');
  const label = reader.labelOf('category') ?? 'category';
  return [{ location: `column "${label}"`, message: `${lines.length} row(s) have no category (lines ${shown}): imported as "${DEFAULT_CATEGORY}" and drawn grey` }];
}
