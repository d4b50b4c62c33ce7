// The marine place-name table (scripts/geo/marine-names.tsv): oceans, seas, gulfs, bays, straits
// and the like, with hand-placed label points. Checked for shape, for the names a briefer expects
// to find, and above all that every label point lies in water on Natural Earth 1:10m land (the
// `world-atlas` TopoJSON), so no sea name is ever drawn over a country.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';

const HEADER = 'name\tkind\tlon\tlat\trank\talt\tsource';
const KINDS = ['ocean', 'sea', 'gulf', 'bay', 'strait', 'channel', 'sound', 'bight', 'lagoon'];

interface MarineName {
  line: number;
  name: string;
  kind: string;
  lon: number;
  lat: number;
  rank: number;
  alt: string[];
  source: string;
  fields: string[];
}

const TEXT = readFileSync(new URL('../../scripts/geo/marine-names.tsv', import.meta.url), 'utf8');
const LINES = TEXT.split('\n');
const ROWS: MarineName[] = LINES.slice(1)
  .map((text, index) => ({ text, line: index + 2 }))
  .filter(({ text }) => text !== '')
  .map(({ text, line }) => {
    const fields = text.split('\t');
    const [name = '', kind = '', lon = '', lat = '', rank = '', alt = '', source = ''] = fields;
    return {
      line,
      name,
      kind,
      lon: Number(lon),
      lat: Number(lat),
      rank: Number(rank),
      alt: alt === '' ? [] : alt.split(';'),
      source,
      fields,
    };
  });
const label = (row: MarineName) => `line ${row.line} ${row.name} (${row.lon}, ${row.lat})`;

// Natural Earth 1:10m land, one polygon per land mass. Rings that cross the antimeridian (the
// Afro-Eurasian ring takes in the tip of Chukotka at -180°) are unwrapped into continuous
// longitudes, and points are tested at lon and lon ± 360°; tested as stored, such a ring would
// cover a band round the whole globe between 65° and 69° N. Antarctica's ring runs round the
// pole (it does not close once unwrapped) and is already right as stored.
const unwrap = (ring: Position[]): Position[] => {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    let lon = x!;
    const previous = out.at(-1)?.[0];
    if (previous !== undefined) {
      while (lon - previous > 180) lon -= 360;
      while (previous - lon > 180) lon += 360;
    }
    out.push([lon, y!]);
  }
  if (out.at(-1)![0] !== out[0]![0]) return ring;
  const mean = out.reduce((sum, [lon]) => sum + lon!, 0) / out.length;
  const shift = mean < -180 ? 360 : mean > 180 ? -360 : 0;
  return shift === 0 ? out : out.map(([lon, lat]) => [lon! + shift, lat!]);
};

const LAND: { shape: Feature<Polygon>; bounds: [number, number, number, number] }[] = (() => {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/land-10m.json') as Topology;
  const land = feature(topology, topology.objects.land as GeometryCollection).features[0]!.geometry as MultiPolygon;
  return land.coordinates.map((rings) => {
    const unwrapped = rings.map(unwrap);
    const lons = unwrapped[0]!.map(([lon]) => lon!);
    const lats = unwrapped[0]!.map(([, lat]) => lat!);
    return {
      shape: polygon(unwrapped),
      bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)] as [number, number, number, number],
    };
  });
})();

const onLand = (lon: number, lat: number) =>
  [lon, lon - 360, lon + 360].some((x) =>
    LAND.some(({ shape, bounds: [west, south, east, north] }) => x >= west && x <= east && lat >= south && lat <= north && booleanPointInPolygon([x, lat], shape)),
  );

