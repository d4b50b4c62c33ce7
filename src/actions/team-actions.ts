// The team server (docs/api.md): finding it, signing in and out, the shared library, publishing,
// opening a shared scenario (the session then keeps it on the server), and sharing. Under
// `npm start` there is no server: `startTeam` finds none and nothing else here is ever called.
//
// A `TeamConnection` is the page's link to one server: the API client (which holds the CSRF
// token), the server storage over it, and the session the page works in. Each function takes it
// first, as the other actions take the session.
import { documentHead } from '../data/open-scenario';
import { defaultViewOf } from '../data/scenario-text';
import type { OpenShared, TeamShareRole } from '../data/slices/team';
import { scenarioDocumentParts } from '../scenario/scenario-document';
import { serverStorage, type ServerStorage, type ServerStorageOptions } from '../storage';
import type { ScenarioSession } from '../session';
import { createTeamApi, TeamApiError, type FetchLike, type TeamApi } from '../team/team-api';
import { writeScenarioDocument } from '../team/scenario-documents';
import { libraryRowsOf, NOT_SHARED_WITH_YOU, sharedIdOf, signInErrorOf, withSharedId } from '../team/library';
import { openBuiltInScenario } from './scenario-actions';

export interface TeamConnection {
  api: TeamApi;
  /** Where shared scenarios are kept: the server, through `api` (edits wait in the person's outbox until acknowledged). */
  storage: ServerStorage;
  session: ScenarioSession;
  /** The shared scenario being opened, shown in the store once the session has it on screen. */
  opening: OpenShared | null;
  /** Puts the shared scenario on screen in the page's address (`?shared=`), or takes it out; nothing outside the page. */
  showInAddress: (id: string | null) => void;
}

export interface TeamOptions {
  fetch?: FetchLike;
  baseUrl?: string;
  pollEvery?: number;
  /** The outbox, how long a send may take and how retries back off (src/storage/outbox.ts): tests give memory and short times. */
  outbox?: ServerStorageOptions['outbox'];
  sendTimeout?: number;
  retry?: ServerStorageOptions['retry'];
  /**
   * The page's own connection: it keeps the page's address (`?shared=`) in step, and reads the
   * library again when the page is looked at again (a role given or taken away meanwhile).
   */
  page?: boolean;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A connection to the server this page came from (nothing is asked of it yet). */
export function connectTeam(session: ScenarioSession, options: TeamOptions = {}): TeamConnection {
  const { store } = session;
  const api = createTeamApi({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    // The session ended on the server (expired, signed out elsewhere, removed): sign in again,
    // and come back to the shared scenario that was open.
    onSignedOut: () => {
      const state = store.getState();
      if (!state.teamUser) return;
      if (state.openShared) state.setPendingShared(state.openShared.id);
      state.setTeamUser(null);
    },
  });
  const { pollEvery, outbox, sendTimeout, retry } = options;
  const server = serverStorage(api, writeScenarioDocument, { ...(pollEvery ? { pollEvery } : {}), ...(outbox ? { outbox } : {}), ...(sendTimeout ? { sendTimeout } : {}), ...(retry ? { retry } : {}) });
  // A change the server refuses (403: a role taken away meanwhile) reads the library again, so the
  // page stops offering what the person may no longer do.
  const refusedThen = async <T>(change: Promise<T>): Promise<T> => {
    try {
      return await change;
    } catch (error) {
      if (error instanceof TeamApiError && error.status === 403) void refreshLibrary(team);
      throw error;
    }
  };
  const storage: ServerStorage = {
    ...server,
    appendEdit: (entry) => refusedThen(server.appendEdit(entry)),
    saveScenario: (head, events) => refusedThen(server.saveScenario(head, events)),
  };
  const showInAddress = (id: string | null) => {
    if (!options.page) return;
    const next = withSharedId(window.location.href, id);
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', next);
  };
  const team: TeamConnection = { api, storage, session, opening: null, showInAddress };
  // Whatever opens, the store says whether it is shared: a scenario of this browser's (a file, the
  // built-in one, the library) takes the session back to this browser's storage.
  store.subscribe(
    (state) => state.scenario?.id,
    () => {
      const id = session.sharedScenarioId;
      const state = store.getState();
      if (id === null) {
        if (state.openShared) state.setOpenShared(null);
      } else if (team.opening?.id === id && state.openShared !== team.opening) state.setOpenShared(team.opening);
    },
  );
  store.subscribe((state) => state.openShared?.id ?? null, showInAddress);
  // Whoever is signed in has their waiting edits sent (an earlier page's too: a crash, a closed
  // tab), whichever scenario is open; no one else's are. The header shows how saving stands.
  store.subscribe(
    (state) => state.teamUser?.username ?? null,
    (username) => void server.signedIn(username),
    { fireImmediately: true },
  );
  server.onSaveStatus((status) => store.getState().setSaveStatus(status));
  if (options.page && typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && store.getState().teamUser) void refreshLibrary(team);
    });
  }
  return team;
}

