import type { SliceCreator } from '../store';
import type { ActiveBasemap, BasemapFlavor } from '../../layers/basemap-choice';

export interface BasemapSlice {
  /** The OpenStreetMap archive under the data, or null: the embedded Natural Earth basemap. */
  basemap: ActiveBasemap | null;
  /** How an OSM basemap is drawn (a persisted preference). */
  basemapFlavor: BasemapFlavor;
  /**
   * The first basemap of the visit is still being worked out (a deployment's archive, a link's, the
   * file remembered from last time): the map waits, rather than draw the embedded one and start again.
   */
  basemapStarting: boolean;
  /** A file chosen on an earlier visit whose permission must be granted again, by a click. */
  reopenableBasemap: { name: string; reopen: () => Promise<void> } | null;
  setBasemap: (basemap: ActiveBasemap | null) => void;
  setBasemapFlavor: (flavor: BasemapFlavor) => void;
  setBasemapStarting: (starting: boolean) => void;
  setReopenableBasemap: (reopenable: BasemapSlice['reopenableBasemap']) => void;
}

export const createBasemapSlice: SliceCreator<BasemapSlice> = (set) => ({
  basemap: null,
  basemapFlavor: 'light',
  basemapStarting: true,
  reopenableBasemap: null,
  setBasemap: (basemap) => set({ basemap }),
  setBasemapFlavor: (basemapFlavor) => set({ basemapFlavor }),
  setBasemapStarting: (basemapStarting) => set({ basemapStarting }),
  setReopenableBasemap: (reopenableBasemap) => set({ reopenableBasemap }),
});
