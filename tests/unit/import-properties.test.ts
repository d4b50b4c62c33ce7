// Property-based: whatever the bytes, parseEventsFile answers (never throws) with either valid
// events or located issues; and any valid events survive export → import in both formats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsToCsv, eventsToGeoJson, parseEventsFile, type ExportableEvent, type ImportResult } from '../../src/import/index';
import { CSV_COLUMNS } from '../../src/import/csv-columns';
import { validateEventCollection, type RawEvent, type ValidationIssue } from '../../src/data/validate';
import { CATEGORIES, STATUSES } from '../../src/data/vocabulary';

const encode = (text: string) => new TextEncoder().encode(text);
const asExportable = (events: RawEvent[]): ExportableEvent[] => events.map((event) => ({ ...event.properties, geometry: event.geometry }));
const collectionOf = (events: readonly ExportableEvent[]) => ({
  type: 'FeatureCollection',
  features: events.map(({ geometry, ...properties }) => ({ type: 'Feature', geometry, properties })),
});

// ---- arbitraries -------------------------------------------------------------------------------

/** Characters that break CSV, JSON, spreadsheets or trimming, mixed with any code point. */
const TROUBLE = ['=', '+', '-', '@', "'", '"', ',', ';', '\\', '\n', '\r\n', '\r', '\t', ' ', '\u0000', '\ufeff', '{', '[', 'é', '김', '🚀'];
const character = fc.oneof(fc.constantFrom(...TROUBLE), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const anyText = (maxLength: number) => fc.string({ unit: character, maxLength });
/** The schema's text(): trimmed, non-empty, at most `max` UTF-16 units. */
const text = (max: number) => anyText(Math.min(max, 30)).map((value) => value.trim()).filter((value) => value.length >= 1 && value.length <= max);
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
const date = fc
  .record({ year: fc.integer({ min: 1000, max: 9990 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), precision: fc.nat(2) })
  .map(({ year, month, day, precision }) => [String(year), String(month).padStart(2, '0'), String(day).padStart(2, '0')].slice(0, precision + 1).join('-'));
/** JSON has no -0: it comes back as 0 (docs/import-format.md), so generate 0 only. */
const degrees = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true }).map((value) => (value === 0 ? 0 : value));
const position = fc.tuple(degrees(180), degrees(90));
const geometry = fc.oneof(
  position.map((coordinates) => ({ type: 'Point' as const, coordinates })),
  fc.array(position, { minLength: 2, maxLength: 4 }).map((coordinates) => ({ type: 'LineString' as const, coordinates })),
);
const factCheck = fc.record(
  { note: text(2000), recordDate: date, sourceTitle: text(300), sourceUrl: fc.webUrl().filter((url) => url.length <= 2000) },
  { requiredKeys: ['note', 'sourceTitle', 'sourceUrl'] },
);
const event = fc
  .record(
    {
      id: kebab,
      title: text(200),
      summary: text(2000),
      date,
      endYearsLater: fc.integer({ min: 0, max: 9 }),
      dateAsWritten: text(200),
      dateReasoning: text(1000),
      quote: text(2000),
      speaker: text(200),
      speakerRole: text(500),
      category: fc.oneof(fc.constantFrom(...CATEGORIES), kebab),
      actors: fc.array(text(40), { maxLength: 3 }),
      status: fc.constantFrom(...STATUSES),
      statusNote: text(500),
      place: text(200),
      locationNote: text(1000),
      locationApproximate: fc.boolean(),
      layers: fc.array(text(100), { maxLength: 3 }),
      factCheck,
      geometry,
    },
    { requiredKeys: ['id', 'title', 'date', 'endYearsLater', 'category', 'actors', 'status', 'layers', 'geometry'] },
  )
  // An end date a whole year (or more) on never ends before the start.
  .map(({ endYearsLater, ...properties }): ExportableEvent => ({ ...properties, ...(endYearsLater > 0 ? { endDate: String(Number(properties.date.slice(0, 4)) + endYearsLater) } : {}) }));
const events = fc.uniqueArray(event, { selector: (value) => value.id, minLength: 1, maxLength: 5 });

const fileName = fc.constantFrom('events.csv', 'events.geojson', 'events.json', 'events', 'events.txt');

/** Text edits that turn a good file into a nearly-good one. */
const mutatedText = (source: fc.Arbitrary<string>) =>
  fc
    .tuple(source, fc.array(fc.tuple(fc.nat(), fc.nat(40), anyText(6)), { minLength: 1, maxLength: 3 }))
    .map(([start, edits]) => edits.reduce((result, [at, removed, inserted]) => {
      const offset = at % (result.length + 1);
      return result.slice(0, offset) + inserted + result.slice(offset + removed);
    }, start));