/**
 * Finds out whether this page is served by a team server and who is signed in; opens the shared
 * scenario the link names (`?shared=`) once the first scenario of the visit is on screen
 * (`started`), or after signing in. Never rejects: without a server the team features stay absent.
 */
export async function startTeam(team: TeamConnection, { search = '', started = Promise.resolve() }: { search?: string; started?: Promise<unknown> } = {}): Promise<void> {
  const state = team.session.store.getState();
  const health = await team.api.available();
  const linked = sharedIdOf(search);
  if (!health) {
    state.setTeamServer('absent');
    if (linked) state.addNotice('This link is to a scenario shared on a Tripwire team server; this copy of Tripwire has none, so the built-in scenario is shown.');
    return;
  }
  if (linked) state.setPendingShared(linked);
  const user = await team.api.currentSession().catch(() => null);
  // Who is signed in first: a page already signed in never shows the sign-in page (and remakes its map) between the two.
  state.setTeamUser(user);
  state.setTeamServer('present');
  await started.catch(() => {});
  if (user) await afterSignIn(team);
}

async function afterSignIn(team: TeamConnection): Promise<void> {
  const { store } = team.session;
  await refreshLibrary(team);
  const pending = store.getState().pendingShared;
  if (pending) {
    store.getState().setPendingShared(null);
    await openShared(team, pending);
  }
}

/** Signs in; resolves with the sentence to show when it fails (wrong password, too many tries), or null. */
export async function signIn(team: TeamConnection, username: string, password: string): Promise<string | null> {
  try {
    const user = await team.api.signIn(username.trim(), password);
    team.session.store.getState().setTeamUser(user);
  } catch (error) {
    return signInErrorOf(error);
  }
  await afterSignIn(team);
  return null;
}

/** Signs out on the server; a shared scenario on screen gives way to the built-in one. */
export async function signOut(team: TeamConnection): Promise<void> {
  const { session } = team;
  try {
    await team.api.signOut();
  } finally {
    if (session.sharedScenarioId) await openBuiltInScenario(session);
    session.store.getState().setPendingShared(null);
    session.store.getState().setTeamUser(null);
  }
}

/** Reads the shared library again; the open shared scenario follows a role given or taken away. */
export async function refreshLibrary(team: TeamConnection) {
  const { store } = team.session;
  try {
    const rows = libraryRowsOf(await team.api.listScenarios());
    store.getState().setSharedLibrary(rows);
    const open = store.getState().openShared;
    const row = open && rows.find((candidate) => candidate.id === open.id);
    if (open && row && (row.access !== open.access || row.owner !== open.owner)) {
      const now = { id: open.id, access: row.access, owner: row.owner };
      team.session.setSharedOptions({ author: store.getState().teamUser?.username ?? null, mode: row.access === 'viewer' ? 'view' : 'edit' });
      store.getState().setOpenShared(now);
    }
    return rows;
  } catch (error) {
    store.getState().setSharedLibrary(store.getState().sharedLibrary, `The shared library could not be read: ${messageOf(error)}`);
    return null;
  }
}

