// A CSV events file: records → header → one feature per row → validate.ts, with every issue
// moved back from "features[i] › properties.date" to where the analyst will look for it:
// 'line 7, column "date"'.
import { validateEventCollection, type ValidationIssue } from '../validate';
import { columnForPath, DEFAULT_CATEGORY } from './csv-columns';
import { cellLocation, readCsvHeader } from './csv-header';
import { createIdAllocator } from './csv-ids';
import { readRow, rowToFeature, type RowFeature } from './csv-rows';
import { readCsvRecords, type CsvSyntaxIssue } from './csv-syntax';
import { failure, FILE_LOCATION, fileIssue, type ImportResult } from './import-result';
import { formatCount, MAX_IMPORT_EVENTS } from './limits';

interface RowInfo extends RowFeature {
  line: number;
}

/** 'features[3] (id "x") › properties.date' → 'line 5, column "date"', using the row each feature came from. */
function relocate(issue: ValidationIssue, rows: RowInfo[]): ValidationIssue {
  const row = rows[Number(/^features\[(\d+)\]/.exec(issue.location)?.[1] ?? -1)];
  if (!row) return issue;
  const path = / › ([\w.[\]]+)$/.exec(issue.location)?.[1] ?? '';
  const lineOf = (index: string) => `line ${rows[Number(index)]?.line ?? '?'}`;
  const message = issue.message.replace(/\bby features\[(\d+)\]/g, (_match, index: string) => `on ${lineOf(index)}`).replace(/features\[(\d+)\]/g, (_match, index: string) => lineOf(index));
  const column = columnForPath(path, row.isRoute) ?? undefined;
  return { location: cellLocation(row.line, column), message: /received undefined$/.test(message) ? emptyCellMessage(column) : message };
}

/** In a CSV an absent value is an empty cell: say so, rather than zod's "expected string, received undefined". */
const emptyCellMessage = (column?: string) =>
  column?.startsWith('fact_check_') ? 'must not be empty when other fact_check_ columns are filled (a fact check needs a note, a source title and a source URL)' : 'must not be empty';

/** One warning for all rows without a category, instead of one "unknown category" per row. */
function defaultCategoryWarning(rows: RowInfo[], hasCategoryColumn: boolean): ValidationIssue[] {
  const lines = rows.filter((row) => row.categoryDefaulted).map((row) => row.line);
  if (lines.length === 0) return [];
  if (!hasCategoryColumn) return [fileIssue(`there is no "category" column: every row is imported as "${DEFAULT_CATEGORY}" and drawn grey`)];
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? ` and ${lines.length - 10} more` : '');
  return [{ location: 'column "category"', message: `${lines.length} row(s) have no category (lines ${shown}): imported as "${DEFAULT_CATEGORY}" and drawn grey` }];
}

const lineOfLocation = (location: string) => (location === FILE_LOCATION ? 0 : Number(/^line (\d+)/.exec(location)?.[1] ?? 0));
const byLine = (issues: ValidationIssue[]) => issues.map((issue, order) => ({ issue, order, line: lineOfLocation(issue.location) })).sort((a, b) => a.line - b.line || a.order - b.order).map(({ issue }) => issue);

export function importCsv(text: string): ImportResult {
  // The header alone first: a 40 MB log file dropped by mistake is refused without reading it all.
  const headerOnly = readCsvRecords(text, 1, 1);
  const header = headerOnly.records[0] ? readCsvHeader(headerOnly.records[0]) : null;
  const locate = (issue: CsvSyntaxIssue) => ({ location: cellLocation(issue.line, header?.labels[issue.cellIndex]), message: issue.message });
  if (!header) return failure('csv', headerOnly.issues.length > 0 ? headerOnly.issues.map(locate) : [fileIssue('the file has no header row and no data')]);
  if (header.issues.some((issue) => issue.location === FILE_LOCATION)) return failure('csv', byLine([...headerOnly.issues.map(locate), ...header.issues]));

  const { records, recordCount, issues: syntaxIssues } = readCsvRecords(text, MAX_IMPORT_EVENTS + 1);
  const dataRecords = records.slice(1);
  const issues: ValidationIssue[] = [...syntaxIssues.map(locate), ...header.issues];
  if (recordCount - 1 > MAX_IMPORT_EVENTS) {
    return failure('csv', [fileIssue(`the file holds ${formatCount(recordCount - 1)} rows of events; at most ${formatCount(MAX_IMPORT_EVENTS)} can be imported at once`)]);
  }
  if (dataRecords.length === 0) return failure('csv', [...issues, fileIssue('the file has a header row but no events')]);

  const rows: RowInfo[] = dataRecords.map((record) => {
    const row = readRow(record.cells, header.columns);
    return { ...rowToFeature(row), line: record.line };
  });
  const allocateId = createIdAllocator(rows.flatMap((row) => (typeof row.feature.properties.id === 'string' ? [row.feature.properties.id] : [])));
  for (const { feature } of rows) {
    const { properties } = feature;
    properties.id ??= allocateId(String(properties.date ?? ''), String(properties.title ?? ''));
  }
  for (const row of rows) issues.push(...row.problems.map((problem) => ({ location: cellLocation(row.line, problem.column ?? undefined), message: problem.message })));

  const validated = validateEventCollection({ type: 'FeatureCollection', features: rows.map((row) => row.feature) });
  if (!validated.ok) issues.push(...validated.issues.map((issue) => relocate(issue, rows)));
  if (!validated.ok || issues.length > 0) return failure('csv', byLine(issues));

  const vocabularyWarnings = validated.warnings.filter((warning) => {
    const row = rows[Number(/^features\[(\d+)\]/.exec(warning.location)?.[1] ?? -1)];
    return !(row?.categoryDefaulted && warning.location.endsWith('properties.category'));
  });
  const warnings = [
    ...header.warnings,
    ...defaultCategoryWarning(rows, header.columns.some((column) => column?.name === 'category')),
    ...vocabularyWarnings.map((warning) => relocate(warning, rows)),
  ];
  return { ok: true, format: 'csv', events: validated.value.events, article: null, warnings };
}
