// One CSV row → one GeoJSON feature for validate.ts, plus the problems only the CSV form can have
// (a number that is not a plain decimal, a boolean that is not true/false, a broken route).
import { CSV_COLUMNS, DEFAULT_CATEGORY, type CsvColumn } from './csv-columns';
import { parseBoolean, parsePlainDecimal, restoreFormulaText, splitList } from './csv-cells';
import { quoteForMessage } from './import-result';

export interface CellProblem {
  /** Column name, or null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface CsvRow {
  /** Cell text by column name: trimmed, with export's formula apostrophe removed. */
  values: Map<string, string>;
  problems: CellProblem[];
}

export interface RowFeature {
  feature: { type: 'Feature'; geometry: { type: 'Point' | 'LineString'; coordinates: unknown }; properties: Record<string, unknown> };
  isRoute: boolean;
  categoryDefaulted: boolean;
  problems: CellProblem[];
}

export function readRow(cells: string[], columns: (CsvColumn | null)[]): CsvRow {
  const values = new Map<string, string>();
  columns.forEach((column, index) => {
    if (column) values.set(column.name, restoreFormulaText((cells[index] ?? '').trim()));
  });
  const problems: CellProblem[] = [];
  if (cells.slice(columns.length).some((cell) => cell.trim() !== '')) {
    const message = `has ${cells.length} cells but the header names ${columns.length} columns: a cell that contains a comma must be in double quotes`;
    problems.push({ column: null, message });
  }
  return { values, problems };
}

const DECIMAL_HELP = 'a plain decimal number such as 37.6173 or -122.4';

function readCoordinate(column: string, cell: string, problems: CellProblem[]): number {
  const value = parsePlainDecimal(cell);
  if (value !== null) return value;
  const hint = /^[+-]?\d+,\d+$/.test(cell) ? ' (use a point, not a comma, for decimals)' : '';
  problems.push({ column, message: cell === '' ? `must not be empty: write ${DECIMAL_HELP}` : `must be ${DECIMAL_HELP}, not ${quoteForMessage(cell)}${hint}` });
  return 0; // a placeholder that validates, so the row's other cells are still checked
}

/** "lon lat; lon lat; …" (a comma between lon and lat works too). */
function readRoute(cell: string, problems: CellProblem[]): [number, number][] | null {
  const positions: [number, number][] = [];
  const parts = cell.split(';').map((part) => part.trim()).filter((part) => part !== '');
  for (const [index, part] of parts.entries()) {
    const numbers = part.split(/[\s,]+/).map(parsePlainDecimal);
    if (numbers.length !== 2 || numbers.some((number) => number === null)) {
      problems.push({ column: 'route', message: `position ${index + 1} ${quoteForMessage(part)} is not "lon lat" in plain decimal numbers, e.g. "37.6173 55.7558"` });
      return null;
    }
    positions.push(numbers as [number, number]);
  }
  return positions;
}

function readGeometry(values: Map<string, string>, problems: CellProblem[]): { geometry: RowFeature['feature']['geometry']; isRoute: boolean } {
  const route = values.get('route') ?? '';
  const lon = values.get('lon') ?? '';
  const lat = values.get('lat') ?? '';
  if (route === '') {
    return { geometry: { type: 'Point', coordinates: [readCoordinate('lon', lon, problems), readCoordinate('lat', lat, problems)] }, isRoute: false };
  }
  const positions = readRoute(route, problems);
  const start = positions?.[0];
  if (start && (lon !== '' || lat !== '') && (parsePlainDecimal(lon) !== start[0] || parsePlainDecimal(lat) !== start[1])) {
    problems.push({ column: 'lon', message: `when "route" is filled, lon and lat must be empty or the route's first position (${start[0]}, ${start[1]})` });
  }
  return { geometry: positions ? { type: 'LineString', coordinates: positions } : { type: 'Point', coordinates: [0, 0] }, isRoute: true };
}

/** The feature for one row; the id is left to the caller, which needs the whole file to choose it. */
export function rowToFeature(row: CsvRow): RowFeature {
  const problems = [...row.problems];
  const properties: Record<string, unknown> = {};
  const factCheck: Record<string, unknown> = {};
  for (const column of CSV_COLUMNS) {
    const cell = row.values.get(column.name) ?? '';
    if (!column.property || cell === '') continue;
    let value: unknown = cell;
    if (column.kind === 'list') value = splitList(cell);
    if (column.kind === 'boolean') {
      value = parseBoolean(cell);
      if (value === null) problems.push({ column: column.name, message: `must be true or false, not ${quoteForMessage(cell)}` });
    }
    if (value === null) continue;
    const [key, nestedKey] = column.property.split('.') as [string, string | undefined];
    if (nestedKey) factCheck[nestedKey] = value;
    else properties[key] = value;
  }
  if (Object.keys(factCheck).length > 0) properties.factCheck = factCheck;
  const categoryDefaulted = properties.category === undefined;
  if (categoryDefaulted) properties.category = DEFAULT_CATEGORY;
  const { geometry, isRoute } = readGeometry(row.values, problems);
  return { feature: { type: 'Feature', geometry, properties }, isRoute, categoryDefaulted, problems };
}
