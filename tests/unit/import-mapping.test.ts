// Files in other people's shapes (ACLED, spreadsheets, European CSV, kepler.gl, GeoJSON with other
// property names) go through the mapping step: the detected proposal, the events it gives, the
// user's changes to it, and issues located in the user's own column names.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMappedTable, prepareImport, type ImportResult } from '../../src/import/index';
import type { ColumnMapping, MappedField } from '../../src/import/column-mapping';
import type { EventTable } from '../../src/import/event-table';

const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`../fixtures/browser-import/${name}`, import.meta.url))) });
const textFile = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** The table and proposal of a file that must go through the mapping step. */
function needsMapping(file: { name: string; bytes: Uint8Array }) {
  const prepared = prepareImport(file);
  if (prepared.kind !== 'needs-mapping') return expect.fail(`imported directly: ${JSON.stringify(prepared.result).slice(0, 300)}`);
  return prepared;
}

/** The mapping's columns by header label, as the mapping step shows them. */
const columnLabels = (table: EventTable, mapping: ColumnMapping) => Object.fromEntries(Object.entries(mapping.columns).map(([field, index]) => [field, table.labels[index!]]));

/** A mapping with columns chosen by label, as a user picks them. */
function choose(table: EventTable, mapping: ColumnMapping, labels: Partial<Record<MappedField, string>>): ColumnMapping {
  const columns = { ...mapping.columns };
  for (const [field, label] of Object.entries(labels)) columns[field as MappedField] = table.labels.indexOf(label!);
  return { ...mapping, columns };
}

const accepted = (result: ImportResult) => (result.ok ? result : expect.fail(`refused: ${JSON.stringify(result.issues)}`));

const issuesOf = (result: ImportResult) => (result.ok ? expect.fail('imported, but should be refused') : result.issues.map((issue) => `${issue.location}: ${issue.message}`));

/** [date, title, category, coordinates] of each event. */
const summaries = (result: ImportResult) => accepted(result).events.map((event) => [event.properties.date, event.properties.title, event.properties.category, event.geometry.coordinates]);

type Expected = { columns: Record<string, string>; titleTemplate: string | null; dateOrder?: string; events: unknown[][] };

