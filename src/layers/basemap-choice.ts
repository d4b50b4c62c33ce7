// Which basemap the map draws: the embedded Natural Earth one (null), or an OpenStreetMap archive in
// the Protomaps schema (a deployment's, a user's file, or the briefing CLI's). No imports of the
// style library here: the store and the first frame need these types, not @protomaps/basemaps.
import type { LayerModule } from './types';

import type { BasemapFlavor } from '../data/basemap-flavors';

export { BASEMAP_FLAVORS, FLAVOR_TITLES, type BasemapFlavor } from '../data/basemap-flavors';

/** What an OSM archive was opened from: the build's own, a file the user chose, or a link's (?basemap=). */
export type ArchiveOrigin = 'deployment' | 'file' | 'link';

/** An opened archive, as the style needs it. */
export interface OpenedArchive {
  /** Shown in the picker: the file's name or the deployment's path. */
  name: string;
  origin: ArchiveOrigin;
  /** pmtiles://<key>/{z}/{x}/{y}, the key registered with the protocol. */
  tiles: string;
  minzoom: number;
  /** The archive's deepest zoom: MapLibre overzooms beyond it. */
  maxzoom: number;
}

/** The two modules an OSM basemap contributes, made by osm-basemap.ts (loaded on demand). */
export interface BasemapModules {
  /** Changes whenever the modules do: part of layersOf's cache key. */
  key: string;
  ground: LayerModule;
  labels: LayerModule;
}

/** The active OSM basemap; the store holds null for the embedded one. */
export interface ActiveBasemap {
  archive: OpenedArchive;
  flavor: BasemapFlavor;
  modules: BasemapModules;
}

/** One line for the footer of every image, slide and page: whose map is under the data. */
export const OSM_CREDIT = '© OpenStreetMap contributors (ODbL), style: Protomaps';
