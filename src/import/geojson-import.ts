// A GeoJSON (or plain .json) events file: JSON syntax, then its shape (a FeatureCollection, a
// single Feature, or an array of Features all count as a collection), then the event count. Our
// own format (properties with "date" and "title") is validated as it is; features that name their
// properties otherwise ("time", "name" …) become a table for the same mapping step as a CSV.
import type { ValidationIssue } from '../data/validate';
import { validateEventCollection } from '../data/validate';
import { detectMapping } from './column-detection';
import type { TextEncodingName } from './decode-text';
import type { EventTable } from './event-table';
import { failure, fileIssue, type ImportResult } from './import-result';
import { findJsonSyntaxError } from './json-syntax';
import { formatCount, MAX_IMPORT_EVENTS } from '../data/limits';
import type { PreparedImport, ReadProgress } from './parse-events-file';
import { summariseWarnings } from './table-import';
import { describePosition, positionInText } from './text-position';

// UTF-16 without a byte order mark decodes as UTF-8 with a NUL after every ASCII character.
const NUL_HINT = '; the file contains NUL characters, so it is probably binary or UTF-16: save it as UTF-8';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

const isFeature = (value: unknown) => typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Feature';

/** The features of a FeatureCollection, a single Feature, or an array of Features; or what the file is instead. */
export function featuresOf(json: unknown): { features: unknown[]; metadata?: unknown } | { notCollection: string } {
  if (json === null) return { notCollection: 'JSON null' };
  if (Array.isArray(json)) {
    if (json.length > 0 && json.every(isFeature)) return { features: json };
    return { notCollection: json.length === 0 ? 'an empty JSON array' : 'a JSON array of something other than GeoJSON Features' };
  }
  if (typeof json !== 'object') return { notCollection: `a JSON ${typeof json}` };
  const { type, features, metadata } = json as { type?: unknown; features?: unknown; metadata?: unknown };
  if (type === 'FeatureCollection') return Array.isArray(features) ? { features, metadata } : { notCollection: 'a FeatureCollection without a "features" list' };
  if (type === 'Feature') return { features: [json] };
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) return { notCollection: `a bare ${type} geometry, with no properties to say what happened when` };
  if (typeof type === 'string') return { notCollection: `a JSON object of type ${JSON.stringify(type.slice(0, 40))}` };
  return { notCollection: 'a JSON object without "type": "FeatureCollection"' };
}

function parseJson(text: string): { ok: true; json: unknown } | { ok: false; result: ImportResult } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    const syntax = findJsonSyntaxError(text);
    const issue = syntax
      ? { location: describePosition(positionInText(text, syntax.offset)), message: `JSON syntax error: ${syntax.reason}${text.includes('\u0000') ? NUL_HINT : ''}` }
      : fileIssue(`the JSON could not be read: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
    return { ok: false, result: failure('geojson', [issue]) };
  }
}

const propertiesOf = (feature: unknown): Record<string, unknown> => {
  const properties = (feature as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? (properties as Record<string, unknown>) : {};
};

/** Our own event format: its properties say "date" and "title" (errors in it are then reported as ours). */
const isTripwireFeature = (feature: unknown) => {
  const properties = propertiesOf(feature);
  return 'date' in properties && 'title' in properties;
};

const cellText = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** Features with other property names → a table: one column per property name (in order of first use). */
function featureTable(features: unknown[], encoding: TextEncodingName, notices: ValidationIssue[]): EventTable {
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const feature of features.slice(0, 1000)) {
    for (const key of Object.keys(propertiesOf(feature))) if (!seen.has(key) && seen.add(key)) labels.push(key);
  }
  const records = features.map((feature, index) => {
    const properties = propertiesOf(feature);
    return { line: index, cells: labels.map((label) => cellText(properties[label])), geometry: (feature as { geometry?: unknown }).geometry ?? null };
  });
  return { format: 'geojson', labels, records, delimiter: null, encoding, notices };
}

export function readGeoJson(text: string, encoding: TextEncodingName, notices: ValidationIssue[], onProgress?: ReadProgress): PreparedImport {
  const done = (result: ImportResult): PreparedImport => ({ kind: 'done', result });
  const parsed = parseJson(text);
  if (!parsed.ok) return done(parsed.result);
  const shape = featuresOf(parsed.json);
  if ('notCollection' in shape) return done(failure('geojson', [fileIssue(`expected GeoJSON events (a FeatureCollection, a Feature or an array of Features), but the file is ${shape.notCollection}`)]));
  const { features } = shape;
  if (features.length > MAX_IMPORT_EVENTS) return done(failure('geojson', [fileIssue(`the file holds ${formatCount(features.length)} events; at most ${formatCount(MAX_IMPORT_EVENTS)} can be imported at once`)]));
  // Valid but almost surely a mistake (an empty export, the wrong file); the same rule as for CSV.
  if (features.length === 0) return done(failure('geojson', [fileIssue('the file holds no events: its "features" list is empty')]));
  if (!isTripwireFeature(features[0])) {
    const table = featureTable(features, encoding, notices);
    return { kind: 'needs-mapping', table, proposal: detectMapping(table.labels, table.records.slice(0, 500).map((record) => record.cells)) };
  }
  const collection = { type: 'FeatureCollection', features, ...(shape.metadata === undefined ? {} : { metadata: shape.metadata }) };
  const validated = validateEventCollection(collection, (fraction) => onProgress?.('checking', fraction));
  if (!validated.ok) return done(failure('geojson', validated.issues));
  return done({ ok: true, format: 'geojson', events: validated.value.events, article: validated.value.article, warnings: [...notices, ...summariseWarnings(validated.warnings)] });
}
