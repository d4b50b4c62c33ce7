// The header row: which cell holds which column. Unknown columns are kept out and flagged; a
// missing required column stops the import with one issue naming all of them.
import type { ValidationIssue } from '../data/validate';
import { columnNamed, normaliseHeaderName, REQUIRED_COLUMNS, type CsvColumn } from './csv-columns';
import type { CsvRecord } from './csv-table';
import { fileIssue, quoteForMessage } from './import-result';

export interface CsvHeader {
  /** The column of each cell position; null for unknown or repeated columns. */
  columns: (CsvColumn | null)[];
  /** What each cell position is called in messages (the known name, or the header text). */
  labels: string[];
  issues: ValidationIssue[];
  warnings: ValidationIssue[];
}

export const cellLocation = (line: number, label?: string) => (label ? `line ${line}, column "${label}"` : `line ${line}`);

/** Why the required columns are missing, when the cause is recognisable. */
function headerHint(headerCells: string[]): string {
  if (headerCells.join(',').includes('\u0000')) return ' The header contains NUL characters: the file is probably binary or UTF-16 without a byte order mark; save it as UTF-8.';
  return ' The first line must be a header row naming the columns.';
}

export function readCsvHeader(record: CsvRecord): CsvHeader {
  const columns: (CsvColumn | null)[] = [];
  const labels: string[] = [];
  const issues: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const seenAt = new Map<string, number>();
  record.cells.forEach((cell, index) => {
    const name = normaliseHeaderName(cell);
    const column = columnNamed(name);
    labels.push(column ? column.name : cell.trim().slice(0, 60) || `#${index + 1}`);
    const firstAt = seenAt.get(name);
    if (column && firstAt !== undefined) {
      issues.push({ location: cellLocation(record.line, name), message: `column "${name}" appears twice (cells ${firstAt + 1} and ${index + 1}); keep one` });
    } else if (!column && name !== '') {
      const message = `unknown column ${quoteForMessage(cell.trim())}: ignored (see docs/import-format.md for the columns)`;
      warnings.push({ location: cellLocation(record.line, labels[index]), message });
    }
    seenAt.set(name, firstAt ?? index);
    columns.push(column && firstAt === undefined ? column : null);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.some((column) => column?.name === name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    issues.unshift(fileIssue(`missing required column${missing.length > 1 ? 's' : ''} ${list}.${headerHint(record.cells)}`));
  }
  return { columns, labels, issues, warnings };
}
