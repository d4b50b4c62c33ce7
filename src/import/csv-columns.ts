// The CSV columns of an events file (docs/import-format.md) and how each maps to the GeoJSON
// event properties that validate.ts checks. One table, used by import and export alike.

export type CsvColumnKind = 'text' | 'list' | 'boolean' | 'coordinate' | 'route';

export interface CsvColumn {
  /** Header name, lower-case snake_case. */
  name: string;
  kind: CsvColumnKind;
  /** Key in the event's properties; "factCheck.note" for a nested one. Absent for geometry columns. */
  property?: string;
  required?: true;
}

/** Export order: what an analyst scans first comes first. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', kind: 'text', property: 'id' },
  { name: 'date', kind: 'text', property: 'date', required: true },
  { name: 'end_date', kind: 'text', property: 'endDate' },
  { name: 'title', kind: 'text', property: 'title', required: true },
  { name: 'category', kind: 'text', property: 'category' },
  { name: 'actors', kind: 'list', property: 'actors' },
  { name: 'status', kind: 'text', property: 'status' },
  { name: 'lon', kind: 'coordinate', required: true },
  { name: 'lat', kind: 'coordinate', required: true },
  { name: 'route', kind: 'route' },
  { name: 'place', kind: 'text', property: 'place' },
  { name: 'location_approximate', kind: 'boolean', property: 'locationApproximate' },
  { name: 'location_note', kind: 'text', property: 'locationNote' },
  { name: 'summary', kind: 'text', property: 'summary' },
  { name: 'date_as_written', kind: 'text', property: 'dateAsWritten' },
  { name: 'date_reasoning', kind: 'text', property: 'dateReasoning' },
  { name: 'quote', kind: 'text', property: 'quote' },
  { name: 'speaker', kind: 'text', property: 'speaker' },
  { name: 'speaker_role', kind: 'text', property: 'speakerRole' },
  { name: 'status_note', kind: 'text', property: 'statusNote' },
  { name: 'layers', kind: 'list', property: 'layers' },
  { name: 'fact_check_note', kind: 'text', property: 'factCheck.note' },
  { name: 'fact_check_record_date', kind: 'text', property: 'factCheck.recordDate' },
  { name: 'fact_check_source_title', kind: 'text', property: 'factCheck.sourceTitle' },
  { name: 'fact_check_source_url', kind: 'text', property: 'factCheck.sourceUrl' },
  { name: 'source', kind: 'text', property: 'source' },
  { name: 'source_url', kind: 'text', property: 'sourceUrl' },
];

export const REQUIRED_COLUMNS = CSV_COLUMNS.filter((column) => column.required).map((column) => column.name);

/**
 * An empty or missing category: kept visible, drawn grey like any category outside our vocabulary,
 * and reported once. Guessing "statement" would misfile military events without anyone noticing.
 */
export const DEFAULT_CATEGORY = 'uncategorised';

/** " Date As-Written " → "date_as_written": header names are case-insensitive and forgiving of spacing. */
export const normaliseHeaderName = (cell: string) => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

const byName = new Map(CSV_COLUMNS.map((column) => [column.name, column]));
export const columnNamed = (name: string) => byName.get(name);

/**
 * The column a validation path points at: "properties.factCheck.note" → "fact_check_note",
 * "properties.actors[2]" → "actors", "geometry.coordinates[1]" → "lat" (or "route" for a line).
 */
export function columnForPath(path: string, isRoute: boolean): string | null {
  if (path.startsWith('geometry')) {
    if (isRoute) return 'route';
    return path.startsWith('geometry.coordinates[1]') ? 'lat' : 'lon';
  }
  const property = path.replace(/^properties\.?/, '').replace(/\[\d+\].*$/, '');
  if (property === '') return null;
  if (property === 'factCheck') return 'fact_check_note';
  return CSV_COLUMNS.find((column) => column.property === property)?.name ?? null;
}
