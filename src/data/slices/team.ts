// The team server, as the page knows it (src/actions/team-actions.ts fills it): whether the page
// is served by one, who is signed in, the shared library, and what the open scenario is on it.
// Under `npm start` (no server) `server` becomes 'absent' and nothing of the team shows.
// The CSRF token stays in the API client (src/team/team-api.ts), never in the store.
import type { SliceCreator } from '../store';

export type TeamAccess = 'owner' | 'editor' | 'viewer';
export type TeamShareRole = 'viewer' | 'editor';

export interface TeamUserInfo {
  username: string;
  role: 'admin' | 'member';
}

/** One scenario of the shared library, as the Scenarios dialog lists it. */
export interface SharedLibraryRow {
  id: string;
  title: string;
  owner: string;
  access: TeamAccess;
  everyone: TeamShareRole | null;
  eventCount: number;
  updatedAt: string;
  updatedBy: string;
}

/** The open scenario is a shared one: its id on the server, and what the signed-in person may do with it. */
export interface OpenShared {
  id: string;
  access: TeamAccess;
  owner: string;
}

/** How the page's edits of shared scenarios stand with the server (the outbox, src/storage/outbox.ts). */
export interface TeamSaveStatus {
  /** Edits not yet acknowledged by the server. */
  waiting: number;
  /** A request is out now. */
  sending: boolean;
  /** The last try could not reach the server (it is tried again). */
  offline: boolean;
}

export interface TeamSlice {
  /** 'checking' until the page knows; 'absent' under `npm start` (no team server). */
  teamServer: 'checking' | 'absent' | 'present';
  /** Who is signed in; null when signed out (or no server). */
  teamUser: TeamUserInfo | null;
  /** The shared library; null until first read. */
  sharedLibrary: SharedLibraryRow[] | null;
  /** Why the library could not be read, if it could not. */
  sharedLibraryError: string | null;
  /** The open scenario on the server, or null for one of this browser's own. */
  openShared: OpenShared | null;
  /** A shared scenario asked for (by link) before signing in: opened once signed in. */
  pendingShared: string | null;
  saveStatus: TeamSaveStatus;
  setTeamServer: (teamServer: TeamSlice['teamServer']) => void;
  setTeamUser: (user: TeamUserInfo | null) => void;
  setSharedLibrary: (rows: SharedLibraryRow[] | null, error?: string | null) => void;
  setOpenShared: (open: OpenShared | null) => void;
  setPendingShared: (id: string | null) => void;
  setSaveStatus: (status: TeamSaveStatus) => void;
}

export const createTeamSlice: SliceCreator<TeamSlice> = (set) => ({
  teamServer: 'checking',
  teamUser: null,
  sharedLibrary: null,
  sharedLibraryError: null,
  openShared: null,
  pendingShared: null,
  saveStatus: { waiting: 0, sending: false, offline: false },
  setTeamServer: (teamServer) => set({ teamServer }),
  // Signed out (or someone else signed in): nothing of the last person's library stays on the page.
  setTeamUser: (teamUser) => set((state) => (teamUser?.username === state.teamUser?.username ? { teamUser } : { teamUser, sharedLibrary: null, sharedLibraryError: null })),
  setSharedLibrary: (sharedLibrary, sharedLibraryError = null) => set({ sharedLibrary, sharedLibraryError }),
  setOpenShared: (openShared) => set({ openShared }),
  setPendingShared: (pendingShared) => set({ pendingShared }),
  setSaveStatus: (saveStatus) => set({ saveStatus }),
});

/** Whether the open scenario may be changed by the person on the page: a shared one only by its owner and editors. */
export const canEditOpenScenario = (state: Pick<TeamSlice, 'openShared'>): boolean => state.openShared === null || state.openShared.access !== 'viewer';

/** "Shared · view only" / "Shared · you can edit", for the header; null for a scenario of this browser's own. */
export function sharedLabel(open: OpenShared | null): string | null {
  if (!open) return null;
  return open.access === 'viewer' ? 'Shared · view only' : 'Shared · you can edit';
}

/** "Offline — 3 edits waiting", "Saving…", "All changes saved", for the header; and a phone's short form. */
export function saveStatusText({ waiting, sending, offline }: TeamSaveStatus): { long: string; short: string; state: 'offline' | 'saving' | 'saved' } {
  if (waiting > 0 && offline) return { long: `Offline — ${waiting} ${waiting === 1 ? 'edit' : 'edits'} waiting`, short: `Offline · ${waiting}`, state: 'offline' };
  if (waiting > 0 || sending) return { long: 'Saving…', short: 'Saving…', state: 'saving' };
  return { long: 'All changes saved', short: 'Saved', state: 'saved' };
}
