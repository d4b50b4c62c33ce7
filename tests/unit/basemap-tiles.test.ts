// The basemap's vector tiles, cut at build time from the committed GeoJSON (scripts/basemap-tiles.ts),
// decoded the way MapLibre decodes them.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { area, bbox, bboxClip } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutBasemapTiles } from '../../scripts/basemap-tiles';
import { BASEMAP_MAX_ZOOM, BASEMAP_TILE_LAYER_FILES } from '../../src/layers/basemap-tiles';
import { readJson } from './public-files';

const layers = Object.fromEntries(
  Object.entries(BASEMAP_TILE_LAYER_FILES).map(([layer, file]) => [layer, readJson(new URL(`../../public/${file}`, import.meta.url)) as GeoJSON.FeatureCollection]),
);

/** The z/x/y tile that holds a point. */
function tileOf(lon: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const radians = (lat * Math.PI) / 180;
  return [z, Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n)];
}

/** [west, south, east, north] of a tile. */
function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const lon = (x: number) => (x / 2 ** z) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

describe('the basemap vector tiles', () => {
  let tiles: Map<string, Uint8Array>;
  beforeAll(() => {
    tiles = cutBasemapTiles(layers, BASEMAP_MAX_ZOOM);
  });
  const decode = ([z, x, y]: [number, number, number]) => new VectorTile(new PbfReader(tiles.get(`${z}/${x}/${y}`)!));

  it('cover every tile of the pyramid to the maximum zoom, so MapLibre never meets a 404', () => {
    const expected = Array.from({ length: BASEMAP_MAX_ZOOM + 1 }, (_, z) => 4 ** z).reduce((sum, count) => sum + count, 0);
    expect(tiles.size).toBe(expected);
  });

  it('leave open ocean empty', () => {
    expect(tiles.get(tileOf(-140, -40, 4).join('/'))!.length).toBe(0);
  });

  it('hold both Koreas and their coast and border lines where Korea is', () => {
    const tile = decode(tileOf(127.5, 38.5, 5));
    const countries = tile.layers.countries!;
    const names = Array.from({ length: countries.length }, (_, i) => countries.feature(i).properties.name);
    expect(names).toEqual(expect.arrayContaining(['North Korea', 'South Korea']));
    const lines = tile.layers.lines!;
    const kinds = new Set(Array.from({ length: lines.length }, (_, i) => lines.feature(i).properties.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['border', 'coast']));
  });

  it("keep North Korea's area within 0.5% of its GeoJSON at the deepest zoom", () => {
    const source = layers.countries!.features.find((feature) => feature.properties?.name === 'North Korea')! as GeoJSON.Feature<GeoJSON.MultiPolygon | GeoJSON.Polygon>;
    const [west, south, east, north] = bbox(source);
    // North Korea spans several z6 tiles: add up its part in each, cut to the tile's own bounds
    // (tiles overlap by a small buffer).
    const [z, minX, minY] = tileOf(west, north, BASEMAP_MAX_ZOOM);
    const [, maxX, maxY] = tileOf(east, south, BASEMAP_MAX_ZOOM);
    let drawnArea = 0;
    for (let x = minX; x <= maxX; x++) {
      for (let y = minY; y <= maxY; y++) {
        const countries = decode([z, x, y]).layers.countries!;
        for (let i = 0; i < countries.length; i++) {
          if (countries.feature(i).properties.name !== 'North Korea') continue;
          const part = countries.feature(i).toGeoJSON(x, y, z) as GeoJSON.Feature<GeoJSON.MultiPolygon | GeoJSON.Polygon>;
          drawnArea += area(bboxClip(part, tileBounds(z, x, y)));
        }
      }
    }
    expect(Math.abs(drawnArea / area(source) - 1)).toBeLessThan(0.005);
  });
});
