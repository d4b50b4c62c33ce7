// Column detection on the header shapes analysts actually bring (ACLED, kepler.gl, spreadsheets,
// GDELT, UCDP …), and the category suggestions shown in the mapping step.
import { describe, expect, it } from 'vitest';
import { suggestCategories, suggestCategory } from '../../src/import/category-vocabularies';
import { detectMapping, headerSignature, normaliseLabel } from '../../src/import/column-detection';

/** A header or row written as one line; no test value contains the separator. */
const cells = (line: string, separator = ',') => line.split(separator);

/** The detected mapping with header names instead of column indices, as a reader checks it. */
function detectNamed(labels: readonly string[], rows: readonly (readonly string[])[]) {
  const mapping = detectMapping(labels, rows);
  const columns = Object.fromEntries(Object.entries(mapping.columns).map(([field, index]) => [field, labels[index ?? -1]]));
  return { ...mapping, columns };
}

/** Rows for a wide header from the cells that matter; the other cells are empty. */
const rowsOf = (labels: readonly string[], records: readonly Record<string, string>[]) =>
  records.map((record) => labels.map((label) => record[label] ?? ''));

describe('detectMapping on real-world headers', () => {
  it('reads an ACLED export: event_date over the unix timestamp, a title made from sub-event and location', () => {
    const labels = cells(
      'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp',
    );
    const common = { year: '2023', time_precision: '1', disorder_type: 'Political violence', region: 'Europe', geo_precision: '1', source_scale: 'National' };
    const rows = rowsOf(labels, [
      { ...common, event_id_cnty: 'UKR112233', event_date: '12 January 2023', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Russia (2000-)', assoc_actor_1: 'Wagner Group', actor2: 'Military Forces of Ukraine (2019-)', iso: '804', country: 'Ukraine', admin1: 'Donetsk', location: 'Soledar', latitude: '48.6833', longitude: '38.0833', source: 'Ukrainska Pravda', notes: 'On 12 January 2023, Russian forces clashed with Ukrainian forces near Soledar.', fatalities: '0', timestamp: '1673913600' },
      { ...common, event_id_cnty: 'PRK1021', event_date: '14 January 2023', disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Disrupted weapons use', actor1: 'Military Forces of North Korea (2011-)', iso: '408', region: 'East Asia', country: 'North Korea', admin1: 'Pyongyang', location: 'Pyongyang', latitude: '39.0194', longitude: '125.7381', source: 'Yonhap', notes: 'North Korea fired a ballistic missile into the East Sea.', fatalities: '0', timestamp: '1673999999' },
      { ...common, event_id_cnty: 'UKR112240', event_date: '15 January 2023', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Russia (2000-)', iso: '804', country: 'Ukraine', admin1: 'Dnipropetrovsk', location: 'Dnipro', latitude: '48.4500', longitude: '34.9833', source: 'Suspilne', notes: 'A Russian missile hit a residential building in Dnipro.', fatalities: '46', timestamp: '1674086400' },
    ]);
    expect(detectNamed(labels, rows)).toEqual({
      columns: { date: 'event_date', lon: 'longitude', lat: 'latitude', category: 'event_type', place: 'location', actors: 'actor1', summary: 'notes', source: 'source', id: 'event_id_cnty' },
      titleTemplate: '{sub_event_type|event_type} in {location}',
      dateOrder: 'day-first',
      categories: { Battles: 'military-activity', 'Strategic developments': 'policy', 'Explosions/Remote violence': 'military-activity' },
    });
  });

  it('reads the kepler.gl sample shape', () => {
    const rows = ['2023-01-11 08:30:00,37.5665,126.9780,Seoul', '2023-01-12 14:05:00,35.1796,129.0756,Busan'].map((row) => cells(row));
    expect(detectNamed(cells('time,lat,lng,name'), rows)).toEqual({
      columns: { date: 'time', title: 'name', lon: 'lng', lat: 'lat' },
      titleTemplate: null,
      dateOrder: 'day-first',
      categories: {},
    });
  });

  it('reads a spreadsheet export with US dates', () => {
    const rows = [
      '12/26/2022,Drone incursion over Seoul,37.5665,126.9780,Five drones crossed the MDL',
      '1/5/2023,Air defence drill,37.4563,126.7052,Reported by Yonhap',
      '01/11/2023,Artillery fire near Yeonpyeong,37.6667,125.7000,',
    ].map((row) => cells(row));
    expect(detectNamed(cells('Date,Event,Latitude,Longitude,Notes'), rows)).toEqual({
      columns: { date: 'Date', title: 'Event', lon: 'Longitude', lat: 'Latitude', summary: 'Notes' },
      titleTemplate: null,
      dateOrder: 'month-first',
      categories: {},
    });
  });

  it('reads capitalised, spaced labels and suggests categories', () => {
    const labels = cells('Event Date,Event Title,Lat,Long,Category,Place Name');
    const rows = [
      '26.12.2022,Hwasong-17 launch,39.0392,125.7625,Missile launch,Sunan',
      '11.01.2023,Freedom Shield,37.4563,126.7052,Joint exercise,Incheon',
      '13.01.2023,Trilateral summit,35.6762,139.6503,Summit,Tokyo',
    ].map((row) => cells(row));
    expect(detectNamed(labels, rows)).toEqual({
      columns: { date: 'Event Date', title: 'Event Title', lon: 'Long', lat: 'Lat', category: 'Category', place: 'Place Name' },
      titleTemplate: null,
      dateOrder: 'day-first',
      categories: { 'Missile launch': 'missile-test', 'Joint exercise': 'exercise', Summit: 'diplomacy' },
    });
  });

  it('reads x as longitude and y as latitude', () => {
    const rows = ['126.9780,37.5665,2023-01-11,Seoul', '129.0756,35.1796,2023-01-12,Busan'].map((row) => cells(row));
    expect(detectNamed(cells('x,y,date,name'), rows).columns).toEqual({ date: 'date', title: 'name', lon: 'x', lat: 'y' });
  });

  it('swaps coordinate columns whose names contradict their values', () => {
    const rows = ['2023-01-11,Seoul,126.9780,37.5665', '2023-01-12,Busan,129.0756,35.1796'].map((row) => cells(row));
    expect(detectNamed(cells('date,title,lat,lon'), rows).columns).toEqual({ date: 'date', title: 'title', lon: 'lat', lat: 'lon' });
  });

  it('reads a semicolon file (cells already split) and leaves an unsettled date order to the user', () => {
    const rows = ['01.02.2023;Übung bei Kaliningrad;54.7104;20.4522', '03.04.2023;Manöver in der Ostsee;55.0;19.9'].map((row) => cells(row, ';'));
    expect(detectNamed(cells('Date;Title;Lat;Lon', ';'), rows)).toEqual({
      columns: { date: 'Date', title: 'Title', lon: 'Lon', lat: 'Lat' },
      titleTemplate: null,
      dateOrder: 'day-first', // ambiguous: the mapping step asks
      categories: {},
    });
  });

  it('reads a GDELT events table but leaves SQLDATE (20230111) for the user to map', () => {
    // analyseDateColumn reads no YYYYMMDD without separators (8 digits are no unix time either), so
    // the date stays unmapped and the mapping step asks for it; the rest of what a user needs is found.
    const labels = cells('GLOBALEVENTID\tSQLDATE\tActor1Name\tEventCode\tActionGeo_FullName\tActionGeo_Lat\tActionGeo_Long\tSOURCEURL', '\t');
    const rows = [
      '1077412345\t20230111\tNORTH KOREA\t190\tPyongyang, North Korea\t39.0194\t125.7547\thttps://example.org/a',
      '1077412399\t20230112\tSOUTH KOREA\t042\tSeoul, Korea, South\t37.5665\t126.9780\thttps://example.org/b',
    ].map((row) => cells(row, '\t'));
    expect(detectNamed(labels, rows)).toEqual({
      columns: { lon: 'ActionGeo_Long', lat: 'ActionGeo_Lat', place: 'ActionGeo_FullName', actors: 'Actor1Name', source: 'SOURCEURL', id: 'GLOBALEVENTID' },
      titleTemplate: '{Actor1Name}',
      dateOrder: 'day-first',
      categories: {},
    });
  });

  it('finds dates and coordinates by content when no name says which column is which', () => {
    const rows = ['2023-01-11,Missile launch near Sinpo,40.0339,128.1886,3', '2023-01-14,Artillery drill,38.3,126.7,12'].map((row) => cells(row));
    expect(detectNamed(cells('a,b,c,d,e'), rows)).toEqual({
      columns: { date: 'a', lon: 'd', lat: 'c' },
      titleTemplate: '{b}',
      dateOrder: 'day-first',
      categories: {},
    });
    const lonFirst = ['11 Jan 2023,Sinpo,128.1886,40.0339', '14 Jan 2023,Kaesong,126.55,37.97'].map((row) => cells(row));
    expect(detectNamed(cells('a,b,c,d'), lonFirst).columns).toEqual({ date: 'a', lon: 'c', lat: 'd' });
  });

  it("maps Tripwire's own column names to themselves", () => {
    // As docs/import-format.md writes it (fixed here, so that new columns there do not move the test).
    const labels = cells('id,date,end_date,title,category,actors,status,lon,lat,route,place,location_note,summary,quote,speaker,source,source_url');
    const row = labels.map((label) => ({ id: 'e1', date: '2023-01', title: 'Test', lon: '127.5', lat: '37.5', category: 'exercise' })[label] ?? '');
    expect(detectNamed(labels, [row]).columns).toEqual({
      date: 'date', endDate: 'end_date', title: 'title', lon: 'lon', lat: 'lat', category: 'category', place: 'place', actors: 'actors', summary: 'summary', source: 'source', id: 'id', status: 'status', quote: 'quote',
    });
  });

  it('reads a start/end table with headline, type, actor and url', () => {
    const rows = [
      '2023-03-13,2023-03-23,Freedom Shield 23,37.4563,126.7052,Exercise,USA,https://example.org/fs23',
      '2023-03-16,,ICBM launch,39.0392,125.7625,Missile test,PRK,https://example.org/icbm',
    ].map((row) => cells(row));
    expect(detectNamed(cells('start_date,end_date,headline,latitude,longitude,type,actor,url'), rows)).toEqual({
      columns: { date: 'start_date', endDate: 'end_date', title: 'headline', lon: 'longitude', lat: 'latitude', category: 'type', actors: 'actor', source: 'url' },
      titleTemplate: null,
      dateOrder: 'day-first',
      categories: { Exercise: 'exercise', 'Missile test': 'missile-test' },
    });
  });

  it('reads a UCDP GED-like table', () => {
    const labels = cells('id,date_start,date_end,type_of_violence,side_a,side_b,where_coordinates,latitude,longitude,source_article');
    const rows = [
      '244657|2017-07-31 00:00:00.000|2017-07-31 00:00:00.000|1|Government of Afghanistan|Taleban|Kabul town|34.531094|69.162796|Agence France Presse 2017-07-31',
      '244702|2017-08-02 00:00:00.000|2017-08-03 00:00:00.000|3|IS|Civilians|Herat town|34.348170|62.199670|Reuters 2017-08-02',
    ].map((row) => cells(row, '|'));
    expect(detectNamed(labels, rows)).toEqual({
      columns: { date: 'date_start', endDate: 'date_end', lon: 'longitude', lat: 'latitude', place: 'where_coordinates', actors: 'side_a', source: 'source_article', id: 'id' },
      titleTemplate: '{side_a}',
      dateOrder: 'day-first',
      categories: {},
    });
  });
});

describe('detectMapping rules', () => {
  it('prefers better names, uses a column once, and takes actor1 over actor2', () => {
    const labels = cells('Country,Location,actor2,actor1,Event Type,Sub Event Type,date,lat,lon');
    const mapping = detectNamed(labels, [cells('Japan,Tokyo,B,A,Protests,Peaceful protest,2023-01-11,35.68,139.69')]);
    expect(mapping.columns).toMatchObject({ place: 'Location', actors: 'actor1', category: 'Event Type' });
    expect(mapping.titleTemplate).toBe('{Sub Event Type|Event Type} in {Location}');
  });

  it('refuses name matches whose values do not fit, and then finds the date by content', () => {
    const rows = [cells('08:30,11 Jan 2023,Launch,north,east'), cells('14:05,12 Jan 2023,Drill,south,west')];
    expect(detectNamed(cells('time,reported,title,lat,lon'), rows).columns).toEqual({ date: 'reported', title: 'title' });
  });

  it('reads camelCase GeoJSON property names', () => {
    const rows = [cells('2023-01-11,Launch from Sunan,missile test,Sunan')];
    expect(detectNamed(cells('eventDate,headline,eventType,locationName'), rows).columns).toEqual({
      date: 'eventDate', title: 'headline', category: 'eventType', place: 'locationName',
    });
  });

  it('accepts a header without sample rows, on names alone', () => {
    expect(detectNamed(cells('Date,Title,Lat,Lon'), []).columns).toEqual({ date: 'Date', title: 'Title', lon: 'Lon', lat: 'Lat' });
  });
});

describe('normaliseLabel and headerSignature', () => {
  it.each([
    [' Event Date ', 'event_date'],
    ['EVENT-DATE', 'event_date'],
    ['event.date', 'event_date'],
    ['eventDate', 'event_date'],
    ['ActionGeo_Lat', 'action_geo_lat'],
    ['GLOBALEVENTID', 'globaleventid'],
    ['Última  Fecha', 'ultima_fecha'],
    ['날짜', '날짜'],
  ])('%j → %j', (label, normalised) => {
    expect(normaliseLabel(label)).toBe(normalised);
  });

  it('gives the same signature to the same header however it is written, and another to another', () => {
    expect(headerSignature(['Event Date', ' LAT', 'lon'])).toBe(headerSignature(['event_date', 'lat', 'Lon']));
    expect(headerSignature(['lat', 'lon'])).not.toBe(headerSignature(['lon', 'lat']));
    expect(headerSignature(['lat', 'lon'])).not.toBe(headerSignature(['lat', 'lon', '']));
  });
});

describe('suggestCategory', () => {
  it.each([
    ['Battles', 'military-activity'],
    ['Explosions/Remote violence', 'military-activity'],
    ['Strategic developments', 'policy'],
    ['Violence against civilians', 'violence-against-civilians'],
    ['Protests', 'protests'],
    ['Riots', 'riots'],
    ['Armed clash', 'military-activity'],
    ['Air/drone strike', 'military-activity'],
    ['Shelling/artillery/missile attack', 'military-activity'],
    ['Remote explosive/landmine/IED', 'military-activity'],
    ['Agreement', 'diplomacy'],
    ['Arrests', 'policy'],
    ['Change to group/activity', 'policy'],
    ['Headquarters or base established', 'military-activity'],
    ['Disrupted weapons use', 'military-activity'],
    [' BALLISTIC   missile ', 'missile-test'],
    ['Talks', 'diplomacy'],
    ['Sanction', 'sanctions'],
    ['Drills', 'exercise'],
    ['Arms deal', 'weapons-transfer'],
    ['Air incursion', 'military-activity'],
    ['Speech', 'statement'],
  ])('%j → %j', (value, category) => {
    expect(suggestCategory(value)).toBe(category);
  });

  it("maps Tripwire's own categories to themselves", () => {
    for (const category of ['military-activity', 'missile-test', 'weapons-transfer', 'diplomacy', 'sanctions', 'exercise', 'statement', 'policy']) {
      expect(suggestCategory(category)).toBe(category);
    }
    expect(suggestCategory('Missile Test')).toBe('missile-test');
  });

  it('keeps other values as their own kebab-case category, and empty as null', () => {
    expect(suggestCategory('Cyber Attack')).toBe('cyber-attack');
    expect(suggestCategory('constructor')).toBe('constructor');
    expect(suggestCategory('군사 훈련')).toBe('군사-훈련');
    expect(suggestCategory('  ')).toBeNull();
  });

  it('lists distinct values most frequent first, up to the limit', () => {
    const values = ['Riots', 'Battles', ' Battles ', '', 'Protests', 'Battles', 'Riots'];
    expect(Object.entries(suggestCategories(values))).toEqual([
      ['Battles', 'military-activity'],
      ['Riots', 'riots'],
      ['Protests', 'protests'],
    ]);
    expect(Object.keys(suggestCategories(values, 2))).toEqual(['Battles', 'Riots']);
  });
});
