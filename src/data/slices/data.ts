import type { StateCreator } from 'zustand';
import type { StoreState } from '../store';
import type { TripwireEvent } from '../events';
import type { ArticleMetadata, GeographyFeature } from '../schemas';
import type { ValidationIssue } from '../validate';
import type { MeasuredFact } from '../facts';

export type LoadStatus = 'loading' | 'ready' | 'failed';

export interface DataSlice {
  status: LoadStatus;
  /** Validated events, sorted by start. Only ever replaced whole, never partly. */
  events: TripwireEvent[];
  article: ArticleMetadata | null;
  /** Validated geography, by file name (adiz, places, rason, kurils, tracks). */
  geography: Record<string, GeographyFeature[]>;
  /** Turf measurements of the geography, computed once per load. */
  facts: MeasuredFact[];
  loadIssues: ValidationIssue[];
  setLoaded: (data: Pick<DataSlice, 'events' | 'article' | 'geography' | 'facts'>) => void;
  setLoadFailed: (issues: ValidationIssue[]) => void;
}

export const createDataSlice: StateCreator<StoreState, [['zustand/subscribeWithSelector', never]], [], DataSlice> = (set) => ({
  status: 'loading',
  events: [],
  article: null,
  geography: {},
  facts: [],
  loadIssues: [],
  setLoaded: (data) => set({ ...data, status: 'ready', loadIssues: [] }),
  setLoadFailed: (loadIssues) => set({ status: 'failed', loadIssues }),
});
