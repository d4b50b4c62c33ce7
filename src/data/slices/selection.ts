import type { SliceCreator } from '../store';

export interface SelectionSlice {
  selectedEventId: string | null;
  hoveredEventId: string | null;
  /** A clicked piece of geography (an ADIZ, Rason, an island), shown in the detail panel. */
  selectedGeographyId: string | null;
  selectEvent: (id: string | null) => void;
  hoverEvent: (id: string | null) => void;
  selectGeography: (id: string | null) => void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selectedEventId: null,
  hoveredEventId: null,
  selectedGeographyId: null,
  selectEvent: (selectedEventId) => set({ selectedEventId, selectedGeographyId: null }),
  hoverEvent: (hoveredEventId) => set({ hoveredEventId }),
  selectGeography: (selectedGeographyId) => set({ selectedGeographyId, selectedEventId: null }),
});
