// Feeds (docs/api.md, "Feeds"): an admin's list of addresses the team server polls, and the event
// sets of a shared scenario that follow them. The server does the polling and writes the feed's
// events into the journal as "feed:<name>"; the page only lists, follows and shows how each does.
import { eventSetIdFor } from '../data/event-sets';
import { declaredEventSets } from '../data/open-scenario';
import { editHead } from './edit-actions';
import type { TeamConnection } from './team-actions';

export interface FeedInfo {
  id: number;
  name: string;
  everyMinutes: number;
  /** Admins only: members are not told the addresses. */
  url?: string;
  addedBy?: string;
  addedAt?: string;
}

export interface FeedFollow {
  eventSetId: string;
  feedId: number;
  feedName: string;
  addedBy: string;
  lastPolledAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
}

/** One call of the API (team-api's: its CSRF token, its errors in the server's own words). */
const call = <T,>(team: TeamConnection, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: object) => team.api.request<T>(method, path, body);

const scenarioFeeds = (scenarioId: string) => `api/scenarios/${encodeURIComponent(scenarioId)}/feeds`;

export const listFeeds = async (team: TeamConnection) => (await call<{ feeds: FeedInfo[] }>(team, 'GET', 'api/feeds')).feeds;

export const addFeed = async (team: TeamConnection, feed: { name: string; url: string; everyMinutes: number }) => (await call<{ feed: FeedInfo }>(team, 'POST', 'api/feeds', feed)).feed;

export const removeFeed = (team: TeamConnection, feedId: number) => call<void>(team, 'DELETE', `api/feeds/${feedId}`);

export const feedFollows = async (team: TeamConnection, scenarioId: string) => (await call<{ follows: FeedFollow[] }>(team, 'GET', scenarioFeeds(scenarioId))).follows;

export const stopFollowing = (team: TeamConnection, scenarioId: string, eventSetId: string) => call<void>(team, 'DELETE', `${scenarioFeeds(scenarioId)}/${encodeURIComponent(eventSetId)}`);

/**
 * Has an event set of the open shared scenario follow a feed: one of its sets, or (eventSetId null)
 * a new, empty set named after the feed, which the scenario is saved with first.
 */
export async function followFeed(team: TeamConnection, feed: Pick<FeedInfo, 'id' | 'name'>, eventSetId: string | null): Promise<FeedFollow> {
  const { session } = team;
  const state = session.store.getState();
  const scenarioId = state.openShared?.id;
  if (!scenarioId) throw new Error('Open a shared scenario first.');
  let setId = eventSetId;
  if (setId === null) {
    const taken = new Set(state.eventSets.map((set) => set.id));
    const wanted = eventSetIdFor(feed.name).replace(/^import-/, 'feed-');
    setId = wanted;
    for (let n = 2; taken.has(setId); n += 1) setId = `${wanted}-${n}`;
    // Declared in the scenario's details through the journal, as any edit: every open page adds
    // the set at once (a whole-document save is heard by nobody), before the feed's events come.
    const declared = [...declaredEventSets(state.eventSets), { id: setId, name: feed.name, imported: true }];
    await editHead(session, (head) => ({ ...head, eventSets: declared }));
    if (!session.store.getState().eventSets.some((set) => set.id === setId)) throw new Error('The new event set could not be saved on the team server.');
  }
  return (await call<{ follow: FeedFollow }>(team, 'PUT', `${scenarioFeeds(scenarioId)}/${encodeURIComponent(setId)}`, { feedId: feed.id })).follow;
}
