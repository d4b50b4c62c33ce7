// Events → files that import back to the same events (parseEventsFile). GeoJSON keeps the
// schema's property order, not whatever order the objects happen to have, so exports diff
// cleanly; CSV has every column in a fixed order, formula-like text neutralised so spreadsheets
// open it safely, and CRLF line ends (RFC 4180).
import { articleMetadataSchema, type ArticleMetadata } from '../data/schemas';
import { exportedProperties, pick, type ExportableEvent } from '../data/event-properties';

export type { ExportableEvent } from '../data/event-properties';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns';
import { formatPlainDecimal, joinList, neutraliseFormula, quoteCsvField } from './csv-cells';

const ARTICLE_ORDER = Object.keys(articleMetadataSchema.shape);

export function eventsToGeoJson(events: readonly ExportableEvent[], article: ArticleMetadata | null): string {
  const collection = {
    type: 'FeatureCollection',
    ...(article ? { metadata: { article: pick(article, ARTICLE_ORDER) } } : {}),
    features: events.map((event) => ({
      type: 'Feature',
      geometry: { type: event.geometry.type, coordinates: event.geometry.coordinates },
      properties: exportedProperties(event),
    })),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

const firstPosition = (event: ExportableEvent) => (event.geometry.type === 'Point' ? event.geometry.coordinates : event.geometry.coordinates[0]) ?? [];

function cellText(event: ExportableEvent, column: CsvColumn): string {
  if (column.kind === 'coordinate') {
    const value = firstPosition(event)[column.name === 'lon' ? 0 : 1];
    return value === undefined ? '' : formatPlainDecimal(value);
  }
  if (column.kind === 'route') {
    if (event.geometry.type !== 'LineString') return '';
    return event.geometry.coordinates.map((position) => position.slice(0, 2).map(formatPlainDecimal).join(' ')).join('; ');
  }
  const [key, nestedKey] = column.property!.split('.') as [string, string | undefined];
  const container = (nestedKey ? event.factCheck : event) as Record<string, unknown> | undefined;
  const value = container?.[nestedKey ?? key];
  if (value === undefined) return '';
  if (Array.isArray(value)) return joinList(value as string[]);
  return String(value);
}

export function eventsToCsv(events: readonly ExportableEvent[]): string {
  const header = CSV_COLUMNS.map((column) => column.name).join(',');
  const rows = events.map((event) =>
    CSV_COLUMNS.map((column) => {
      const text = cellText(event, column);
      // Coordinates are numbers we wrote ourselves; "-122.4" is not a formula and stays readable.
      return quoteCsvField(column.kind === 'coordinate' ? text : neutraliseFormula(text));
    }).join(','),
  );
  return [header, ...rows].map((line) => `${line}\r\n`).join('');
}