const FIXTURES: Record<string, Expected> = {
  'acled-export.csv': {
    columns: { date: 'event_date', lon: 'longitude', lat: 'latitude', category: 'event_type', place: 'location', actors: 'actor1', summary: 'notes', source: 'source', id: 'event_id_cnty' },
    titleTemplate: '{sub_event_type|event_type} in {location}',
    dateOrder: 'day-first',
    events: [
      ['2022-09-25', 'Protest with intervention in Yakutsk', 'protests', [129.6755, 62.0355]],
      ['2022-12-26', 'Disrupted weapons use in Gimpo', 'policy', [126.7156, 37.6153]],
      ['2023-01-01', 'Strategic developments in Ryongsong', 'policy', [125.8, 39.1167]],
      ['2023-01-12', 'Peaceful protest in Seoul - Jongno', 'protests', [126.9794, 37.5729]],
      ['2022-08-04', 'Remote explosive/landmine/IED in Yanggu', 'military-activity', [127.9897, 38.11]],
      ['2023-03-18', 'Peaceful protest in Henoko', 'protests', [128.0433, 26.5253]],
    ],
  },
  'spreadsheet-mdy.csv': {
    columns: { date: 'Date', title: 'Event', lat: 'Latitude', lon: 'Longitude', summary: 'Notes' },
    titleTemplate: null,
    dateOrder: 'month-first',
    events: [
      ['2022-12-26', 'Drone incursion over Gimpo', 'uncategorised', [126.7156, 37.6153]],
      ['2023-01-01', 'SRBM launch from Ryongsong', 'uncategorised', [125.8, 39.1167]],
      ['2023-01-11', 'Air defence drill in Seoul', 'uncategorised', [126.978, 37.5665]],
      ['2023-02-18', 'Hwasong-15 ICBM launch from Sunan', 'uncategorised', [125.67, 39.2241]],
      ['2023-03-13', 'Freedom Shield exercise begins', 'uncategorised', [127.0311, 36.9606]],
    ],
  },
  'semicolon-europe.csv': {
    columns: { date: 'Date', title: 'Title', lat: 'Latitude', lon: 'Longitude', category: 'Category' },
    titleTemplate: null,
    dateOrder: 'day-first',
    events: [
      ['2022-12-26', 'Drone incursion over Gimpo', 'drone-incursion', [126.7156, 37.6153]],
      ['2023-01-01', 'SRBM launch from Ryongsong', 'missile-test', [125.8, 39.1167]],
      ['2023-02-18', 'Hwasong-15 ICBM launch from Sunan', 'missile-test', [125.67, 39.2241]],
      ['2023-03-13', 'Freedom Shield joint exercise', 'exercise', [127.0311, 36.9606]],
      ['2023-04-05', 'Japan extends sanctions on North Korea', 'sanctions', [139.6503, 35.6762]],
    ],
  },
  'kepler-style.csv': {
    columns: { date: 'time', title: 'name', lat: 'lat', lon: 'lng' },
    titleTemplate: null,
    events: [
      ['2023-01-11', 'Air raid drill in Seoul', 'uncategorised', [126.978, 37.5665]],
      ['2023-01-12', 'US carrier arrives in Busan', 'uncategorised', [129.0756, 35.1796]],
      ['2023-02-18', 'ICBM lands west of Oshima-Oshima', 'uncategorised', [137.5, 40.8]],
      ['2023-03-16', 'Pacific Fleet snap inspection in Vladivostok', 'uncategorised', [131.8855, 43.1155]],
      ['2023-04-13', 'Solid-fuel ICBM launch near Pyongyang', 'uncategorised', [125.67, 39.2241]],
    ],
  },
  'features-other-names.geojson': {
    // No coordinate columns: the features' own geometry is used.
    columns: { date: 'time', title: 'name', category: 'type', summary: 'description' },
    titleTemplate: null,
    events: [
      ['2023-02-18', 'Hwasong-15 ICBM launch from Sunan', 'missile-test', [125.67, 39.2241]],
      ['2022-12-26', 'Drone incursion over Gimpo', 'military-activity', [126.7156, 37.6153]],
      ['2023-03-13', 'Freedom Shield begins', 'exercise', [127.0311, 36.9606]],
      ['2023-06-06', 'Joint Russian-Chinese bomber patrol over the Sea of Japan', 'joint-air-patrol', [[132.5, 42], [134.5, 39.5], [133, 36.8], [129.8, 35.6]]],
    ],
  },
};

describe('fixtures in other shapes', () => {
  it.each(Object.entries(FIXTURES))('%s needs the mapping step, and the detected columns are the right ones', (name, expected) => {
    const { table, proposal } = needsMapping(fixture(name));
    expect(columnLabels(table, proposal)).toEqual(expected.columns);
    expect(proposal.titleTemplate).toBe(expected.titleTemplate);
    if (expected.dateOrder) expect(proposal.dateOrder).toBe(expected.dateOrder);
  });

  it.each(Object.entries(FIXTURES))('%s imports the expected events with the detected mapping', (name, expected) => {
    const { table, proposal } = needsMapping(fixture(name));
    expect(summaries(importMappedTable(table, proposal))).toEqual(expected.events);
  });

  it('reads the semicolon file\'s decimal commas and day-first dates once Latitude and Longitude are chosen', () => {
    const { table, proposal } = needsMapping(fixture('semicolon-europe.csv'));
    expect([table.delimiter, table.labels[0]]).toEqual([';', 'Date']); // the BOM is not part of the first name
    const result = importMappedTable(table, choose(table, proposal, { lat: 'Latitude', lon: 'Longitude' }));
    expect(summaries(result)).toEqual(FIXTURES['semicolon-europe.csv']!.events);
  });

  it('keeps ACLED\'s source, notes, ids and actors, and numbers rows after a quoted line break', () => {
    const { table, proposal } = needsMapping(fixture('acled-export.csv'));
    expect(table.records.map((record) => record.line)).toEqual([2, 3, 4, 6, 7, 8]);
    const events = accepted(importMappedTable(table, proposal)).events.map((event) => event.properties);
    expect(events.map((event) => [event.id, event.source, event.actors])).toEqual([
      ['rus8841', 'OVD-Info; Mediazona', ['Protesters (Russia)']],
      ['kor5520', 'Yonhap', ['Military Forces of South Korea (2022-)']],
      ['prk1044', 'Yonhap; Kyodo News', ['Military Forces of North Korea (2011-)']],
      ['kor5561', 'Korea Herald', ['Protesters (South Korea)']],
      ['kor5402', 'Yonhap', ['Unidentified Armed Group (South Korea)']],
      ['jpn0312', 'Ryukyu Shimpo', ['Protesters (Japan)']],
    ]);
    expect(events[0]!.summary).toBe('On 25 September 2022, around 100 women protested against the "partial" mobilisation on Ordzhonikidze Square, Yakutsk, chanting "No to genocide". Police detained 17 of them. [size=around 100]');
    expect(events[2]!.summary).toBe("On 1 January 2023, North Korea fired a short-range ballistic missile from the Ryongsong area, Pyongyang, into the East Sea.\nJapan's Ministry of Defense said it fell outside Japan's EEZ.");
  });
});

