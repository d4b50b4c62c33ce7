// A GeoJSON (or plain .json) events file: JSON syntax, then "is this a FeatureCollection at all",
// then the event count, then the same validation as our own files (validate.ts).
import { validateEventCollection } from '../validate';
import { failure, fileIssue, type ImportResult } from './import-result';
import { findJsonSyntaxError } from './json-syntax';
import { formatCount, MAX_IMPORT_EVENTS } from './limits';
import { describePosition, positionInText } from './text-position';

// UTF-16 without a byte order mark decodes as UTF-8 with a NUL after every ASCII character.
const NUL_HINT = '; the file contains NUL characters, so it is probably binary or UTF-16: save it as UTF-8';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

/** What the top-level JSON value is, in words, when it is not a FeatureCollection; null when it is one. */
export function describeNonCollection(json: unknown): string | null {
  if (json === null) return 'JSON null';
  if (Array.isArray(json)) return 'a JSON array';
  if (typeof json !== 'object') return `a JSON ${typeof json}`;
  const type = (json as { type?: unknown }).type;
  if (type === 'FeatureCollection') return null;
  if (type === 'Feature') return 'a single Feature, not a FeatureCollection';
  if (typeof type === 'string' && GEOMETRY_TYPES.includes(type)) return `a bare ${type} geometry, not a FeatureCollection`;
  if (typeof type === 'string') return `a JSON object of type ${JSON.stringify(type.slice(0, 40))}`;
  return 'a JSON object without "type": "FeatureCollection"';
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

export function importGeoJson(text: string): ImportResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.result;
  const whatItIs = describeNonCollection(parsed.json);
  if (whatItIs) {
    return failure('geojson', [fileIssue(`expected a GeoJSON FeatureCollection of events, but the file is ${whatItIs}`)]);
  }
  const features = (parsed.json as { features?: unknown }).features;
  if (Array.isArray(features) && features.length > MAX_IMPORT_EVENTS) {
    return failure('geojson', [
      fileIssue(`the file holds ${formatCount(features.length)} events; at most ${formatCount(MAX_IMPORT_EVENTS)} can be imported at once`),
    ]);
  }
  // Valid but almost surely a mistake (an empty export, the wrong file); the same rule as for CSV.
  if (Array.isArray(features) && features.length === 0) return failure('geojson', [fileIssue('the file holds no events: its "features" list is empty')]);
  const validated = validateEventCollection(parsed.json);
  if (!validated.ok) return failure('geojson', validated.issues);
  return { ok: true, format: 'geojson', events: validated.value.events, article: validated.value.article, warnings: validated.warnings };
}
