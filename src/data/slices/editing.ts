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
  /** The geography form is open: drawing a new feature (null) or editing the feature with this id. One form at a time. */
  geographyForm: { editing: string | null } | null;
  openGeographyForm: (form: EditingSlice['geographyForm']) => void;
  /** A shape is being drawn or reshaped on the map: its clicks and drags are the drawing's, not a selection. */
  drawing: boolean;
  setDrawing: (drawing: boolean) => void;
}

export const createEditingSlice: SliceCreator<EditingSlice> = (set) => ({
  history: emptyHistory(),
  setHistory: (history) => set({ history }),
  eventForm: null,
  openEventForm: (eventForm) => set(eventForm ? { eventForm, geographyForm: null } : { eventForm }),
  geographyForm: null,
  openGeographyForm: (geographyForm) => set(geographyForm ? { geographyForm, eventForm: null } : { geographyForm }),
  drawing: false,
  setDrawing: (drawing) => set({ drawing }),
});
