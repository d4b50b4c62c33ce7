// Where the basemap's vector tiles are and what they hold: shared by the style (basemap.ts) and
// the build step that cuts them (scripts/vite-basemap-tiles.ts). No imports, so the Vite config
// can load this file directly.

/** Each vector tile layer and the GeoJSON (under public/) it is cut from. */
export const BASEMAP_TILE_LAYER_FILES = { countries: 'geo/basemap-countries.geojson', lines: 'geo/basemap-lines.geojson' } as const;
export const BASEMAP_TILES_PATH = 'geo/basemap';
/** Tiles exist to zoom 6 (Natural Earth 1:10m holds no finer detail); MapLibre overzooms them beyond. */
export const BASEMAP_MAX_ZOOM = 6;
