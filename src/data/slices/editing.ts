import type { SliceCreator } from '../store';
import type { EditableRecord } from '../storage/database';
import { emptyHistory, type History } from '../editing/edit-history';

export interface EditingSlice {
  /** This tab's edits of the open scenario (events and head), for undo and redo. */
  history: History<EditableRecord>;
  setHistory: (history: History<EditableRecord>) => void;
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
