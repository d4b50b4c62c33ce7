// A user's columns → Tripwire's, row by row, as chosen in the mapping step: dates read in the
// column's detected format, the title from a column or a template, categories through the chosen
// vocabulary, coordinates from columns or the GeoJSON geometry. The result is a row in
// Tripwire's own CSV terms, so it meets exactly the same checks as our own format.
import { suggestCategory } from './category-vocabularies';
import type { ColumnMapping, MappedField } from './column-mapping';
import { formatPlainDecimal, joinList, parsePlainDecimal, restoreFormulaText, splitList, withDecimalPoint } from './csv-cells';
import { slugify } from './csv-ids';
import type { CellProblem, CsvRow } from './csv-rows';
import { analyseDateColumn, parseDateCell, type DateFormatId } from './date-formats';
import { sampleValues, type EventTable, type TableRecord } from './event-table';
import { fileIssue, quoteForMessage } from './import-result';
import { formatCount } from '../data/limits';
import type { RowReader } from './table-import';
import type { ValidationIssue } from '../data/validate';
import { STATUSES } from '../data/vocabulary';

/** Tripwire's CSV column for each mapped field (the names rowToFeature reads). */
const COLUMN_OF: Record<MappedField, string> = {
  date: 'date',
  endDate: 'end_date',
  title: 'title',
  lon: 'lon',
  lat: 'lat',
  category: 'category',
  place: 'place',
  actors: 'actors',
  summary: 'summary',
  source: 'source',
  id: 'id',
  status: 'status',
  quote: 'quote',
};
const FIELD_OF = new Map(Object.entries(COLUMN_OF).map(([field, column]) => [column, field as MappedField]));

/** Longer text is cut, with one warning for all rows: an analyst's notes should not stop an import. */
const CUT_AT: Partial<Record<MappedField, number>> = { title: 200, summary: 2000, place: 200, source: 500 };

const TEMPLATE_SLOT = /\{([^{}]+)\}/g;
const normaliseName = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** A value that names no kind at all: a slot with another column to fall back on skips it. */
const SAYS_NOTHING = /^(other|others|n\/a|unknown|-)?$/i;

/**
 * "{event_type} in {location}" → a function of a row's cells. "{a|b}" is column a, or column b
 * when a is empty or says only "Other". Unknown names are left as written.
 */
export function compileTitleTemplate(template: string, labels: readonly string[]): (cells: readonly string[]) => string {
  const indexOf = new Map(labels.map((label, index) => [normaliseName(label), index]));
  const valueOf = (cells: readonly string[], name: string) => {
    const index = indexOf.get(normaliseName(name));
    return index === undefined ? null : (cells[index] ?? '').trim();
  };
  return (cells) =>
    template
      .replace(TEMPLATE_SLOT, (slot, names: string) => {
        const values = names.split('|').map((name) => valueOf(cells, name));
        if (values.some((value) => value === null)) return slot;
        return values.find((value) => !SAYS_NOTHING.test(value!)) ?? values.find((value) => value !== '') ?? '';
      })
      .replace(/\s+/g, ' ')
      .trim();
}

/** The names a template uses that are not columns of the file, for the mapping step. */
export const unknownTemplateNames = (template: string, labels: readonly string[]) => {
  const known = new Set(labels.map(normaliseName));
  return [...template.matchAll(TEMPLATE_SLOT)].flatMap((match) => match[1]!.split('|')).filter((name) => !known.has(normaliseName(name)));
};

const DATE_FALLBACKS: DateFormatId[] = ['iso', 'day-month-name', 'month-name-day', 'month-name-year'];

