// The one store. It knows nothing of MapLibre: src/map/sync.ts subscribes to it and pushes the
// few values the map needs (global state, feature state, visibility).
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { useStore as useZustandStore } from 'zustand';
import { createDataSlice, type DataSlice } from './slices/data';
import { createTimelineSlice, type TimelineSlice } from './slices/timeline';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createLayersSlice, type LayersSlice } from './slices/layers';
import { createFiltersSlice, type FiltersSlice } from './slices/filters';
import { createViewSlice, type ViewSlice } from './slices/view';

export type StoreState = DataSlice & TimelineSlice & SelectionSlice & LayersSlice & FiltersSlice & ViewSlice;

export function createTripwireStore() {
  return createStore<StoreState>()(
    subscribeWithSelector((...args) => ({
      ...createDataSlice(...args),
      ...createTimelineSlice(...args),
      ...createSelectionSlice(...args),
      ...createLayersSlice(...args),
      ...createFiltersSlice(...args),
      ...createViewSlice(...args),
    })),
  );
}

export type TripwireStore = ReturnType<typeof createTripwireStore>;

/** The app's store (tests make their own with createTripwireStore). */
export const store = createTripwireStore();

export function useStore<T>(selector: (state: StoreState) => T): T {
  return useZustandStore(store, selector);
}
