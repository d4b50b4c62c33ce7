import type { SliceCreator } from '../store';
import type { StepHistory } from '../editing/edit-journal';

import type { EventFormValues } from '../editing/event-form-values';
import type { EventProperties } from '../schemas';
import type { TripwireEvent } from '../events';

/** A new event's form opened already filled in (a drafted candidate): its fields, what else to keep, and who to tell when it is saved. */
export interface PrefilledEventForm {
  /** Tells one prefilled form from another (the form starts afresh for each). */
  key: string;
  values: EventFormValues;
  /** Fields the form does not show, saved with the event. */
  extra: Partial<EventProperties>;
  /** Said at the top of the form ("No place was found in the text: …"). */
  note: string;
  onSaved: (event: TripwireEvent) => void;
}

export interface EditingSlice {
  /** This tab's edits of the open scenario (events and head), for undo and redo. */
  history: StepHistory;
  setHistory: (history: StepHistory) => void;
  /** The event form is open: adding (null) or editing the event with this id. */
  eventForm: { editing: string | null; position: [number, number] | null; prefilled?: PrefilledEventForm } | null;
  openEventForm: (form: EditingSlice['eventForm']) => void;
  /** The geography form is open: drawing a new feature (null) or editing the feature with this id. One form at a time. */
  geographyForm: { editing: string | null } | null;
  openGeographyForm: (form: EditingSlice['geographyForm']) => void;
  /** A shape is being drawn or reshaped on the map: its clicks and drags are the drawing's, not a selection. */
  drawing: boolean;
  setDrawing: (drawing: boolean) => void;
}

export const createEditingSlice: SliceCreator<EditingSlice> = (set) => ({
  history: { past: [], future: [] },
  setHistory: (history) => set({ history }),
  eventForm: null,
  openEventForm: (eventForm) => set(eventForm ? { eventForm, geographyForm: null } : { eventForm }),
  geographyForm: null,
  openGeographyForm: (geographyForm) => set(geographyForm ? { geographyForm, eventForm: null } : { geographyForm }),
  drawing: false,
  setDrawing: (drawing) => set({ drawing }),
});