function dateReader(table: EventTable, column: number | undefined, mapping: ColumnMapping) {
  if (column === undefined) return null;
  const analysis = analyseDateColumn(sampleValues(table, column, 2000), { minShare: 0 });
  const format = analysis.format ?? 'iso';
  // A column whose values settle day/month order is read in that order; the user's choice is for columns that cannot tell.
  const order = analysis.order ?? mapping.dateOrder;
  return (cell: string) => {
    const read = parseDateCell(cell, format, order);
    if (read.ok) return read;
    // Real files mix a few forms ("2023" among "2023-01-11"): any unambiguous one is fine too.
    for (const fallback of DATE_FALLBACKS) {
      const other = fallback === format ? null : parseDateCell(cell, fallback, order);
      if (other?.ok) return other;
    }
    return read;
  };
}

export function mappedReader(table: EventTable, mapping: ColumnMapping): RowReader {
  const { columns } = mapping;
  const labelOf = (column: string) => {
    const field = FIELD_OF.get(column) ?? (column === 'source_url' ? 'source' : undefined);
    const index = field === undefined ? undefined : columns[field];
    if (index !== undefined) return table.labels[index] || `#${index + 1}`;
    if (field === 'title' && mapping.titleTemplate) return `title template ${mapping.titleTemplate}`;
    if ((column === 'lon' || column === 'lat' || column === 'route') && table.format === 'geojson') return 'geometry';
    return undefined;
  };
  const readDate = dateReader(table, columns.date, mapping);
  const readEndDate = dateReader(table, columns.endDate, mapping);
  const title = mapping.titleTemplate && columns.title === undefined ? compileTitleTemplate(mapping.titleTemplate, table.labels) : null;
  const decimalComma = table.delimiter !== null && table.delimiter !== ',';
  const cutCounts = new Map<MappedField, number>();

  /** A row's id in Tripwire's form: its own id, made kebab-case ("KOR5520" → "kor5520"). */
  const idOf = (record: TableRecord) => {
    const index = columns.id;
    const id = index === undefined ? '' : slugify(restoreFormulaText((record.cells[index] ?? '').trim())).slice(0, 100);
    return id === '' ? undefined : id;
  };

  const read = (record: TableRecord): CsvRow => {
    const values = new Map<string, string>();
    const problems: CellProblem[] = [];
    const cell = (field: MappedField) => {
      const index = columns[field];
      return index === undefined ? '' : restoreFormulaText((record.cells[index] ?? '').trim());
    };
    const put = (field: MappedField, value: string) => {
      const limit = CUT_AT[field];
      if (limit !== undefined && value.length > limit) {
        cutCounts.set(field, (cutCounts.get(field) ?? 0) + 1);
        value = `${value.slice(0, limit - 1).trimEnd()}…`;
      }
      if (value !== '') values.set(COLUMN_OF[field], value);
    };

    for (const [field, reader] of [['date', readDate], ['endDate', readEndDate]] as const) {
      const written = cell(field);
      if (!reader || written === '') continue;
      const parsed = reader(written);
      if (parsed.ok) put(field, parsed.date);
      else problems.push({ column: COLUMN_OF[field], message: `${quoteForMessage(written)} is not ${parsed.expected}` });
    }
    if (!values.has('date') && problems.length === 0) problems.push({ column: 'date', message: 'must not be empty: every event needs a date' });
    if (!values.has('date')) values.set('date', '2000'); // a placeholder that validates, so the row's other cells are still checked

    put('title', title ? title(record.cells) : cell('title'));
    for (const field of ['place', 'quote'] as const) put(field, cell(field));
    put('summary', cell('summary'));
    const source = cell('source');
    if (/^https?:\/\/\S+$/i.test(source)) values.set('source_url', source);
    else put('source', source);

    const category = cell('category');
    const chosen = category === '' ? null : (mapping.categories[category] ?? suggestCategory(category));
    if (chosen) values.set('category', chosen);
    const actors = splitList(cell('actors'));
    if (actors.length > 0) values.set('actors', joinList(actors));
    const id = idOf(record);
    if (id) values.set('id', id);
    const status = cell('status').toLowerCase();
    if (status !== '' && !(STATUSES as readonly string[]).includes(status)) problems.push({ column: 'status', message: `must be one of ${STATUSES.join(', ')}, not ${quoteForMessage(status)}` });
    else if (status !== '') values.set('status', status);

    readPosition(record, columns, decimalComma, values, problems);
    return { values, problems };
  };

  return {
    labelOf,
    read,
    idOf,
    hasCategoryColumn: columns.category !== undefined,
    get warnings(): ValidationIssue[] {
      return [...cutCounts].map(([field, count]) => {
        const label = labelOf(COLUMN_OF[field]) ?? field;
        return fileIssue(`${formatCount(count)} value(s) in "${label}" were longer than ${CUT_AT[field]} characters and were shortened (ending "…")`);
      });
    },
  };
}

