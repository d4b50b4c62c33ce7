// Every kind of broken file an analyst may drop yields its own, located message, all at once.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventsToCsv, parseEventsFile, type EventsFile, type ImportResult } from '../../src/import/index';

const fixture = (name: string): EventsFile => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url))) });
const textFile = (name: string, text: string): EventsFile => ({ name, bytes: new TextEncoder().encode(text) });
const CSV_HEADER = 'date,title,lon,lat,category';

/** "location: message" of each issue, in order, for a file that must be refused. */
function issuesOf(result: ImportResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((issue) => `${issue.location}: ${issue.message}`);
}

function accepted(result: ImportResult) {
  if (!result.ok) expect.fail(`refused: ${JSON.stringify(result.issues)}`);
  return result;
}

describe('broken GeoJSON files', () => {
  it.each([
    ['truncated JSON', 'truncated.geojson', /^line 35, column 9: JSON syntax error: a string opens here and is never closed \(is the file cut short\?\)$/],
    ['a syntax error in the middle', 'missing-comma.geojson', /^line 15, column 9: JSON syntax error: expected "," or "}", found "\\""$/],
    ['a JSON array of numbers', 'numbers.json', /^\(file\): .*but the file is a JSON array of something other than GeoJSON Features$/],
    ['a bare geometry', 'bare-point.geojson', /^\(file\): .*but the file is a bare Point geometry, with no properties to say what happened when$/],
    ['an event drawn as a Polygon', 'polygon-event.geojson', /^features\[1\] \(id "zone"\) › geometry\.type: Invalid discriminator value\. Expected 'Point' \| 'LineString'$/],
    ['a title that is a number', 'title-is-a-number.geojson', /^features\[0\] \(id "summit"\) › properties\.title: .*expected string, received number$/],
    ['a longitude of 1e999 (read as Infinity)', 'infinite-longitude.geojson', /^features\[0\] \(id "summit"\) › geometry\.coordinates\[0\]: .*received Infinity$/],
    ['a latitude of 95', 'latitude-95.geojson', /^features\[0\] \(id "summit"\) › geometry\.coordinates\[1\]: latitude must be within −90…90$/],
    ['a longitude of -181', 'longitude-minus-181.geojson', /^features\[0\] \(id "summit"\) › geometry\.coordinates\[0\]: longitude must be within −180…180$/],
    ['the impossible date 2022-02-30', 'impossible-date.geojson', /^features\[0\] \(id "summit"\) › properties\.date: must be a real date/],
    ['a duplicate id', 'duplicate-ids.geojson', /^features\[1\] › properties\.id: duplicate id "summit" \(first used by features\[0\]\)$/],
    ['a whitespace-only file', 'whitespace-only.geojson', /^\(file\): the file holds only whitespace, no events$/],
  ])('refuses %s with one located issue', (_kind, name, expected) => {
    const issues = issuesOf(parseEventsFile(fixture(name)));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(expected);
  });

  it('refuses a FeatureCollection without events', () => {
    expect(issuesOf(parseEventsFile(textFile('events.geojson', '{"type":"FeatureCollection","features":[]}')))).toEqual(['(file): the file holds no events: its "features" list is empty']);
  });

  it('reads a file without a telling extension by its first character', () => {
    const json = parseEventsFile({ ...fixture('valid.geojson'), name: 'events.txt' });
    const csv = parseEventsFile({ ...fixture('crlf.csv'), name: 'events' });
    expect([json.format, csv.format, json.ok, csv.ok]).toEqual(['geojson', 'csv', true, true]);
  });

  it('reports a 10 MB title by its limit without echoing it', () => {
    const file = JSON.parse(readFileSync(new URL('../fixtures/import/valid.geojson', import.meta.url), 'utf8')) as { features: { properties: { title: string } }[] };
    file.features[0]!.properties.title = 'x'.repeat(10_000_000);
    const issues = issuesOf(parseEventsFile(textFile('long.geojson', JSON.stringify(file))));
    expect(issues).toEqual(['features[0] (id "summit") › properties.title: must be at most 200 characters']);
  });

  it('accepts an unknown category, with a located warning', () => {
    const result = accepted(parseEventsFile(fixture('unknown-category.geojson')));
    expect(result.events[0]!.properties.category).toBe('cyber');
    expect(result.warnings.map((warning) => warning.location)).toEqual(['features[0] (id "summit") › properties.category']);
    expect(result.warnings[0]!.message).toMatch(/^unknown category "cyber": kept, drawn grey/);
  });

  it('accepts a bare Feature and an array of Features as a collection', () => {
    expect(accepted(parseEventsFile(fixture('single-feature.geojson'))).events.map((event) => event.properties.id)).toEqual(['summit']);
    expect(accepted(parseEventsFile(fixture('array.json'))).events.map((event) => event.properties.id)).toEqual(['summit']);
  });
});

describe('files refused before their content is read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers with an issue, not an exception, even when called with the wrong types', () => {
    const result = parseEventsFile({ name: 'events.csv', bytes: null as unknown as Uint8Array });
    expect(issuesOf(result)[0]).toMatch(/^\(file\): the file could not be read: /);
  });

  it('refuses an empty file', () => {
    expect(issuesOf(parseEventsFile({ name: 'empty.csv', bytes: new Uint8Array(0) }))).toEqual(['(file): the file is empty']);
  });

  it.each([
    ['little-endian', 'utf16le', [0xff, 0xfe]],
    ['big-endian', 'utf16be', [0xfe, 0xff]],
  ])('reads UTF-16 (%s) with a byte order mark', (_order, encoding, bom) => {
    const body = Buffer.from(`${CSV_HEADER}\n2019,Café 김,1,2,diplomacy\n`, 'utf16le');
    if (encoding === 'utf16be') body.swap16();
    const result = accepted(parseEventsFile({ name: 'events.csv', bytes: new Uint8Array([...bom, ...body]) }));
    expect(result.events.map((event) => event.properties.title)).toEqual(['Café 김']);
  });

  it('reads a file that is not UTF-8 as Windows-1252, and says so with the first byte that ruled UTF-8 out', () => {
    const before = new TextEncoder().encode(`${CSV_HEADER}\n2019,Leaders,1,2,diplomacy\n2019,Caf`);
    // 0xE9 "é", 0x80 "€" and 0x93/0x94 curly quotes: the 0x80–0x9F range is where 1252 differs from Latin-1.
    const bytes = new Uint8Array([...before, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94, ...new TextEncoder().encode(',1,2,diplomacy\n')]);
    const result = accepted(parseEventsFile({ name: 'latin1.csv', bytes }));
    expect(result.events[1]!.properties.title).toBe('Café € “x”');
    expect(result.warnings[0]).toEqual({ location: '(file)', message: expect.stringMatching(/^the file is not valid UTF-8 \(first at line 3, column 9, byte 0xE9\); it was read as Windows-1252/) });
  });

  it('refuses a binary file (a PNG) at its first byte', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(issuesOf(parseEventsFile({ name: 'map.png', bytes }))[0]).toMatch(/^line 1, column 1: the file is not text \(byte 0x89/);
  });
});

