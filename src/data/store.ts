// The one store. It knows nothing of MapLibre: src/map/sync.ts subscribes to it and pushes the
// few values the map needs (global state, feature state, visibility).
import { createStore } from 'zustand/vanilla';
import { persist, subscribeWithSelector } from 'zustand/middleware';
import { useStore as useZustandStore, type StateCreator } from 'zustand';
import { createDataSlice, type DataSlice } from './slices/data';
import { createTimelineSlice, type TimelineSlice } from './slices/timeline';
import { createSelectionSlice, type SelectionSlice } from './slices/selection';
import { createLayersSlice, type LayersSlice } from './slices/layers';
import { createFiltersSlice, type FiltersSlice } from './slices/filters';
import { createViewSlice, type ViewSlice } from './slices/view';
import { createEditingSlice, type EditingSlice } from './slices/editing';
import { createBasemapSlice, type BasemapSlice } from './slices/basemap';
import { createDialogSlice, type DialogSlice } from './slices/dialog';
import { createTeamSlice, type TeamSlice } from './slices/team';
import { createPresenceSlice, type PresenceSlice } from './slices/presence';
import { createHistorySlice, type HistorySlice } from './slices/history';
import { persistOptions, type PersistenceReport } from './persistence';
import { setScenarioCategories } from './vocabulary';

export type StoreState = DataSlice & TimelineSlice & SelectionSlice & LayersSlice & FiltersSlice & ViewSlice & EditingSlice & BasemapSlice & DialogSlice & TeamSlice & PresenceSlice & HistorySlice;

/** How every slice is typed: the store has subscribeWithSelector and persist around it. */
export type SliceCreator<T> = StateCreator<StoreState, [['zustand/subscribeWithSelector', never], ['zustand/persist', unknown]], [], T>;

/** `storage`: where preferences persist (localStorage in the app; none in unit tests). Imports: src/storage. */
export function createTripwireStore({ storage }: { storage?: Storage } = {}) {
  let report: PersistenceReport | null = null;
  const created = createStore<StoreState>()(
    subscribeWithSelector(
      persist(
        (...args) => ({
          ...createDataSlice(...args),
          ...createTimelineSlice(...args),
          ...createSelectionSlice(...args),
          ...createLayersSlice(...args),
          ...createFiltersSlice(...args),
          ...createViewSlice(...args),
          ...createEditingSlice(...args),
          ...createBasemapSlice(...args),
          ...createDialogSlice(...args),
          ...createTeamSlice(...args),
          ...createPresenceSlice(...args),
          ...createHistorySlice(...args),
        }),
        persistOptions(storage, () => report),
      ),
    ),
  );
  report = {
    notice: (text) => created.getState().addNotice(text),
    setAside: (raw) => created.setState({ setAsideData: raw }),
  };
  void created.persist.rehydrate(); // synchronous with localStorage: preferences are back before the first render
  // Subscribed before any panel: the scenario's category names and colours are in place before they render.
  created.subscribe((state) => state.scenario?.categories, setScenarioCategories, { fireImmediately: true });
  return created;
}

export type TripwireStore = ReturnType<typeof createTripwireStore>;

export const browserStorage = (): Storage | undefined => {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined; // storage disabled by the browser's privacy settings
  }
};

/** The app's store (tests make their own with createTripwireStore). */
export const store = createTripwireStore({ storage: browserStorage() });

export function useStore<T>(selector: (state: StoreState) => T): T {
  return useZustandStore(store, selector);
}
