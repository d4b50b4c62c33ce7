import type { StoreState, SliceCreator } from '../store';
import type { TripwireEvent } from '../events';
import type { ArticleMetadata, GeographyFeature } from '../schemas';
import type { ValidationIssue } from '../validate';
import type { MeasuredFact } from '../facts';
import { ARTICLE_SCENARIO_ID, mergeEvents, type Scenario } from '../scenarios';

export type LoadStatus = 'loading' | 'ready' | 'failed';

export interface DataSlice {
  status: LoadStatus;
  scenarios: Scenario[];
  /** The scenarios shown; at least one. */
  activeScenarioIds: string[];
  /** The shown scenarios' events, sorted by start (derived from the two fields above). */
  events: TripwireEvent[];
  /** The article behind the first scenario (for the header and the timeline's end). */
  article: ArticleMetadata | null;
  /** Validated geography, by file name (adiz, places, rason, kurils, tracks). */
  geography: Record<string, GeographyFeature[]>;
  /** Turf measurements of the geography, computed once per load. */
  facts: MeasuredFact[];
  loadIssues: ValidationIssue[];
  setLoaded: (data: { article: Scenario; geography: Record<string, GeographyFeature[]>; facts: MeasuredFact[] }) => void;
  setLoadFailed: (issues: ValidationIssue[]) => void;
  /** Adds an imported scenario (already validated) and shows it. */
  addImport: (scenario: Scenario, showAlone: boolean) => void;
  /** Puts back an import saved on an earlier visit, shown only if the saved choice of scenarios says so. */
  restoreImport: (scenario: Scenario) => void;
  removeImport: (id: string) => void;
  setActiveScenarios: (ids: string[]) => void;
}

/**
 * Ids may name a scenario that is not loaded yet (a saved choice restored before the article
 * has arrived): they are kept, and the events are those of the scenarios that exist.
 */
function withActive(state: Pick<StoreState, 'scenarios'>, ids: string[]) {
  const activeScenarioIds = ids.length > 0 ? [...new Set(ids)] : [ARTICLE_SCENARIO_ID];
  return { activeScenarioIds, events: mergeEvents(state.scenarios, activeScenarioIds) };
}

export const createDataSlice: SliceCreator<DataSlice> = (set) => ({
  status: 'loading',
  scenarios: [],
  activeScenarioIds: [ARTICLE_SCENARIO_ID],
  events: [],
  article: null,
  geography: {},
  facts: [],
  loadIssues: [],
  setLoaded: ({ article, geography, facts }) =>
    set((state) => {
      const scenarios = [article, ...state.scenarios.filter((scenario) => scenario.id !== ARTICLE_SCENARIO_ID)];
      return { scenarios, article: article.article, geography, facts, status: 'ready', loadIssues: [], ...withActive({ scenarios }, state.activeScenarioIds) };
    }),
  setLoadFailed: (loadIssues) => set({ status: 'failed', loadIssues }),
  addImport: (scenario, showAlone) =>
    set((state) => {
      const scenarios = [...state.scenarios.filter((existing) => existing.id !== scenario.id), scenario];
      const active = showAlone ? [scenario.id] : [...new Set([...state.activeScenarioIds, scenario.id])];
      return { scenarios, ...withActive({ scenarios }, active) };
    }),
  restoreImport: (scenario) =>
    set((state) => {
      const scenarios = [...state.scenarios.filter((existing) => existing.id !== scenario.id), scenario];
      return { scenarios, ...withActive({ scenarios }, state.activeScenarioIds) };
    }),
  removeImport: (id) =>
    set((state) => {
      const scenarios = state.scenarios.filter((scenario) => scenario.id !== id);
      return {
        scenarios,
        ...withActive({ scenarios }, state.activeScenarioIds.filter((active) => active !== id)),
      };
    }),
  setActiveScenarios: (ids) => set((state) => withActive(state, ids)),
});
