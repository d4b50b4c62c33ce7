import type { StateCreator } from 'zustand';
import type { StoreState } from '../store';
import type { Actor, Category } from '../vocabulary';

export interface Filters {
  /** Empty = every category. */
  categories: Category[];
  /** Empty = every actor; otherwise events involving any of these. */
  actors: Actor[];
  text: string;
}

export interface FiltersSlice {
  filters: Filters;
  setFilters: (filters: Partial<Filters>) => void;
}

export const NO_FILTERS: Filters = { categories: [], actors: [], text: '' };

export const createFiltersSlice: StateCreator<StoreState, [['zustand/subscribeWithSelector', never]], [], FiltersSlice> = (set) => ({
  filters: NO_FILTERS,
  setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
});
