// Export then import gives back exactly the events exported, in both formats.
import { describe, expect, it } from 'vitest';
import { builtInEventsFile } from './public-files';
import { normaliseEvents } from '../../src/data/events';
import { eventsToCsv, eventsToGeoJson, parseEventsFile, type ExportableEvent, type ImportResult } from '../../src/import/index';
import { CSV_COLUMNS } from '../../src/import/csv-columns';
import { eventPropertiesSchema, factCheckSchema, type ArticleMetadata } from '../../src/data/schemas';
import type { RawEvent } from '../../src/data/validate';
import { deepFreeze } from './fixtures';

const encode = (text: string) => new TextEncoder().encode(text);
const asExportable = (events: RawEvent[]): ExportableEvent[] => events.map((event) => ({ ...event.properties, geometry: event.geometry }));

function accepted(result: ImportResult) {
  if (!result.ok) expect.fail(`refused: ${JSON.stringify(result.issues.slice(0, 5))}`);
  return result;
}

/** Events → file → events, through the public API only. */
function roundTrip(format: 'geojson' | 'csv', events: readonly ExportableEvent[], article: ArticleMetadata | null = null) {
  const text = format === 'csv' ? eventsToCsv(events) : eventsToGeoJson(events, article);
  return accepted(parseEventsFile({ name: `export.${format}`, bytes: encode(text) }));
}

const realFile = accepted(parseEventsFile({ name: 'events.geojson', bytes: encode(JSON.stringify(builtInEventsFile())) }));
const REAL_EVENTS = deepFreeze(normaliseEvents(realFile.events));

/** Text that breaks naive CSV writers and spreadsheets, all valid events. */
const TRICKY_EVENTS: ExportableEvent[] = deepFreeze([
  {
    id: 'quotes-and-commas',
    title: 'He said "no", then "yes, maybe"',
    summary: 'Line one,\nline two;\r\nline "three"\rand a lone CR',
    date: '2019-04-25',
    endDate: '2019-05',
    category: 'diplomacy',
    actors: ['RUS', 'A; B', 'back\\slash', 'trailing\\'],
    status: 'alleged',
    layers: ['kadiz', 'x;y'],
    locationApproximate: false,
    factCheck: { note: 'Differs.', recordDate: '2019-04-24', sourceTitle: 'Record, "official"', sourceUrl: 'https://example.org/a?b=1,2' },
    geometry: { type: 'Point', coordinates: [-0.0000001, 89.99999999999999] },
  },
  {
    id: 'formula-like',
    title: '=HYPERLINK("http://x","y")',
    summary: "'=already quoted once",
    quote: "''+two apostrophes",
    speaker: '-5 dead',
    speakerRole: '@handle',
    place: "'plain apostrophe",
    category: 'cyber',
    actors: ['=cmd|calc', '+1'],
    status: 'reported',
    layers: [],
    date: '2023',
    geometry: { type: 'LineString', coordinates: [[-180, -90], [180, 90], [1e-7, -1e-7]] },
  },
  {
    id: 'unicode',
    title: '김정은 · Путин · 習近平 — “quotes” 🚀 e\u0301',
    dateAsWritten: 'ตอนนี้',
    date: '2022-08',
    category: 'missile-test',
    actors: [],
    status: 'reported',
    layers: [],
    geometry: { type: 'Point', coordinates: [129.59, 40.65] },
  },
]);

const ARTICLE: ArticleMetadata = deepFreeze({ title: 'A, "quoted" title', publisher: 'Desk', publishedDate: '2023-01-11', publishedDateReasoning: 'Fixed.' });

describe.each(['geojson', 'csv'] as const)('%s round trip', (format) => {
  it('gives back all 37 events of the built-in scenario exactly', () => {
    const back = roundTrip(format, REAL_EVENTS, realFile.article);
    expect(back.events).toHaveLength(37);
    // The key is the position in the file it came from; the file exported is in date order.
    const withoutKey = (event: object) => Object.fromEntries(Object.entries(event).filter(([name]) => name !== 'key'));
    expect(normaliseEvents(back.events).map(withoutKey)).toEqual(REAL_EVENTS.map(withoutKey));
  });

  it('gives back quotes, commas, line breaks, unicode, list separators and formula-like text exactly', () => {
    expect(asExportable(roundTrip(format, TRICKY_EVENTS).events)).toEqual(TRICKY_EVENTS);
  });

  it('exports an export unchanged: the file is a fixed point', () => {
    const once = format === 'csv' ? eventsToCsv(TRICKY_EVENTS) : eventsToGeoJson(TRICKY_EVENTS, ARTICLE);
    const back = asExportable(roundTrip(format, TRICKY_EVENTS, ARTICLE).events);
    expect(format === 'csv' ? eventsToCsv(back) : eventsToGeoJson(back, ARTICLE)).toBe(once);
  });
});

describe('what the exports hold', () => {
  it('GeoJSON keeps the article metadata', () => {
    expect(roundTrip('geojson', TRICKY_EVENTS, ARTICLE).article).toEqual(ARTICLE);
  });

  it('GeoJSON drops the normalised-only fields and writes properties in schema order', () => {
    const [feature] = (JSON.parse(eventsToGeoJson(REAL_EVENTS.slice(0, 1), null)) as { features: { properties: Record<string, unknown> }[] }).features;
    const schemaOrder = Object.keys(eventPropertiesSchema.shape);
    const keys = Object.keys(feature!.properties);
    expect(keys).toEqual(schemaOrder.filter((key) => keys.includes(key)));
    expect(keys).not.toContain('key');
    expect(keys).not.toContain('start');
  });

  it('CSV has a column for every event property, so nothing is lost on the way', () => {
    const columns = new Set(CSV_COLUMNS.map((column) => column.property));
    const properties = Object.keys(eventPropertiesSchema.shape).flatMap((key) => (key === 'factCheck' ? Object.keys(factCheckSchema.shape).map((nested) => `factCheck.${nested}`) : [key]));
    expect(properties.filter((property) => !columns.has(property))).toEqual([]);
  });

  it('CSV writes a header and CRLF-ended rows, and neutralises formula-like cells', () => {
    const lines = eventsToCsv(TRICKY_EVENTS.slice(1, 2)).split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.map((column) => column.name).join(','));
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(lines[1]).toContain(",'''+two apostrophes,");
    expect(lines[1]).toContain(",'-5 dead,'@handle,");
    expect(lines.at(-1)).toBe('');
  });
});
