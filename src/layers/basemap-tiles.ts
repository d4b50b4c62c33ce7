// Where the embedded basemap's archive is and how deep it goes: shared by the style (basemap.ts) and
// the build step that makes it (scripts/vite-basemap-tiles.ts). No imports, so the Vite config can
// load this file directly.

/** One PMTiles archive of vector tiles, relative to the page; read in HTTP ranges. */
export const BASEMAP_ARCHIVE_PATH = 'geo/basemap.pmtiles';
/**
 * Tiles exist to zoom 8, where a tile's 4,096 units are finer than Natural Earth 1:10m's own
 * precision (world-atlas quantises to 0.0036° of longitude): every source vertex is in the tiles,
 * and MapLibre overzooms them beyond.
 */
export const BASEMAP_MAX_ZOOM = 8;