/** CSV built cell by cell: the required columns and some others; mostly plausible cells, some random, quoted or not. */
const REQUIRED = CSV_COLUMNS.filter((column) => column.required).map((column) => column.name);
const OPTIONAL = [...CSV_COLUMNS.filter((column) => !column.required).map((column) => column.name), 'confidence', ''];
const plausibleCell: Record<string, fc.Arbitrary<string>> = {
  date,
  end_date: date,
  fact_check_record_date: date,
  lon: fc.integer({ min: -180_0000, max: 180_0000 }).map((value) => String(value / 10_000)),
  lat: fc.integer({ min: -90_0000, max: 90_0000 }).map((value) => String(value / 10_000)),
  id: fc.oneof(kebab, fc.constant('')),
  category: fc.constantFrom(...CATEGORIES, 'cyber', ''),
  status: fc.constantFrom(...STATUSES, ''),
  location_approximate: fc.constantFrom('true', 'FALSE', ''),
  route: fc.constant(''),
  fact_check_source_url: fc.webUrl(),
};
const randomCell = fc.oneof(fc.constantFrom('NaN', '1e999', '12,5', '', 'RUS; PRK', '=1+1'), anyText(12));
const cellFor = (column: string) => fc.tuple(fc.oneof({ weight: 30, arbitrary: plausibleCell[column] ?? text(30) }, { weight: 1, arbitrary: randomCell }), fc.boolean());
const renderCell = ([value, quoted]: [string, boolean]) => (quoted || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const structuredCsv = fc
  .tuple(fc.subarray(OPTIONAL), fc.nat(), fc.constantFrom('\n', '\r\n'), fc.nat(9).map((roll) => roll === 0))
  .chain(([optional, seed, lineEnd, breakQuoting]) => {
    const header = [...REQUIRED, ...optional].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
    // Some rows lose their last cells, as hand-edited files do.
    const row = fc
      .tuple(fc.tuple(...header.map(cellFor)), fc.nat(9))
      .map(([cells, dropped]) => cells.slice(0, dropped < 8 ? cells.length : cells.length - dropped + 7).map((cell) => (breakQuoting ? cell[0] : renderCell(cell))).join(','));
    return fc.array(row, { maxLength: 6 }).map((rows) => [header.join(','), ...rows].join(lineEnd));
  });

/** A valid GeoJSON file with one property or geometry member replaced by any JSON value, or removed. */
const structuredGeoJson = fc
  .tuple(events, fc.nat(), fc.constantFrom(...Object.keys(event), 'title', 'id', 'date', 'bogus', 'coordinates', 'type'), fc.option(fc.jsonValue()))
  .map(([list, at, key, value]) => {
    // A deep copy: fast-check may reuse generated values while shrinking, so never mutate them.
    const collection = JSON.parse(JSON.stringify(collectionOf(list))) as { features: { geometry: Record<string, unknown>; properties: Record<string, unknown> }[] };
    const feature = collection.features[at % list.length]!;
    const target = key === 'coordinates' || key === 'type' ? feature.geometry : feature.properties;
    if (value === null) delete target[key];
    else target[key] = value;
    return JSON.stringify(collection, null, 1);
  });

// ---- the properties --------------------------------------------------------------------------------

const isLocated = (issue: ValidationIssue) =>
  typeof issue.location === 'string' && issue.location.trim() !== '' && typeof issue.message === 'string' && issue.message.trim() !== '' && issue.message.length <= 501;

/** ok:true with events that pass validation again, or ok:false with at least one located issue. */
function expectWellFormed(result: ImportResult) {
  if (result.ok) {
    expect(validateEventCollection(JSON.parse(eventsToGeoJson(asExportable(result.events), result.article))).ok).toBe(true);
    expect(result.warnings.every(isLocated)).toBe(true);
  } else {
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.filter((issue) => !isLocated(issue))).toEqual([]);
  }
}

const checkText = (text: string, name: string) => expectWellFormed(parseEventsFile({ name, bytes: encode(text) }));

describe('parseEventsFile never throws and always answers with events or located issues', () => {
  it('for any ASCII string', () => fc.assert(fc.property(fc.string(), fileName, checkText)));
  it('for any Unicode string', () => fc.assert(fc.property(fc.string({ unit: 'binary' }), fileName, checkText)));
  it('for any bytes', () => fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fileName, (bytes, name) => expectWellFormed(parseEventsFile({ name, bytes })))));
  it('for near-valid CSV built cell by cell', () => fc.assert(fc.property(structuredCsv, (csv) => checkText(csv, 'events.csv'))));
  it('for exported CSV with random edits', () => fc.assert(fc.property(mutatedText(events.map(eventsToCsv)), (csv) => checkText(csv, 'events.csv'))));
  it('for GeoJSON with one member replaced by any JSON value', () => fc.assert(fc.property(structuredGeoJson, (json) => checkText(json, 'events.geojson'))));
  it('for exported GeoJSON with random edits', () => fc.assert(fc.property(mutatedText(events.map((list) => eventsToGeoJson(list, null))), (json) => checkText(json, 'events.geojson'))));
});

describe('any valid events survive export and import exactly', () => {
  it.each(['geojson', 'csv'] as const)('through %s', (format) => {
    fc.assert(
      fc.property(events, (list) => {
        const expected = validateEventCollection(collectionOf(list));
        if (!expected.ok) expect.fail(`the generator made an invalid event: ${JSON.stringify(expected.issues)}`);
        const text = format === 'csv' ? eventsToCsv(list) : eventsToGeoJson(list, null);
        const result = parseEventsFile({ name: `export.${format}`, bytes: encode(text) });
        if (!result.ok) expect.fail(`refused its own export: ${JSON.stringify(result.issues)}`);
        expect(asExportable(result.events)).toEqual(asExportable(expected.value.events));
      }),
    );
  });
});
