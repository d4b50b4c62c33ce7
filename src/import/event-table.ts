// A file read as a table: the header names and the rows' cells, whether it came as CSV or as
// GeoJSON features with their own property names. Both reach the same mapping step and the same
// validation, so an analyst meets one flow for every format.
import type { ValidationIssue } from '../data/validate';
import type { CsvDelimiter } from './csv-table';
import type { TextEncodingName } from './decode-text';

export interface TableRecord {
  /** CSV: the physical line the row starts on. GeoJSON: the feature's index. */
  line: number;
  cells: string[];
  /** GeoJSON only: the feature's geometry, used when no column gives longitude and latitude. */
  geometry?: unknown;
}

export interface EventTable {
  format: 'csv' | 'geojson';
  /** Column names as written in the file (CSV header cells, or GeoJSON property names). */
  labels: string[];
  records: TableRecord[];
  delimiter: CsvDelimiter | null;
  encoding: TextEncodingName;
  /** What reading the file noticed and the user should know (a Windows-1252 decoding). */
  notices: ValidationIssue[];
}

/** Where a row is, as the analyst would look for it. */
export const rowLocation = (table: Pick<EventTable, 'format'>, line: number, label?: string) => {
  const row = table.format === 'csv' ? `line ${line}` : `features[${line}]`;
  return label ? `${row}, ${table.format === 'csv' ? 'column' : 'property'} "${label}"` : row;
};

/** The first rows' cells of one column, for detection and the mapping step's samples. */
export const sampleValues = (table: EventTable, column: number, count: number) =>
  table.records
    .slice(0, count * 4)
    .map((record) => (record.cells[column] ?? '').trim())
    .filter((value) => value !== '')
    .slice(0, count);
