import type { SliceCreator } from '../store';
import type { TripwireEvent } from '../events';
import { emptyHistory, type History } from '../editing/edit-history';

export interface EditingSlice {
  /** This tab's edits of the open scenario's events, for undo and redo. */
  history: History<TripwireEvent>;
  setHistory: (history: History<TripwireEvent>) => void;
  /** The event form is open: adding (null) or editing the event with this id. */
  eventForm: { editing: string | null; position: [number, number] | null } | null;
  openEventForm: (form: EditingSlice['eventForm']) => void;
}

export const createEditingSlice: SliceCreator<EditingSlice> = (set) => ({
  history: emptyHistory(),
  setHistory: (history) => set({ history }),
  eventForm: null,
  openEventForm: (eventForm) => set({ eventForm }),
});