describe('the marine names table', () => {
  it('starts with the expected header', () => {
    expect(LINES[0]).toBe(HEADER);
  });

  it('has between 300 and 400 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(300);
    expect(ROWS.length).toBeLessThanOrEqual(400);
  });

  it('gives every row all seven fields, a known kind, a rank of 1 to 5 and a source', () => {
    const bad = ROWS.filter(
      (row) =>
        row.fields.length !== 7 ||
        row.name.trim() === '' ||
        row.name !== row.name.trim() ||
        !KINDS.includes(row.kind) ||
        !Number.isInteger(row.rank) ||
        row.rank < 1 ||
        row.rank > 5 ||
        row.source.trim() === '' ||
        row.alt.some((alt) => alt.trim() === '' || alt !== alt.trim() || alt === row.name),
    );
    expect(bad.map(label)).toEqual([]);
  });

  it('ranks oceans 1 and nothing else 1', () => {
    expect(ROWS.filter((row) => (row.kind === 'ocean') !== (row.rank === 1)).map(label)).toEqual([]);
  });

  it('places every label point within the map, to at most two decimals', () => {
    const twoDecimals = /^-?\d{1,3}(\.\d{1,2})?$/;
    const bad = ROWS.filter(
      (row) =>
        !twoDecimals.test(row.fields[2]!) ||
        !twoDecimals.test(row.fields[3]!) ||
        !(row.lon >= -180 && row.lon <= 180) ||
        !(row.lat >= -85 && row.lat <= 85),
    );
    expect(bad.map(label)).toEqual([]);
  });

  it('names each feature once (only oceans carry several label points)', () => {
    const seen = new Map<string, MarineName>();
    const duplicates: string[] = [];
    for (const row of ROWS) {
      const earlier = seen.get(row.name.toLowerCase());
      if (earlier && !(earlier.kind === 'ocean' && row.kind === 'ocean')) duplicates.push(label(row));
      seen.set(row.name.toLowerCase(), row);
    }
    expect(duplicates).toEqual([]);
  });

  it('holds the names a briefer will look for', () => {
    const names = new Set(ROWS.map((row) => row.name));
    const mustHave = [
      'Pacific Ocean', 'Atlantic Ocean', 'Indian Ocean', 'Arctic Ocean', 'Southern Ocean',
      'Baltic Sea', 'Gulf of Finland', 'Gulf of Riga', 'Gulf of Bothnia', 'Bothnian Sea', 'Åland Sea',
      'Kattegat', 'Skagerrak', 'Øresund', 'North Sea', 'Norwegian Sea', 'Barents Sea', 'White Sea',
      'Kara Sea', 'Laptev Sea', 'English Channel', 'Strait of Dover', 'Irish Sea', 'Strait of Gibraltar',
      'Mediterranean Sea', 'Aegean Sea', 'Adriatic Sea', 'Tyrrhenian Sea', 'Ionian Sea',
      'Bosporus', 'Dardanelles', 'Sea of Marmara', 'Black Sea', 'Sea of Azov', 'Kerch Strait', 'Caspian Sea',
      'Red Sea', 'Gulf of Suez', 'Gulf of Aqaba', 'Bab-el-Mandeb', 'Gulf of Aden',
      'Persian Gulf (Arabian Gulf)', 'Strait of Hormuz', 'Gulf of Oman', 'Arabian Sea', 'Bay of Bengal',
      'Strait of Malacca', 'Singapore Strait', 'Sunda Strait', 'Lombok Strait', 'Makassar Strait',
      'South China Sea', 'Taiwan Strait', 'Luzon Strait', 'Bashi Channel', 'East China Sea',
      'Yellow Sea (West Sea)', 'Sea of Japan (East Sea)', 'Korea Strait', 'Tsushima Strait',
      'Tsugaru Strait', 'La Pérouse Strait', 'Strait of Tartary', 'Sea of Okhotsk', 'Bering Strait', 'Bering Sea',
      'Caribbean Sea', 'Gulf of Mexico (Gulf of America)', 'Straits of Florida', 'Gulf of Guinea', 'Mozambique Channel',
      'Coral Sea', 'Tasman Sea', 'Weddell Sea', 'Ross Sea', 'Drake Passage',
    ];
    expect(mustHave.filter((name) => !names.has(name))).toEqual([]);
  });

  it('writes disputed names in both forms, and never in one form alone', () => {
    const names = new Set(ROWS.map((row) => row.name));
    for (const [both, alone] of [
      ['Sea of Japan (East Sea)', ['Sea of Japan', 'East Sea', 'Japan Sea']],
      ['Yellow Sea (West Sea)', ['Yellow Sea', 'West Sea']],
      ['Persian Gulf (Arabian Gulf)', ['Persian Gulf', 'Arabian Gulf']],
    ] as const) {
      expect(names.has(both)).toBe(true);
      expect(alone.filter((name) => names.has(name))).toEqual([]);
    }
  });

  it('tells land from water correctly, across the antimeridian too', () => {
    // Land: Moscow, Denver, Sydney, Chukotka on both sides of 180°, Wrangel Island.
    for (const [lon, lat] of [[37.6, 55.75], [-104.99, 39.74], [151.2, -33.87], [177, 64.5], [-175, 66], [-179.5, 71.2]] as const) {
      expect(onLand(lon, lat), `${lon}, ${lat}`).toBe(true);
    }
    // Water: the Norwegian Sea and Denmark Strait (inside the band a wrapped ring would wrongly
    // fill), the Caspian Sea (a hole in Natural Earth's land), open Pacific.
    for (const [lon, lat] of [[3, 68], [-28, 66.8], [50.5, 42], [-140, -40]] as const) {
      expect(onLand(lon, lat), `${lon}, ${lat}`).toBe(false);
    }
  });

  it('puts every label point in water on Natural Earth 1:10m land', () => {
    // No exceptions are needed: the only inland sea in the table, the Caspian, is cut out of
    // Natural Earth's land as a hole, so its label point is tested like any other.
    const onLandRows = ROWS.filter((row) => onLand(row.lon, row.lat));
    expect(onLandRows.map(label)).toEqual([]);
  });
});
