// A small OpenStreetMap-like archive in the Protomaps basemap schema ("v4"), made by the tests
// themselves: a square of land with two named roads and two towns around (24.75°E, 59.43°N), cut
// into vector tiles for zooms 0–14, only the tiles that hold something. The names are made up, so
// finding one on the map can only mean it came from this archive.
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { writePmtiles } from '../scripts/geo/pmtiles-writer.ts';

export const TEST_ARCHIVE_CENTER: [number, number] = [24.75, 59.43];
const [WEST, SOUTH, EAST, NORTH] = [24.6, 59.35, 24.9, 59.5];
export const TEST_ROADS = ['Quillon Avenue', 'Brindlemoor Street'];
export const TEST_TOWNS = ['Osterwyck', 'Pellham Vale'];
const MAX_ZOOM = 14;
const EXTENT = 4096;

const feature = (geometry: GeoJSON.Geometry, properties: Record<string, unknown>): GeoJSON.Feature => ({ type: 'Feature', geometry, properties });
const collection = (features: GeoJSON.Feature[]): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features });
const [lon, lat] = TEST_ARCHIVE_CENTER;

/** The properties Protomaps' style filters on: roads by kind/kind_detail, places by kind, min_zoom and population_rank. */
const LAYERS: Record<string, GeoJSON.FeatureCollection> = {
  earth: collection([feature({ type: 'Polygon', coordinates: [[[WEST, SOUTH], [EAST, SOUTH], [EAST, NORTH], [WEST, NORTH], [WEST, SOUTH]]] }, { kind: 'earth' })]),
  water: collection([feature({ type: 'Polygon', coordinates: [[[lon + 0.08, lat + 0.02], [lon + 0.13, lat + 0.02], [lon + 0.13, lat + 0.05], [lon + 0.08, lat + 0.05], [lon + 0.08, lat + 0.02]]] }, { kind: 'lake', name: 'Test Mere' })]),
  roads: collection([
    feature({ type: 'LineString', coordinates: [[lon - 0.1, lat - 0.004], [lon + 0.1, lat + 0.004]] }, { kind: 'major_road', kind_detail: 'primary', name: TEST_ROADS[0], min_zoom: 7 }),
    feature({ type: 'LineString', coordinates: [[lon - 0.006, lat - 0.03], [lon + 0.006, lat + 0.03]] }, { kind: 'minor_road', kind_detail: 'residential', name: TEST_ROADS[1], min_zoom: 12 }),
  ]),
  places: collection([
    feature({ type: 'Point', coordinates: [lon - 0.02, lat + 0.012] }, { kind: 'locality', kind_detail: 'town', name: TEST_TOWNS[0], population: 20000, population_rank: 9, min_zoom: 8 }),
    feature({ type: 'Point', coordinates: [lon + 0.025, lat - 0.014] }, { kind: 'locality', kind_detail: 'village', name: TEST_TOWNS[1], population: 3000, population_rank: 6, min_zoom: 10 }),
  ]),
};

function tileRange(z: number): { x: [number, number]; y: [number, number] } {
  const n = 2 ** z;
  const x = (longitude: number) => Math.floor(((longitude + 180) / 360) * n);
  const y = (latitude: number) => {
    const radians = (latitude * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n);
  };
  return { x: [x(WEST), x(EAST)], y: [y(NORTH), y(SOUTH)] };
}

/** The archive's bytes: gzipped MVT tiles, with the vector_layers metadata a real extract carries. */
export function makeOsmTestArchive(): Uint8Array {
  const indexes = Object.entries(LAYERS).map(([name, data]) => [name, new GeoJSONVT(data, { maxZoom: MAX_ZOOM, indexMaxZoom: 0, extent: EXTENT, buffer: 64 })] as const);
  const tiles = new Map<string, Uint8Array>();
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const range = tileRange(z);
    for (let x = range.x[0]; x <= range.x[1]; x++) {
      for (let y = range.y[0]; y <= range.y[1]; y++) {
        const layers: Record<string, unknown> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) layers[name] = tile;
        }
        if (Object.keys(layers).length > 0) tiles.set(`${z}/${x}/${y}`, gzipSync(fromGeojsonVt(layers as never, { version: 2, extent: EXTENT })));
      }
    }
  }
  return writePmtiles(tiles, {
    tileType: 'mvt',
    tilesGzipped: true,
    minZoom: 0,
    maxZoom: MAX_ZOOM,
    bounds: [WEST, SOUTH, EAST, NORTH],
    center: [lon, lat, 12],
    metadata: { vector_layers: Object.keys(LAYERS).map((id) => ({ id, fields: {} })), attribution: '© OpenStreetMap contributors (test data)' },
  });
}