/** Longitude and latitude from their columns, or else the GeoJSON feature's own geometry. */
function readPosition(record: TableRecord, columns: ColumnMapping['columns'], decimalComma: boolean, values: Map<string, string>, problems: CellProblem[]) {
  if (columns.lon !== undefined || columns.lat !== undefined || record.geometry === undefined) {
    for (const field of ['lon', 'lat'] as const) {
      const index = columns[field];
      const written = index === undefined ? '' : (record.cells[index] ?? '').trim();
      const degrees = parsePlainDecimal(withDecimalPoint(written, decimalComma));
      if (degrees !== null) values.set(field, formatPlainDecimal(degrees));
      else values.set(field, written); // rowToFeature names the problem ("must be a plain decimal …", "must not be empty")
    }
    return;
  }
  const geometry = record.geometry as { type?: unknown; coordinates?: unknown } | null;
  const positions = geometry?.type === 'Point' ? [geometry.coordinates] : geometry?.type === 'LineString' ? (geometry.coordinates as unknown[]) : null;
  const numeric = Array.isArray(positions) && positions.every((position) => Array.isArray(position) && position.length >= 2 && position.slice(0, 2).every((value) => typeof value === 'number'));
  if (!numeric) {
    problems.push({ column: 'lon', message: `the geometry must be a Point or a LineString with numeric positions, not ${quoteForMessage(String(geometry?.type ?? 'none'))}` });
    values.set('lon', '0');
    values.set('lat', '0');
    return;
  }
  const [first] = positions as number[][];
  if (positions!.length === 1) {
    values.set('lon', formatPlainDecimal(first![0]!));
    values.set('lat', formatPlainDecimal(first![1]!));
  } else {
    values.set('route', (positions as number[][]).map(([lon, lat]) => `${formatPlainDecimal(lon!)} ${formatPlainDecimal(lat!)}`).join('; '));
  }
}

/** What a mapping still lacks before any event can be made: one file-level issue per missing field. */
export function mappingIssues(table: Pick<EventTable, 'format' | 'labels'>, mapping: ColumnMapping): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const missing = (what: string) => issues.push(fileIssue(`no column is chosen for the ${what}`));
  if (mapping.columns.date === undefined) missing('date');
  if (mapping.columns.title === undefined) {
    if (!mapping.titleTemplate?.trim()) missing('title (choose a column or write a template such as "{event_type} in {location}")');
    else {
      const unknown = unknownTemplateNames(mapping.titleTemplate, table.labels);
      if (unknown.length > 0) issues.push(fileIssue(`the title template names ${unknown.map((name) => `{${name}}`).join(', ')}, which ${unknown.length === 1 ? 'is not a column' : 'are not columns'} of the file`));
    }
  }
  // GeoJSON features carry their own geometry; a table needs both coordinates or neither.
  if (table.format === 'csv' || mapping.columns.lon !== undefined || mapping.columns.lat !== undefined) {
    if (mapping.columns.lon === undefined) missing('longitude');
    if (mapping.columns.lat === undefined) missing('latitude');
  }
  const used = Object.entries(mapping.columns).filter(([, index]) => index !== undefined);
  for (const [field, index] of used) {
    if (index! < 0 || index! >= table.labels.length) issues.push(fileIssue(`the column chosen for ${field} does not exist in the file`));
  }
  return issues;
}