describe('the user\'s changes to the mapping', () => {
  const AMBIGUOUS = 'Date,Event,Latitude,Longitude\n01/02/2023,Artillery drill near Kaesong,37.97,126.55\n03/04/2023,Patrol boat off Yeonpyeong,37.67,125.7\n';

  it.each([
    ['day-first', ['2023-02-01', '2023-04-03']],
    ['month-first', ['2023-01-02', '2023-03-04']],
  ] as const)('reads an ambiguous numeric date column %s when the user says so', (dateOrder, dates) => {
    const { table, proposal } = needsMapping(textFile('dates.csv', AMBIGUOUS));
    expect(columnLabels(table, proposal).date).toBe('Date');
    expect(accepted(importMappedTable(table, { ...proposal, dateOrder })).events.map((event) => event.properties.date)).toEqual(dates);
  });

  it('makes titles from the user\'s template and files categories as the user chose', () => {
    const { table, proposal } = needsMapping(fixture('acled-export.csv'));
    const mapping = { ...proposal, titleTemplate: '{event_type} in {location}', categories: { ...proposal.categories, Protests: 'civil-unrest', 'Strategic developments': 'missile-test' } };
    const result = accepted(importMappedTable(table, mapping));
    expect(result.events.map((event) => [event.properties.title, event.properties.category])).toEqual([
      ['Protests in Yakutsk', 'civil-unrest'],
      ['Strategic developments in Gimpo', 'missile-test'],
      ['Strategic developments in Ryongsong', 'missile-test'],
      ['Protests in Seoul - Jongno', 'civil-unrest'],
      ['Explosions/Remote violence in Yanggu', 'military-activity'],
      ['Protests in Henoko', 'civil-unrest'],
    ]);
  });
});

describe('issues located in the user\'s terms', () => {
  const rows = (cells: string[]) => `Date,Event,Latitude,Longitude\n${cells.map((row, index) => `${row},Event ${index + 1},${37.5 + index / 10},127.0`).join('\n')}\n`;
  const SIX_DATES = ['15/01/2023', '16/01/2023', '31/02/2023', '17/01/2023', '18/01/2023', '19/01/2023'];

  it('names the line, the column "Date", the value and the form expected for an impossible date', () => {
    const { table, proposal } = needsMapping(textFile('events.csv', rows(SIX_DATES)));
    expect(issuesOf(importMappedTable(table, proposal))).toEqual(['line 4, column "Date": "31/02/2023" is not a real calendar date written DD/MM/YYYY, e.g. 26/12/2022']);
  });

  it('names the line and the column "Latitude" for a latitude beyond 90° or not a number', () => {
    const text = 'Date,Event,Latitude,Longitude\n2023-01-11,A,37.5,127.0\n2023-01-12,B,95.2,127.0\n2023-01-13,C,38.1N,127.0\n2023-01-14,D,37.6,127.1\n';
    const { table, proposal } = needsMapping(textFile('events.csv', text));
    expect(issuesOf(importMappedTable(table, choose(table, proposal, { lat: 'Latitude' })))).toEqual([
      'line 3, column "Latitude": latitude must be within −90…90',
      'line 4, column "Latitude": must be a plain decimal number such as 37.6173 or -122.4, not "38.1N"',
    ]);
  });

  it('names the feature and the property "time" in GeoJSON', () => {
    const geojson = JSON.parse(new TextDecoder().decode(fixture('features-other-names.geojson').bytes)) as { features: { properties: { time: string } }[] };
    geojson.features[1]!.properties.time = '2023-02-30T08:30:00Z';
    const { table, proposal } = needsMapping(textFile('events.geojson', JSON.stringify(geojson)));
    const issues = issuesOf(importMappedTable(table, choose(table, proposal, { date: 'time' })));
    expect(issues).toEqual(['features[1], property "time": "2023-02-30T08:30:00Z" is not a real calendar date written YYYY-MM-DD (ISO), e.g. 2022-12-26']);
  });

  // A typo in a small table must not make the whole column disappear, nor make its other cells be read in the wrong form.
  it.each([
    ['date', rows(['15/01/2023', '31/02/2023', '16/01/2023', '17/01/2023']), { date: 'Date' }, 'line 3, column "Date": "31/02/2023" is not a real calendar date written DD/MM/YYYY, e.g. 26/12/2022'],
    ['latitude', 'Date,Event,Latitude,Longitude\n2023-01-11,A,37.5,127.0\n2023-01-12,B,95.2,127.0\n2023-01-13,C,37.6,127.1\n2023-01-14,D,37.7,127.1\n', { lat: 'Latitude' }, 'line 3, column "Latitude": latitude must be within −90…90'],
  ])('reports one %s typo in a four-row table at its cell, with the detected mapping', (_field, text, detected, issue) => {
    const { table, proposal } = needsMapping(textFile('events.csv', text));
    expect(columnLabels(table, proposal)).toMatchObject(detected);
    expect(issuesOf(importMappedTable(table, proposal))).toEqual([issue]);
  });
});

