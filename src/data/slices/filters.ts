import type { SliceCreator } from '../store';

export interface Filters {
  /** Empty = every category. */
  categories: string[];
  /** Empty = every actor; otherwise events involving any of these. */
  actors: string[];
  /** Empty = every status (reported, alleged, …): a briefer may show the confirmed alone. */
  statuses: string[];
  text: string;
}

export interface FiltersSlice {
  filters: Filters;
  setFilters: (filters: Partial<Filters>) => void;
}

export const NO_FILTERS: Filters = { categories: [], actors: [], statuses: [], text: '' };

export const createFiltersSlice: SliceCreator<FiltersSlice> = (set) => ({
  filters: NO_FILTERS,
  setFilters: (filters) => set((state) => ({ filters: { ...state.filters, ...filters } })),
});
