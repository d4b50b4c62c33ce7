import type { StoreState, SliceCreator } from '../store';
import type { TripwireEvent } from '../events';
import type { GeographyFeature } from '../schemas';
import type { ValidationIssue } from '../validate';
import type { MeasuredFact } from '../facts';
import { mergeEvents, type EventSet } from '../event-sets';
import type { ScenarioHead } from '../scenario-schema';
import { geographyOf, type OpenedScenario } from '../open-scenario';

export type LoadStatus = 'loading' | 'ready' | 'failed';

export interface DataSlice {
  status: LoadStatus;
  /** The open scenario: title, sources, views, layers (everything but its events). */
  scenario: ScenarioHead | null;
  /** Whether the open scenario is in the browser's library (edits are kept there). */
  scenarioStored: boolean;
  /** The open scenario's event sets: its own, then the files imported into it. */
  eventSets: EventSet[];
  /** The event sets shown; the first set when none of these exists. */
  activeEventSetIds: string[];
  /** The shown event sets' events, sorted by start (derived from the two fields above). */
  events: TripwireEvent[];
  /** The scenario's geography, by layer id (derived from `scenario`). */
  geography: Record<string, GeographyFeature[]>;
  /** Turf measurements the scenario asks for, computed once per opening. */
  facts: MeasuredFact[];
  loadIssues: ValidationIssue[];
  /**
   * A scenario is open. `keepShown`: keep the choice of shown event sets (a reload restores it);
   * otherwise the new scenario's own sets are shown.
   */
  setLoaded: (opened: OpenedScenario & { facts: MeasuredFact[]; keepShown: boolean; stored: boolean }) => void;
  setLoadFailed: (issues: ValidationIssue[]) => void;
  /**
   * A linked document (`?scenario=`, `?events=`) failed its checks while another scenario is shown
   * in its place: its located issues, shown over a working map until dismissed (`[]`).
   */
  setLinkIssues: (issues: ValidationIssue[]) => void;
  /** Adds an imported event set (already validated) and shows it. */
  addImport: (set: EventSet, showAlone: boolean) => void;
  /** Puts back an import saved on an earlier visit, shown only if the saved choice of sets says so. */
  restoreImport: (set: EventSet) => void;
  removeImport: (id: string) => void;
  setActiveEventSets: (ids: string[]) => void;
  /** The open scenario's head changed (a copy made, a title edited); `stored`: it is in the library now. */
  setScenarioHead: (head: ScenarioHead, stored: boolean) => void;
  /** The geography changed: its measurements made again. */
  setFacts: (facts: MeasuredFact[]) => void;
  /** An event added, changed or removed (by this tab, an undo, or another tab): the sets after it. */
  setEventSets: (eventSets: EventSet[]) => void;
}

/**
 * Ids may name a set that is not loaded yet (a saved choice restored before its import has
 * arrived): they are kept, and the events are those of the sets that exist; if none of them
 * exists, the scenario's first set is shown.
 */
function withActive(state: Pick<StoreState, 'eventSets'>, ids: string[]) {
  const activeEventSetIds = [...new Set(ids)];
  const shown = state.eventSets.some((set) => activeEventSetIds.includes(set.id)) ? activeEventSetIds : state.eventSets.slice(0, 1).map((set) => set.id);
  return { activeEventSetIds, events: mergeEvents(state.eventSets, shown) };
}

export const createDataSlice: SliceCreator<DataSlice> = (set) => ({
  status: 'loading',
  scenario: null,
  scenarioStored: false,
  eventSets: [],
  activeEventSetIds: [],
  events: [],
  geography: {},
  facts: [],
  loadIssues: [],
  setLoaded: ({ head, eventSets, facts, keepShown, stored }) =>
    set((state) => {
      const active = keepShown ? state.activeEventSetIds : eventSets.map((eventSet) => eventSet.id);
      return { scenario: head, scenarioStored: stored, geography: geographyOf(head), eventSets, facts, status: 'ready', loadIssues: [], ...withActive({ eventSets }, active) };
    }),
  setScenarioHead: (head, stored) => set({ scenario: head, scenarioStored: stored, geography: geographyOf(head) }),
  setFacts: (facts) => set({ facts }),
  setEventSets: (eventSets) =>
    set((state) => ({
      eventSets,
      ...withActive({ eventSets }, state.activeEventSetIds),
      // A removed event cannot stay selected.
      selectedEventId: state.selectedEventId && eventSets.some((eventSet) => eventSet.events.some((event) => event.id === state.selectedEventId)) ? state.selectedEventId : null,
    })),
  setLoadFailed: (loadIssues) => set({ status: 'failed', loadIssues }),
  setLinkIssues: (loadIssues) => set({ loadIssues }),
  addImport: (eventSet, showAlone) =>
    set((state) => {
      const eventSets = [...state.eventSets.filter((existing) => existing.id !== eventSet.id), eventSet];
      const active = showAlone ? [eventSet.id] : [...new Set([...state.activeEventSetIds, eventSet.id])];
      return { eventSets, ...withActive({ eventSets }, active) };
    }),
  restoreImport: (eventSet) =>
    set((state) => {
      const eventSets = [...state.eventSets.filter((existing) => existing.id !== eventSet.id), eventSet];
      return { eventSets, ...withActive({ eventSets }, state.activeEventSetIds) };
    }),
  removeImport: (id) =>
    set((state) => {
      const eventSets = state.eventSets.filter((eventSet) => eventSet.id !== id);
      return { eventSets, ...withActive({ eventSets }, state.activeEventSetIds.filter((active) => active !== id)) };
    }),
  setActiveEventSets: (ids) => set((state) => withActive(state, ids)),
});