describe('line numbers across quoted line breaks', () => {
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z ,"]{0,6}$/);
  const title = fc.tuple(word, fc.array(fc.tuple(fc.constantFrom('\n', '\r\n', ' '), word), { maxLength: 3 })).map(([first, rest]) => first + rest.map(([sep, next]) => sep + next).join(''));
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2023-01-${String(d).padStart(2, '0')}`);
  const coordinate = (min: number, max: number) => fc.integer({ min: min * 1e4, max: max * 1e4 }).map((value) => (value / 1e4).toFixed(4));
  const row = fc.tuple(day, title, coordinate(124, 131), coordinate(33, 43));
  const table = (minRows: number) =>
    fc.array(row, { minLength: minRows, maxLength: 12 }).chain((rows) => fc.tuple(fc.constant(rows), fc.nat(rows.length - 1), fc.constantFrom('\n', '\r\n'), fc.boolean()));

  /** The file text and the physical line (counted independently) on which the bad row starts. */
  function build(header: string, order: (cells: string[]) => string[], [rows, bad, newline, finalNewline]: [string[][], number, string, boolean]) {
    let text = header;
    let badLine = 0;
    rows.forEach(([date, ...rest], index) => {
      text += newline;
      if (index === bad) badLine = (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
      text += order([index === bad ? '2023-02-30' : date!, ...rest]).map(quote).join(',');
    });
    return { text: finalNewline ? text + newline : text, badLine };
  }

  it('names the line a row starts on in Tripwire\'s own format', () => {
    fc.assert(
      fc.property(table(1), (generated) => {
        const { text, badLine } = build('date,title,lon,lat', ([date, title, lon, lat]) => [date!, title!, lon!, lat!], generated);
        const prepared = prepareImport(textFile('events.csv', text));
        expect(prepared.kind).toBe('done');
        if (prepared.kind !== 'done') return;
        expect(issuesOf(prepared.result)).toEqual([`line ${badLine}, column "date": must be a real date written YYYY, YYYY-MM or YYYY-MM-DD`]);
      }),
    );
  });

  it('names the line a row starts on through the mapping step (When,What,Y,X)', () => {
    fc.assert(
      fc.property(table(5), (generated) => {
        const { text, badLine } = build('When,What,Y,X', ([date, title, lon, lat]) => [date!, title!, lat!, lon!], generated);
        const { table: parsed, proposal } = needsMapping(textFile('events.csv', text));
        expect(columnLabels(parsed, proposal)).toEqual({ date: 'When', lat: 'Y', lon: 'X' });
        expect(issuesOf(importMappedTable(parsed, proposal))).toEqual([`line ${badLine}, column "When": "2023-02-30" is not a real calendar date written YYYY-MM-DD (ISO), e.g. 2022-12-26`]);
      }),
    );
  });
});

describe('any input', () => {
  const LOCATION = /^(\(file\)|line \d+(, column \d+|, column ".*")?|features\[\d+\](, property ".*")?)$/s;

  /** Events, or issues that each say where; never the safety net for an exception. */
  function wellFormed(result: ImportResult) {
    if (result.ok) return result.events.length;
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.location).toMatch(LOCATION);
      expect(issue.message).not.toMatch(/^the file could not be read/);
    }
    return 0;
  }

  it('prepareImport never throws and always answers done or needs-mapping', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 600 }), fc.string({ maxLength: 300 }).map((text) => new TextEncoder().encode(text)), fc.jsonValue().map((value) => new TextEncoder().encode(JSON.stringify(value))));
    fc.assert(
      fc.property(bytes, fc.constantFrom('events.csv', 'events.geojson', 'events.json', 'events'), (data, name) => {
        const prepared = prepareImport({ name, bytes: data });
        expect(['done', 'needs-mapping']).toContain(prepared.kind);
        wellFormed(prepared.kind === 'done' ? prepared.result : importMappedTable(prepared.table, prepared.proposal));
      }),
      { numRuns: 300 },
    );
  });

  it('importMappedTable gives events or located issues for random tables, with the proposal or any columns the user picks', () => {
    const NAMES = ['date', 'time', 'lat', 'lng', 'x', 'y', 'name', 'notes', 'event_type', 'location', ''];
    const junk = fc.oneof(fc.constantFrom('1673913600', '127,1', '-95', '1e999', '{x}', 'a\nb', '"', ' ', ''), fc.string({ maxLength: 12 }));
    const decimal = (limit: number) => fc.integer({ min: -limit * 100, max: limit * 100 }).map((value) => (value / 100).toFixed(2));
    const typed: Record<string, fc.Arbitrary<string>> = {
      date: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2023-01-11', '2022-12-26', '2023-01-11 08:30:00') }, { weight: 1, arbitrary: fc.constantFrom('12/26/2022', '26.12.2022', '12 January 2023') }),
      lat: decimal(90),
      lng: decimal(180),
      name: fc.constantFrom('Missile launch', 'Drill, "Ulchi"', 'Patrol\noff Sokcho'),
    };
    Object.assign(typed, { time: typed.date, y: typed.lat, x: typed.lng, notes: typed.name, event_type: fc.constantFrom('Protests', 'missile launch'), location: fc.constantFrom('Seoul', 'Busan, KR'), '': junk });
    // Cells mostly of the kind their header names (so some tables import), sometimes anything at all.
    const cellFor = (name: string) => fc.tuple(fc.oneof({ weight: 6, arbitrary: typed[name]! }, { weight: 1, arbitrary: junk }), fc.boolean()).map(([text, quote]) => (quote || /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text));
    // Mostly distinct names (more tables that map completely), sometimes repeats.
    const header = fc.oneof({ weight: 3, arbitrary: fc.shuffledSubarray(NAMES, { minLength: 2, maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 6 }) });
    const csv = header.chain((names) =>
      fc.record({
        header: fc.constant(names),
        rows: fc.array(fc.tuple(...names.map(cellFor), fc.array(junk, { maxLength: 1 })).map((cells) => cells.flat()), { minLength: 1, maxLength: 8 }),
        separator: fc.constantFrom(',', ';', '\t'),
        picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        dateOrder: fc.constantFrom('day-first' as const, 'month-first' as const),
        titleTemplate: fc.constantFrom(null, '{name} in {location}', '{x}', '{}', '{event_type'),
      }),
    );
    fc.assert(
      fc.property(csv, ({ header, rows, separator, picks, dateOrder, titleTemplate }) => {
        const text = [header, ...rows].map((cells) => cells.join(separator)).join('\n');
        const prepared = prepareImport(textFile('table.csv', text));
        if (prepared.kind === 'done') return void wellFormed(prepared.result);
        const { table, proposal } = prepared;
        const [date, title, lon, lat] = picks.map((pick) => pick % table.labels.length);
        const picked: ColumnMapping = { ...proposal, columns: { ...proposal.columns, date, lon, lat, ...(titleTemplate ? {} : { title }) }, titleTemplate, dateOrder };
        for (const mapping of [proposal, picked]) {
          const result = importMappedTable(table, mapping);
          if (result.ok) expect(result.events).toHaveLength(table.records.length);
          wellFormed(result);
        }
      }),
      { numRuns: 400 },
    );
  });
});
