// Vite plugin: the basemap's vector tiles (scripts/basemap-tiles.ts) are written into the build
// under geo/basemap/{z}/{x}/{y}.pbf, and served from memory by the dev server. Nothing derived
// is committed: the tiles are always cut from the GeoJSON in public/geo/ of this checkout.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { BASEMAP_MAX_ZOOM, BASEMAP_TILES_PATH, BASEMAP_TILE_LAYER_FILES } from '../src/layers/basemap-tiles.ts';
import { cutBasemapTiles } from './basemap-tiles.ts';

function cutFromPublicGeo(root: string): Map<string, Uint8Array> {
  const layers = Object.fromEntries(
    Object.entries(BASEMAP_TILE_LAYER_FILES).map(([layer, file]) => [layer, JSON.parse(readFileSync(`${root}/public/${file}`, 'utf8')) as GeoJSON.FeatureCollection]),
  );
  return cutBasemapTiles(layers, BASEMAP_MAX_ZOOM);
}

export function basemapTiles(): Plugin {
  let root = process.cwd();
  let tiles: Map<string, Uint8Array> | null = null;
  const allTiles = () => (tiles ??= cutFromPublicGeo(root));
  return {
    name: 'tripwire-basemap-tiles',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // Cut again when the basemap GeoJSON changes (npm run geo:basemap while `npm run dev` runs).
      server.watcher.on('change', (path) => {
        if (Object.values(BASEMAP_TILE_LAYER_FILES).some((file) => path.endsWith(file))) tiles = null;
      });
      server.middlewares.use(`/${BASEMAP_TILES_PATH}/`, (request, response, next) => {
        const key = request.url?.match(/^\/(\d+\/\d+\/\d+)\.pbf$/)?.[1];
        const tile = key ? allTiles().get(key) : undefined;
        if (!tile) return next();
        response.setHeader('Content-Type', 'application/x-protobuf');
        response.end(tile);
      });
    },
    generateBundle() {
      for (const [key, source] of allTiles()) this.emitFile({ type: 'asset', fileName: `${BASEMAP_TILES_PATH}/${key}.pbf`, source });
    },
  };
}
