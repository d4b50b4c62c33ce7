// Cuts the embedded basemap (public/geo/basemap-*.geojson) into Mapbox vector tiles at build time.
//
// Why: loading the basemap as two GeoJSON files made MapLibre's worker parse 1.7 MB and index it
// before the first frame. Pre-cut tiles let the default view fetch and decode a handful of small
// tiles instead: first complete frame 1.62 s → 1.33 s (medians, 8 interleaved cold loads,
// BENCHMARKS.md). The GeoJSON stays the committed source of truth; the tiles are derived from it
// by the same library MapLibre itself uses for GeoJSON sources (@maplibre/geojson-vt), with
// MapLibre's own defaults, so up to BASEMAP_MAX_ZOOM the shapes are those the GeoJSON source drew.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

/** Tile extent and simplification as MapLibre's GeoJSON source uses them (0.375 px of 512, buffer 128 of 8192). */
const EXTENT = 4096;
const TOLERANCE = 3;
const BUFFER = 64;

/** Every tile of the pyramid, keyed "z/x/y". Tiles with no shapes are empty (0 bytes), not missing, so no request 404s. */
export function cutBasemapTiles(layers: Record<string, GeoJSON.FeatureCollection>, maxZoom: number): Map<string, Uint8Array> {
  const indexes = Object.entries(layers).map(
    ([name, collection]) => [name, new GeoJSONVT(collection, { maxZoom, indexMaxZoom: 0, tolerance: TOLERANCE, extent: EXTENT, buffer: BUFFER })] as const,
  );
  const tiles = new Map<string, Uint8Array>();
  for (let z = 0; z <= maxZoom; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const tileLayers = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile && tile.features.length > 0 ? [[name, tile]] : [];
          }),
        );
        tiles.set(`${z}/${x}/${y}`, Object.keys(tileLayers).length > 0 ? fromGeojsonVt(tileLayers, { version: 2, extent: EXTENT }) : new Uint8Array(0));
      }
    }
  }
  return tiles;
}
