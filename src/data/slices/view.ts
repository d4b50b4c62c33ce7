import type { SliceCreator } from '../store';
import type { Camera } from '../url-state';

export type Bounds = [number, number, number, number];

export type CameraRequest =
  | { kind: 'bounds'; bounds: Bounds; maxZoom: number; serial: number; clearOfPanels?: boolean }
  | { kind: 'camera'; camera: Camera; serial: number };

export interface ViewSlice {
  /** Where the map is looking, as last reported by the map (for the URL and exports). */
  camera: Camera | null;
  /** A request for the map to move; the map obeys the newest one. */
  cameraRequest: CameraRequest | null;
  /** Messages for the user (a bad link, …); dismissable. */
  notices: string[];
  /** Stored data that could not be used, kept so the user can download it. */
  setAsideData: string | null;
  /** Work going on in the background that the user should know about ("Restoring …"), or null. */
  backgroundTask: string | null;
  setBackgroundTask: (text: string | null) => void;
  /** A file is being imported or restored: events (perhaps many) are on their way to the map. */
  eventsArriving: boolean;
  setEventsArriving: (arriving: boolean) => void;
  setCamera: (camera: Camera) => void;
  requestFrame: (bounds: Bounds, maxZoom?: number) => void;
  /** Frames a subject (an event, a feature) in the part of the map no panel covers, as a briefing slide does. */
  requestSubjectFrame: (bounds: Bounds, maxZoom?: number) => void;
  requestCamera: (camera: Camera) => void;
  addNotice: (text: string) => void;
  dismissNotices: () => void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => {
  const serial = () => (get().cameraRequest?.serial ?? 0) + 1;
  return {
    camera: null,
    cameraRequest: null,
    notices: [],
    setAsideData: null,
    backgroundTask: null,
    setBackgroundTask: (backgroundTask) => set({ backgroundTask }),
    eventsArriving: false,
    setEventsArriving: (eventsArriving) => set({ eventsArriving }),
    setCamera: (camera) => set({ camera }),
    requestFrame: (bounds, maxZoom = 7) => set({ cameraRequest: { kind: 'bounds', bounds, maxZoom, serial: serial() } }),
    requestSubjectFrame: (bounds, maxZoom = 7) => set({ cameraRequest: { kind: 'bounds', bounds, maxZoom, serial: serial(), clearOfPanels: true } }),
    requestCamera: (camera) => set({ cameraRequest: { kind: 'camera', camera, serial: serial() } }),
    addNotice: (text) => set((state) => ({ notices: [...state.notices, text] })),
    dismissNotices: () => set({ notices: [] }),
  };
};
