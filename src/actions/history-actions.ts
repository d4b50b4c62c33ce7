// A shared scenario's history (docs/api.md, "History"), for the page: who changed each record last
// (what the page has not seen applied itself: changes made before it read the document), the
// history a page at a time, any past state opened read-only, and a past state restored as a copy.
import { openScenario } from '../data/open-scenario';
import { historyApi, type HistoryPage, type PastPoint } from '../team/history-api';
import { openDocument } from './scenario-actions';
import { openShared, type TeamConnection } from './team-actions';

const apiOf = (team: TeamConnection) => historyApi(team.api);

/** Reads who changed each record of the open shared scenario last, once per opening; merged with what the page applied (the newer wins). */
export async function loadLastChanges(team: TeamConnection, id: string): Promise<void> {
  const { store } = team.session;
  if (store.getState().lastChangesLoadedFor === id) return;
  store.getState().setLastChangesLoadedFor(id);
  try {
    const changes = await apiOf(team).changes(id);
    if (team.session.sharedScenarioId === id) store.getState().mergeLastChanges(changes);
  } catch {
    // Not shown rather than shown wrong: the line says nothing for records it has no answer for.
    if (store.getState().lastChangesLoadedFor === id) store.getState().setLastChangesLoadedFor(null);
  }
}

/** One page of the scenario's history, newest first; `author` keeps one person's. */
export const readHistory = (team: TeamConnection, id: string, options: { author?: string | null; before?: number | null; limit?: number } = {}): Promise<HistoryPage> => apiOf(team).history(id, options);

/** "7 Dec 2026 14:02", in the page's own time zone. */
export const pointLabel = (iso: string) => {
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false })}` : iso;
};

/**
 * Opens the scenario as it stood at `point`, read-only and titled so nobody takes it for the live
 * one ("As of 7 Dec 2026 14:02: …"); an edit of it makes a copy in this browser, as for the
 * built-in scenario. The shared scenario is left (its id is not this one's).
 */
export async function openPastState(team: TeamConnection, id: string, point: PastPoint, madeAt: string): Promise<void> {
  const json = await apiOf(team).document(id, point);
  const opened = openScenario(json);
  if (!opened.ok) throw new Error(`The past state could not be read: ${opened.issues.slice(0, 3).map((issue) => `${issue.location}: ${issue.message}`).join('; ')}`);
  const { head, eventSets } = opened.value;
  const place = 'at' in point ? `at-${point.at}` : `version-${point.version}`;
  // The point first: a long title is cut at the end in the header, and this one must not pass for the live one.
  const title = `As of ${pointLabel(madeAt)}: ${head.title}`.slice(0, 200);
  await openDocument(team.session, { head: { ...head, id: `${id}-${place}`.slice(0, 80), title, readOnly: true }, eventSets });
  team.session.store.getState().addNotice(`This is “${head.title}” as it stood on ${pointLabel(madeAt)}, read-only: the shared scenario goes on without it. To work from it, open the shared scenario again (Scenarios…) and use “Restore as a copy” in its History.`);
}

/** Publishes the state at `point` as a new shared scenario of the person's own, and opens it. Resolves with its title. */
export async function restoreAsCopy(team: TeamConnection, id: string, point: PastPoint): Promise<string> {
  const copy = await apiOf(team).restore(id, point);
  await openShared(team, copy.id);
  return copy.title;
}