/**
 * Opens a shared scenario; the session then keeps it on the server, as the signed-in person
 * (a viewer's session refuses edits). One the person may not see says so, as one that does not
 * exist, and what was on screen stays and keeps working. Resolves with whether it opened.
 */
export async function openShared(team: TeamConnection, id: string): Promise<boolean> {
  const { session } = team;
  const { store } = session;
  const user = store.getState().teamUser;
  if (!user) {
    store.getState().setPendingShared(id); // signing in opens it
    return false;
  }
  const rows = await refreshLibrary(team);
  const row = rows?.find((candidate) => candidate.id === id);
  // A link that opened nothing no longer names it: a reload shows what is on screen.
  const notOpened = () => team.showInAddress(store.getState().openShared?.id ?? null);
  if (!row) {
    if (rows) store.getState().addNotice(NOT_SHARED_WITH_YOU);
    notOpened();
    return false;
  }
  team.opening = { id, access: row.access, owner: row.owner };
  try {
    const opened = await session.openShared(team.storage, { author: user.username, mode: row.access === 'viewer' ? 'view' : 'edit' }, id);
    if (!opened) {
      store.getState().addNotice(NOT_SHARED_WITH_YOU);
      notOpened();
      return false;
    }
  } catch (error) {
    store.getState().addNotice(`The shared scenario could not be opened: ${messageOf(error)}`);
    notOpened();
    return false;
  } finally {
    team.opening = null;
  }
  store.getState().setOpenShared({ id, access: row.access, owner: row.owner });
  store.getState().requestFrame(defaultViewOf(store.getState().scenario!).bounds, 12);
  return true;
}

/** The open scenario as a document for the server: whoever may change it is the server's to say, not `readOnly`. */
function openScenarioDocument(team: TeamConnection): Blob {
  const { scenario, eventSets } = team.session.store.getState();
  if (!scenario) throw new Error('No scenario is open.');
  const { readOnly: _readOnly, ...head } = documentHead(scenario, eventSets);
  return new Blob([...scenarioDocumentParts(head, eventSets)], { type: 'application/json' });
}

/** "Publish to team": the open scenario (or a `.tripwire.json` file) kept on the server, then opened from there. Resolves with its server id. */
export async function publishToTeam(team: TeamConnection, file?: Blob): Promise<string> {
  const published = await team.api.publish(file ?? openScenarioDocument(team));
  await openShared(team, published.id);
  return published.id;
}

/** What an owner changes then reads back: the library, and the open scenario's access. */
async function thenRefresh<T>(team: TeamConnection, change: Promise<T>): Promise<T> {
  const result = await change;
  await refreshLibrary(team);
  return result;
}

export const sharingOf = (team: TeamConnection, id: string) => team.api.members(id);
export const teamPeople = (team: TeamConnection) => team.api.people();

export const shareWith = (team: TeamConnection, id: string, username: string, role: TeamShareRole) => thenRefresh(team, team.api.setMember(id, username, role));
export const unshareWith = (team: TeamConnection, id: string, username: string) => thenRefresh(team, team.api.removeMember(id, username));
export const shareWithEveryone = (team: TeamConnection, id: string, role: TeamShareRole | null) => thenRefresh(team, team.api.setEveryone(id, role));
export const handOver = (team: TeamConnection, id: string, username: string) => thenRefresh(team, team.api.handOver(id, username));

/** Renames a shared scenario; the open one shows its new title. */
export async function renameShared(team: TeamConnection, id: string, title: string): Promise<void> {
  await thenRefresh(team, team.api.rename(id, title));
  const state = team.session.store.getState();
  if (state.openShared?.id === id && state.scenario && state.scenario.title !== title) state.setScenarioHead({ ...state.scenario, title }, true);
}

/** Deletes a shared scenario for everyone; if it is on screen, the built-in scenario takes its place. */
export async function deleteShared(team: TeamConnection, id: string): Promise<void> {
  await thenRefresh(team, team.api.deleteScenario(id));
  if (team.session.sharedScenarioId === id) {
    await openBuiltInScenario(team.session);
    team.session.store.getState().addNotice('The shared scenario was deleted; the built-in scenario is shown.');
  }
}

export { startHashOf } from '../team/library';
