// The page's main map, for the components that act on it (the legend, drawing, the export and
// scenario dialogs, the inset) without a global. MapView puts its map in once the map has loaded
// and takes it out before removing it; readers re-render when it comes or goes (as react-map-gl's
// MapProvider and useMap share their mounted maps). The holder is made outside React (main.tsx),
// so code that is not a component (the briefing CLI's hook, the handle main.tsx gives the tests) can
// read it or hear it change in the same task as MapView.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../data/slices/view';

/** Where the main map is kept: `null` until it has loaded, and again once it is removed. */
export interface MainMapHolder {
  get(): MapLibreMap | null;
  set(map: MapLibreMap | null): void;
  /** `listener` hears each change, synchronously; the returned function stops it. */
  subscribe(listener: (map: MapLibreMap | null) => void): () => void;
}

export function createMainMapHolder(): MainMapHolder {
  let current: MapLibreMap | null = null;
  const listeners = new Set<(map: MapLibreMap | null) => void>();
  return {
    get: () => current,
    set: (map) => {
      if (map === current) return;
      current = map;
      for (const listener of [...listeners]) listener(map);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const MainMapContext = createContext<MainMapHolder | null>(null);

export function MainMapProvider({ holder, children }: { holder: MainMapHolder; children: ReactNode }) {
  return <MainMapContext.Provider value={holder}>{children}</MainMapContext.Provider>;
}

/** The holder itself: MapView fills it. `null` outside a MainMapProvider. */
export function useMainMapHolder(): MainMapHolder | null {
  return useContext(MainMapContext);
}

const noHolder = () => () => {};

/** The main map once it has loaded, else `null`; the component re-renders when it is made or removed. */
export function useMainMap(): MapLibreMap | null {
  const holder = useContext(MainMapContext);
  return useSyncExternalStore(holder?.subscribe ?? noHolder, () => holder?.get() ?? null);
}

/** What a map shows now, [west, south, east, north]. */
export function shownBounds(map: MapLibreMap): Bounds {
  const bounds = map.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}
