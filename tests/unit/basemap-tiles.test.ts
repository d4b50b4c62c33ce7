// The embedded basemap archive, as the build makes it (scripts/vite-basemap-tiles.ts, from its cache),
// read with the npm `pmtiles` reader and decoded the way MapLibre decodes tiles.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { createRequire } from 'node:module';
import { mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { area, bbox, bboxClip } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOrBuildBasemapArchive } from '../../scripts/vite-basemap-tiles';
import { sourceCountries } from '../../scripts/geo/basemap-ground';
import { BASEMAP_MAX_ZOOM } from '../../src/layers/basemap-tiles';

const ROOT = new URL('../../', import.meta.url).pathname;
const EXTENT = 4096;

function inMemory(bytes: Uint8Array): Source {
  return { getKey: () => 'basemap', getBytes: async (offset, length) => ({ data: Uint8Array.from(bytes.subarray(offset, offset + length)).buffer }) };
}

/** Where a point falls at a zoom, in tile-units of the whole world (4,096 per tile). */
function worldUnits(lon: number, lat: number, z: number): [number, number] {
  const radians = (lat * Math.PI) / 180;
  const size = 2 ** z * EXTENT;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * size];
}

/** [west, south, east, north] of a tile. */
function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const lon = (x: number) => (x / 2 ** z) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** Four windows far from the built-in scenario's two theatres, on four continents, with hard coasts. */
const WINDOWS: Record<string, [number, number, number, number]> = {
  'the Baltic (Europe)': [17, 56, 30, 61],
  'the Bab-el-Mandeb and Gulf of Aden (Africa, Arabia)': [41, 10, 46, 15],
  "Chile's fjords (South America)": [-76, -46, -72, -41],
  'the Florida Straits and Bahamas (North America)': [-82, 22, -76, 27],
};

describe('the embedded basemap archive', () => {
  let archive: PMTiles;
  const decoded = new Map<string, VectorTile | null>();
  async function tile(z: number, x: number, y: number): Promise<VectorTile | null> {
    const key = `${z}/${x}/${y}`;
    if (!decoded.has(key)) {
      const found = await archive.getZxy(z, x, y);
      decoded.set(key, found ? new VectorTile(new PbfReader(new Uint8Array(found.data))) : null);
    }
    return decoded.get(key)!;
  }
  const featuresOf = (vectorTile: VectorTile | null, layer: string) => {
    const found = vectorTile?.layers[layer];
    return found ? Array.from({ length: found.length }, (_, i) => found.feature(i)) : [];
  };

  beforeAll(() => {
    archive = new PMTiles(inMemory(readOrBuildBasemapArchive(ROOT)));
  }, 300_000);

  it('is a vector archive from zoom 0 to the deepest zoom', async () => {
    const header = await archive.getHeader();
    expect([header.tileType, header.minZoom, header.maxZoom]).toEqual([1, 0, BASEMAP_MAX_ZOOM]);
  });

  it.each(Object.entries(WINDOWS))("keeps 95 per cent or more of Natural Earth 1:10m's coastline vertices in %s at the deepest zoom", async (_name, [west, south, east, north]) => {
    const require = createRequire(import.meta.url);
    const topology = require('world-atlas/countries-10m.json') as Topology;
    const coast = mesh(topology, topology.objects.countries as GeometryCollection, (a, b) => a === b);
    const sourceVertices = coast.coordinates.flat().filter(([lon, lat]) => lon! >= west && lon! <= east && lat! >= south && lat! <= north);
    expect(sourceVertices.length).toBeGreaterThan(500);
    const z = BASEMAP_MAX_ZOOM;
    // Every vertex the tiles draw, in world units, on a grid of one unit.
    const drawn = new Set<string>();
    const [minX, minY] = worldUnits(west, north, z).map((units) => Math.floor(units / EXTENT));
    const [maxX, maxY] = worldUnits(east, south, z).map((units) => Math.floor(units / EXTENT));
    for (let x = minX!; x <= maxX!; x++) {
      for (let y = minY!; y <= maxY!; y++) {
        for (const line of featuresOf(await tile(z, x, y), 'lines')) {
          if (line.properties.kind !== 'coast') continue;
          for (const part of line.loadGeometry()) for (const point of part) drawn.add(`${x * EXTENT + point.x},${y * EXTENT + point.y}`);
        }
      }
    }
    const kept = sourceVertices.filter(([lon, lat]) => {
      const [ux, uy] = worldUnits(lon!, lat!, z);
      for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) if (drawn.has(`${Math.round(ux) + dx},${Math.round(uy) + dy}`)) return true;
      return false;
    });
    expect(kept.length / sourceVertices.length).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it('names the capitals, the seas and the countries of a region far from the built-in scenario (the Gulf of Finland at zoom 5)', async () => {
    const names = new Set<string>();
    const [x0, y0] = worldUnits(22, 63.5, 5).map((units) => Math.floor(units / EXTENT));
    const [x1, y1] = worldUnits(30, 58, 5).map((units) => Math.floor(units / EXTENT));
    for (let x = x0!; x <= x1!; x++) for (let y = y0!; y <= y1!; y++) for (const place of featuresOf(await tile(5, x, y), 'places')) if (Number(place.properties.minzoom) <= 5) names.add(String(place.properties.name));
    expect([...names]).toEqual(expect.arrayContaining(['Helsinki', 'Tallinn', 'Saint Petersburg', 'Gulf of Finland', 'Finland', 'Estonia']));
  });

  it('draws the line across Crimea as disputed, not as a border', async () => {
    const [x, y] = worldUnits(34, 46, 6).map((units) => Math.floor(units / EXTENT));
    const kinds = featuresOf(await tile(6, x!, y!), 'lines').map((line) => line.properties.kind);
    expect(kinds).toContain('disputed');
  });

  it("keeps North Korea's area within 0.5% of the source at the deepest zoom", async () => {
    const source = sourceCountries().features.find((feature) => feature.properties?.name === 'North Korea')! as GeoJSON.Feature<GeoJSON.MultiPolygon | GeoJSON.Polygon>;
    const [west, south, east, north] = bbox(source);
    const z = BASEMAP_MAX_ZOOM;
    const [minX, minY] = worldUnits(west, north, z).map((units) => Math.floor(units / EXTENT));
    const [maxX, maxY] = worldUnits(east, south, z).map((units) => Math.floor(units / EXTENT));
    let drawnArea = 0;
    for (let x = minX!; x <= maxX!; x++) {
      for (let y = minY!; y <= maxY!; y++) {
        for (const country of featuresOf(await tile(z, x, y), 'countries')) {
          if (country.properties.name !== 'North Korea') continue;
          drawnArea += area(bboxClip(country.toGeoJSON(x, y, z) as GeoJSON.Feature<GeoJSON.Polygon>, tileBounds(z, x, y)));
        }
      }
    }
    expect(Math.abs(drawnArea / area(source) - 1)).toBeLessThan(0.005);
  }, 60_000);
});