describe('CSV files', () => {
  it('accepts a UTF-8 BOM and reads the first header name without it', () => {
    expect(accepted(parseEventsFile(fixture('utf8-bom.csv'))).events.map((event) => event.properties.date)).toEqual(['2019-04-25']);
  });

  it('accepts a UTF-8 BOM before JSON too', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...fixture('valid.geojson').bytes]);
    expect(accepted(parseEventsFile({ name: 'events.geojson', bytes })).events).toHaveLength(2);
  });

  it('accepts CRLF line ends and makes ids from date and title', () => {
    const result = accepted(parseEventsFile(fixture('crlf.csv')));
    expect(result.events.map((event) => event.properties.id)).toEqual(['2019-04-25-leaders-meet-in-vladivostok', '2023-09-talks-in-pyongyang']);
  });

  it('makes stable ids for rows without one, numbering repeats and avoiding ids the file uses', () => {
    const text = `id,${CSV_HEADER}\n,2019,Talks,1,2,diplomacy\n2019-talks-2,2019,Other,1,2,diplomacy\n,2019,Talks,1,2,diplomacy\n,2019,Talks!,1,2,diplomacy\n`;
    const ids = accepted(parseEventsFile(textFile('events.csv', text))).events.map((event) => event.properties.id);
    expect(ids).toEqual(['2019-talks', '2019-talks-2', '2019-talks-3', '2019-talks-4']);
  });

  it('reads quoted commas, "" quotes and line breaks, and still numbers later lines right', () => {
    const file = fixture('quoted-commas-and-newlines.csv');
    const result = accepted(parseEventsFile(file));
    expect(result.events[0]!.properties.title).toBe('Leaders meet in Vladivostok, Russia');
    expect(result.events[0]!.properties.summary).toBe('A one-day summit.\nKim arrived by train;\nPutin by plane, "on time".');
    const withBadRow = textFile('events.csv', `${new TextDecoder().decode(file.bytes)}2023-02-29,Not a leap year,,125.7625,39.0392,diplomacy\n`);
    expect(issuesOf(parseEventsFile(withBadRow))).toEqual(['line 7, column "date": must be a real date written YYYY, YYYY-MM or YYYY-MM-DD']);
  });

  it('names all required columns it could not recognise in one file-level issue', () => {
    expect(issuesOf(parseEventsFile(fixture('missing-columns.csv')))).toEqual([
      '(file): missing required columns: none was recognised for the longitude; the latitude. Name them as in docs/import-format.md, or import the file in the app and choose them',
    ]);
  });

  it.each([
    ['semicolons', 'date;title;lon;lat\n2019-04-25;Leaders meet;131,8855;43,0243\n'],
    ['tabs', 'date\ttitle\tlon\tlat\n2019-04-25\tLeaders meet\t131.8855\t43.0243\n'],
    ['pipes', 'date|title|lon|lat\n2019-04-25|Leaders meet|131.8855|43.0243\n'],
  ])('reads a file separated by %s', (_separator, text) => {
    const [event] = accepted(parseEventsFile(textFile('events.csv', text))).events;
    expect([event!.properties.date, event!.properties.title, event!.geometry.coordinates]).toEqual(['2019-04-25', 'Leaders meet', [131.8855, 43.0243]]);
  });

  it('refuses coordinates that are not plain decimals, each located by line and column', () => {
    expect(issuesOf(parseEventsFile(fixture('bad-coordinates.csv')))).toEqual([
      'line 2, column "lon": must be a plain decimal number such as 37.6173 or -122.4, not "12,5" (use a point, not a comma, for decimals)',
      'line 3, column "lat": must not be empty: write a plain decimal number such as 37.6173 or -122.4',
      'line 4, column "lon": must be a plain decimal number such as 37.6173 or -122.4, not "NaN"',
      'line 5, column "lon": must be a plain decimal number such as 37.6173 or -122.4, not "1e999"',
    ]);
  });

  it('maps validation paths back to CSV columns, with the messages validate.ts gives', () => {
    const text = `${CSV_HEADER},id,end_date\n2019,First,1,2,diplomacy,a,\n2019,Twice,1,2,diplomacy,a,2018\n2019,North,131,95,diplomacy,b,\n`;
    expect(issuesOf(parseEventsFile(textFile('events.csv', text)))).toEqual([
      'line 3, column "end_date": ends (2018) before it starts (2019)',
      'line 3, column "id": duplicate id "a" (first used on line 2)',
      'line 4, column "lat": latitude must be within −90…90',
    ]);
  });

  it('locates an unterminated quote where it opens', () => {
    expect(issuesOf(parseEventsFile(fixture('unterminated-quote.csv')))).toEqual([
      'line 3, column "title": a quoted cell opens here and is never closed: add the closing " (a quote inside a quoted cell is written "")',
    ]);
  });

  it('keeps formula-like cells as text on import and neutralises them on export', () => {
    const result = accepted(parseEventsFile(fixture('formula.csv')));
    const { title, summary } = result.events[0]!.properties;
    expect([title, summary]).toEqual(['=HYPERLINK("http://x","y")', '@SUM(A1:A2)']);
    const csv = eventsToCsv(result.events.map((event) => ({ ...event.properties, geometry: event.geometry })));
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).toContain(`,'@SUM(A1:A2),`);
  });

  it('accepts an unknown category and an unknown column, each with a located warning', () => {
    const result = accepted(parseEventsFile(fixture('unknown-category-and-column.csv')));
    expect(result.warnings.map((warning) => `${warning.location}: ${warning.message.split(':')[0]}`)).toEqual([
      'line 1, column "confidence": unknown column "confidence"',
      'line 2, column "category": unknown category "cyber"',
    ]);
  });

  it('imports rows without a category as "uncategorised", with one warning for all of them', () => {
    const result = accepted(parseEventsFile(textFile('events.csv', `${CSV_HEADER}\n2019,A,1,2,\n2019,B,1,2,diplomacy\n2019,C,1,2,\n`)));
    expect(result.events.map((event) => event.properties.category)).toEqual(['uncategorised', 'diplomacy', 'uncategorised']);
    expect(result.warnings).toEqual([{ location: 'column "category"', message: '2 row(s) have no category (lines 2, 4): imported as "uncategorised" and drawn grey' }]);
  });

  it.each([
    ['an empty title', `${CSV_HEADER}\n2019,,1,2,diplomacy\n`, ['line 2, column "title": must not be empty']],
    ['a half-filled fact check', `${CSV_HEADER},fact_check_note\n2019,t,1,2,diplomacy,Differs\n`, [/^line 2, column "fact_check_source_title": must not be empty when other/, /^line 2, column "fact_check_source_url": must not be empty when/]],
    ['a boolean that is not true/false', `${CSV_HEADER},location_approximate\n2019,t,1,2,diplomacy,yes\n`, ['line 2, column "location_approximate": must be true or false, not "yes"']],
    ['a route with a broken position', `${CSV_HEADER},route\n2019,t,,,diplomacy,1 2; 3\n`, [/^line 2, column "route": position 2 "3" is not "lon lat"/]],
    ['a route that is one position', `${CSV_HEADER},route\n2019,t,,,diplomacy,1 2\n`, ['line 2, column "route": a line needs at least 2 positions']],
    ['lon/lat that differ from the route start', `${CSV_HEADER},route\n2019,t,5,5,diplomacy,1 2; 3 4\n`, [/^line 2, column "lon": when "route" is filled, lon and lat must be empty or/]],
    ['text after a closing quote', `${CSV_HEADER}\n2019,"Kim" said,1,2,diplomacy\n`, [/^line 2, column "title": text after the closing quote/]],
    ['an unquoted comma that adds a cell', `${CSV_HEADER}\n2019,Seoul, Korea,1,2,diplomacy\n`, [/^line 2: has 6 cells but the header names 5 columns/, /^line 2, column "lon": must be a plain decimal number such as 37.6173 or -122.4, not "Korea"$/]],
    ['a row with fewer cells than the header', `${CSV_HEADER}\n2019,t\n`, ['line 2, column "lon": must not be empty: write a plain decimal number such as 37.6173 or -122.4', /^line 2, column "lat": must not be empty/]],
    ['a header row and nothing else', `${CSV_HEADER}\n\n`, ['(file): the file has a header row but no events']],
  ])('refuses %s, located', (_kind, text, expected) => {
    const issues = issuesOf(parseEventsFile(textFile('events.csv', text)));
    expect(issues).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(issues[index]).toMatch(pattern));
  });

  it('hints at UTF-16 written without a byte order mark', () => {
    const bytes = new Uint8Array(Buffer.from(`${CSV_HEADER}\n2019,t,1,2,diplomacy\n`, 'utf16le'));
    expect(issuesOf(parseEventsFile({ name: 'events.csv', bytes }))[0]).toMatch(/^\(file\): the header contains NUL characters: the file is probably binary or UTF-16 without a byte order mark/);
  });

  it('warns once when the file has no category column at all', () => {
    const result = accepted(parseEventsFile(textFile('events.csv', 'date,title,lon,lat\n2019,A,1,2\n2019,B,1,2\n')));
    expect(result.warnings).toEqual([{ location: '(file)', message: 'there is no "category" column: every row is imported as "uncategorised" and drawn grey' }]);
  });

});
