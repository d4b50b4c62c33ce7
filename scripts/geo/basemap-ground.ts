// The basemap's ground: every country, coast and land border in the world from Natural Earth 1:10m
// (public domain) as shipped in TopoJSON by the npm package `world-atlas`, and the lakes and major
// rivers of GSHHG (committed under scripts/geo/data by extract-gshhg.mjs, from Debian's gmt-gshhg).
//
// Why TopoJSON: coasts and borders come from shared arcs (each drawn once, no double lines), and
// the generalised copy for the low zooms is simplified on those arcs, so neighbours keep one border
// between them and no slivers open. The deepest zoom takes the source unsimplified.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const DATA = new URL('./data/', import.meta.url);

export const NATURAL_EARTH_SOURCE = 'Natural Earth 1:10m admin-0 countries (public domain), via world-atlas 2.0.2';

type Collection = GeoJSON.FeatureCollection;
export type GroundLayers = { countries: Collection; lines: Collection; water: Collection; rivers: Collection };

/**
 * Conventions a briefing map keeps where Natural Earth draws de facto control: the line across
 * Crimea's isthmus (south of 46.5°N, between 32° and 36.7°E) on the Russia–Ukraine border is drawn
 * as disputed, not as an ordinary border.
 */
const isCrimeaIsthmus = (points: GeoJSON.Position[]) => points.every(([lon, lat]) => lat! < 46.5 && lon! > 32 && lon! < 36.7);
const namesAre = (a: GeometryObject, b: GeometryObject, first: string, second: string) => {
  const [x, y] = [(a.properties as { name: string }).name, (b.properties as { name: string }).name];
  return (x === first && y === second) || (x === second && y === first);
};

function readTopology(): Topology {
  return JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
}

function linesOf(topology: Topology): Collection {
  const countries = topology.objects.countries as GeometryCollection;
  const isRussiaUkraine = (a: GeometryObject, b: GeometryObject) => namesAre(a, b, 'Russia', 'Ukraine');
  const russiaUkraine = mesh(topology, countries, isRussiaUkraine).coordinates;
  const borders = mesh(topology, countries, (a, b) => a !== b && !isRussiaUkraine(a, b)).coordinates;
  const line = (kind: string, coordinates: GeoJSON.Position[][]): GeoJSON.Feature => ({
    type: 'Feature',
    properties: { kind },
    geometry: { type: 'MultiLineString', coordinates: coordinates.flatMap(splitAtAntimeridian) },
  });
  return {
    type: 'FeatureCollection',
    features: [
      line('coast', mesh(topology, countries, (a, b) => a === b).coordinates),
      line('border', [...borders, ...russiaUkraine.filter((points) => !isCrimeaIsthmus(points))]),
      line('disputed', russiaUkraine.filter(isCrimeaIsthmus)),
    ],
  };
}

// world-atlas is made for spherical geometry (d3-geo): a ring cut at the antimeridian steps from
// 179.9°E to 180°W and back (Chukotka, Wrangel Island, Fiji). Drawn flat, that step is an edge
// across the whole world, and Russia fills a band over Alaska and Canada. The cut is put back on
// the ring's own side, and lines are broken where they step across.
const crossesAntimeridian = (a: GeoJSON.Position, b: GeoJSON.Position) => Math.abs(a[0]! - b[0]!) > 180;

function onOneSide(ring: GeoJSON.Position[]): GeoJSON.Position[] {
  if (!ring.some((point, i) => i > 0 && crossesAntimeridian(ring[i - 1]!, point))) return ring;
  const inner = ring.filter(([lon]) => Math.abs(lon!) < 180).map(([lon]) => lon!);
  // A ring round the pole (Antarctica) spans every longitude: flat, it is already right.
  if (Math.max(...inner) - Math.min(...inner) > 350) return ring;
  const side = inner.reduce((sum, lon) => sum + lon, 0) >= 0 ? 180 : -180;
  return ring.map(([lon, lat]) => (Math.abs(lon!) === 180 ? [side, lat!] : [lon!, lat!]));
}

function splitAtAntimeridian(line: GeoJSON.Position[]): GeoJSON.Position[][] {
  const parts: GeoJSON.Position[][] = [[]];
  line.forEach((point, i) => {
    if (i > 0 && crossesAntimeridian(line[i - 1]!, point)) parts.push([]);
    parts.at(-1)!.push(point);
  });
  // The cut itself, a line straight along ±180°, is no coast.
  return parts.filter((part) => part.length >= 2 && !part.every(([lon]) => Math.abs(lon!) === 180));
}

function countriesOf(topology: Topology): Collection {
  const collection = feature(topology, topology.objects.countries as GeometryCollection) as Collection;
  return {
    type: 'FeatureCollection',
    features: collection.features
      .filter((country) => country.geometry)
      .map((country) => {
        const geometry = country.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
        const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
        return {
          type: 'Feature',
          properties: { name: (country.properties as { name: string }).name },
          geometry: { type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map(onOneSide)) },
        };
      }),
  };
}

/** The GSHHG extracts, committed (a checkout without them is broken, and the build says so). */
const readCommitted = (name: string) => JSON.parse(readFileSync(new URL(name, DATA), 'utf8')) as Collection;

/** Every country at the source's full detail (the deepest band's; the tests measure against it). */
export const sourceCountries = (): Collection => countriesOf(readTopology());

/** A range of zooms cut from one version of the ground. */
export interface GroundBand {
  maxZoom: number;
  layers: GroundLayers;
}

/** A pixel's side in degrees of longitude at a zoom (512-px tiles). */
const pixelDegrees = (zoom: number) => 360 / (512 * 2 ** zoom);

/**
 * The ground in three bands of zoom. Up to zoom 2 and up to zoom 5 it is simplified on the shared
 * arcs (Visvalingam weight under a quarter pixel squared at the band's deepest zoom) and islands
 * under two pixels square are dropped; lakes and rivers too small to see there are left out. From
 * zoom 6 to 8 it is the source as it is: every vertex, every island, every lake and river.
 */
export function groundBands(): GroundBand[] {
  const topology = readTopology();
  const lakes = readCommitted('gshhg-lakes.geojson');
  const rivers = readCommitted('gshhg-rivers.geojson');
  // Weighed once (presimplify copies the arcs); each band keeps the vertices above its own weight.
  const presimplified = presimplify(topology as never);
  const generalisedFor = (maxZoom: number, minLakeKm2: number, maxRiverLevel: number): GroundBand => {
    const simplified = simplify(presimplified, (pixelDegrees(maxZoom) / 4) ** 2);
    const filtered = filter(simplified, filterWeight(simplified, (2 * pixelDegrees(maxZoom)) ** 2)) as unknown as Topology;
    return {
      maxZoom,
      layers: {
        countries: countriesOf(filtered),
        lines: linesOf(filtered),
        water: only(lakes, (properties) => Number(properties.areaKm2) >= minLakeKm2),
        rivers: only(rivers, (properties) => Number(properties.level) <= maxRiverLevel),
      },
    };
  };
  return [
    generalisedFor(2, 5000, 0),
    generalisedFor(5, 300, 1),
    { maxZoom: 8, layers: { countries: countriesOf(topology), lines: linesOf(topology), water: lakes, rivers } },
  ];
}

const only = (collection: Collection, keep: (properties: Record<string, unknown>) => boolean): Collection => ({
  ...collection,
  features: collection.features.filter((feature) => keep(feature.properties ?? {})),
});
