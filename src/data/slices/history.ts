// Who changed each record of the open scenario last, and when (the detail panels' "Changed by
// alice · 5 min ago"): from the journal entries the page applies (the session merges them in) and,
// for a shared scenario, the server's answer for changes made before the document was read
// (src/actions/history-actions.ts). Empty for a local scenario: its edits have no author.
import type { SliceCreator } from '../store';
import { mergeChanges, type RecordChange, type RecordChanges } from '../editing/record-changes';

export interface HistorySlice {
  lastChanges: RecordChanges;
  /** Keeps, for each record, the newer of what is known and what comes in. */
  mergeLastChanges: (incoming: Readonly<Record<string, RecordChange>>) => void;
  /** Another scenario is on screen: nothing is known of its records yet. */
  clearLastChanges: () => void;
  /** The shared scenario whose earlier changes the server has been asked for (null: none yet). */
  lastChangesLoadedFor: string | null;
  setLastChangesLoadedFor: (id: string | null) => void;
}

export const createHistorySlice: SliceCreator<HistorySlice> = (set) => ({
  lastChanges: {},
  mergeLastChanges: (incoming) => set((state) => {
    const lastChanges = mergeChanges(state.lastChanges, incoming);
    return lastChanges === state.lastChanges ? state : { lastChanges };
  }),
  clearLastChanges: () => set((state) => (Object.keys(state.lastChanges).length === 0 && state.lastChangesLoadedFor === null ? state : { lastChanges: {}, lastChangesLoadedFor: null })),
  lastChangesLoadedFor: null,
  setLastChangesLoadedFor: (lastChangesLoadedFor) => set({ lastChangesLoadedFor }),
});
