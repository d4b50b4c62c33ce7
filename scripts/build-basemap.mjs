// Builds the embedded, offline basemap under public/geo/ from Natural Earth (public domain),
// as shipped in TopoJSON by the npm package `world-atlas`.
//
// Why TopoJSON simplification: simplifying the shared arcs (rather than each country's GeoJSON)
// keeps neighbouring borders identical, so there are no slivers or gaps between countries.
// Why mixed resolution: the analyst's theaters (East Asia, Ukraine/western Russia) keep Natural
// Earth's 1:10m detail; the rest of the world is thinned hard so the default view loads fast.
//
// Output (committed): basemap-countries.geojson (polygons), basemap-lines.geojson (coast and
// land borders as separate features), basemap-labels.geojson (countries, seas, cities).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import { BASEMAP_LABELS } from './basemap-labels.mjs';

const require = createRequire(import.meta.url);
const OUT = new URL('../public/geo/', import.meta.url);

/** Windows kept at full 1:10m detail, [west, south, east, north] in degrees. */
const DETAIL_WINDOWS = [
  [100, 18, 160, 56], // East Asia: China coast, Koreas, Japan, Russian Far East, Kurils
  [22, 44, 50, 58], // Ukraine and western Russia (Bakhmut, Moscow, Kubinka)
];
/** Minimum triangle area (planar degrees²) a vertex must span to survive. */
const DETAIL_MIN_WEIGHT = 3e-5; // inside the windows: nearly everything kept
const COARSE_MIN_WEIGHT = 2e-2; // elsewhere: roughly 1:110m-like
/** Islands smaller than this (km², approx.) are dropped outside the windows. */
const COARSE_MIN_ISLAND_KM2 = 300;

const inWindow = ([lon, lat]) =>
  DETAIL_WINDOWS.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n);

const topology = presimplify(
  JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')),
);

// presimplify returns absolute [lon, lat, weight] arcs; raising the bar outside the detail
// windows is just zeroing the weight of light vertices there before one simplify pass.
for (const arc of topology.arcs) {
  for (const point of arc) {
    if (!inWindow(point) && point[2] < COARSE_MIN_WEIGHT) point[2] = 0;
  }
}
const simplified = simplify(topology, DETAIL_MIN_WEIGHT);

// 0.001° is about 100 m: finer than a 1:10m source can honestly claim.
const round = (value) => Math.round(value * 1e3) / 1e3;
const roundCoordinates = (coordinates) =>
  typeof coordinates[0] === 'number'
    ? [round(coordinates[0]), round(coordinates[1])]
    : coordinates.map(roundCoordinates);

/** Rough planar area of a ring in km², good enough to drop specks of land. */
function ringAreaKm2(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  const latitude = ring[0][1];
  return Math.abs(sum / 2) * 111 * 111 * Math.cos((latitude * Math.PI) / 180);
}

function keepPolygon(polygon) {
  const outer = polygon[0];
  return outer.some(inWindow) || ringAreaKm2(outer) >= COARSE_MIN_ISLAND_KM2;
}

/** Drops degenerate rings left by simplification and specks outside the windows. */
function cleanGeometry(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons
    .map((polygon) => polygon.filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0 && keepPolygon(polygon))
    .map(roundCoordinates);
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

const NATURAL_EARTH = 'Natural Earth 1:10m/1:110m admin-0 countries (public domain), via world-atlas 2.0.2';

const countries = feature(simplified, simplified.objects.countries).features
  .map((country) => ({
    type: 'Feature',
    properties: { name: country.properties.name, isoNumeric: country.id ?? null },
    geometry: cleanGeometry(country.geometry),
  }))
  .filter((country) => country.geometry !== null)
  .sort((a, b) => a.properties.name.localeCompare(b.properties.name));

/** Lines outside the windows shorter than this (degrees of arc) are the coasts of dropped specks. */
const COARSE_MIN_LINE_DEGREES = 2;
const lineLength = (points) =>
  points.slice(1).reduce((sum, [x, y], i) => sum + Math.hypot(x - points[i][0], y - points[i][1]), 0);
const keepLine = (points) => points.some(inWindow) || lineLength(points) >= COARSE_MIN_LINE_DEGREES;

const line = (kind, geometry) => ({
  type: 'Feature',
  properties: { kind },
  geometry: {
    type: 'MultiLineString',
    coordinates: roundCoordinates(geometry.coordinates.filter(keepLine)),
  },
});
const countriesObject = simplified.objects.countries;
const isPair = (a, b, first, second) =>
  (a.properties.name === first && b.properties.name === second) ||
  (a.properties.name === second && b.properties.name === first);
const isRussiaUkraine = (a, b) => isPair(a, b, 'Russia', 'Ukraine');

// Natural Earth draws de facto control, so Crimea is inside "Russia". A briefing map must not
// silently endorse that: the isthmus line (south of 46.5°N, west of 36.7°E) is drawn as disputed.
const inCrimea = ([lon, lat]) => lat < 46.5 && lon > 32 && lon < 36.7;
const russiaUkraine = mesh(simplified, countriesObject, isRussiaUkraine).coordinates;
const crimeaLine = { coordinates: russiaUkraine.filter((points) => points.every(inCrimea)) };
const otherBorders = mesh(simplified, countriesObject, (a, b) => a !== b && !isRussiaUkraine(a, b));
otherBorders.coordinates.push(...russiaUkraine.filter((points) => !points.every(inCrimea)));

const lines = [
  line('coast', mesh(simplified, countriesObject, (a, b) => a === b)),
  line('border', otherBorders),
  line('disputed', crimeaLine),
];

function write(name, features, extra = {}) {
  const collection = { type: 'FeatureCollection', source: NATURAL_EARTH, ...extra, features };
  const text = JSON.stringify(collection);
  writeFileSync(new URL(name, OUT), text + '\n');
  console.log(`${name}: ${features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
}

write('basemap-countries.geojson', countries);

// North Korea's outline at full 1:10m detail, unsimplified: the app measures distances to its
// coast with Turf (Alsom Island, "roughly 11 miles" offshore), so it must not be generalised.
const fullDetail = feature(topology, topology.objects.countries).features;
const northKorea = fullDetail.find((country) => country.properties.name === 'North Korea');
write('reference.geojson', [
  {
    type: 'Feature',
    properties: {
      id: 'north-korea-outline',
      name: 'North Korea (outline)',
      kind: 'reference',
      source: NATURAL_EARTH,
      sourceUrl: 'https://www.naturalearthdata.com/',
      notes: 'Natural Earth 1:10m, not simplified; used only for measurements, not drawn.',
    },
    geometry: { type: northKorea.geometry.type, coordinates: roundCoordinates(northKorea.geometry.coordinates) },
  },
]);
write('basemap-lines.geojson', lines);
write('basemap-labels.geojson', BASEMAP_LABELS, {
  source: 'Label positions placed by hand for legibility; city coordinates from GeoNames',
});
