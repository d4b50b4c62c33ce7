// Presence on a shared scenario (docs/api.md, "Live"): the scenario's live stream says which
// connection this page is (`ready`) and who else is there (`presence`); what this page has
// selected is posted against that connection, at most every THROTTLE_MS (the last choice wins).
//
// The stream is the one the page hears edits on (src/team/live-stream.ts: one per scenario and
// page); the server counts every open stream as its person's presence, and lists a person once.
// Leaving while the stream stays open (a hidden tab) posts "nothing selected".
// Nothing here knows the store: src/actions/presence-actions.ts holds it.
import type { PresentPerson } from '../data/slices/presence';
import type { FetchLike } from './team-api';
import type { EventSourceLike } from './live-stream';

/** A selection posted at most this often: clicking down the list sends the last row, not each. */
export const THROTTLE_MS = 300;

export interface PresenceOptions {
  /** The scenario's stream URL and the presence URL are resolved against this (the page's base). */
  baseUrl: string;
  /** The session's CSRF token (the API client's), read at each post. */
  csrfToken: () => string | null;
  onOthers: (others: PresentPerson[]) => void;
  fetch?: FetchLike;
  /** The scenario's shared live stream (team-api's liveStream), an EventSource of its own by default, or a stand-in (tests). */
  openSource?: (url: string) => EventSourceLike;
}


export interface PresenceLink {
  /** What this page has selected now (posted after THROTTLE_MS, and again on each reconnect). */
  select(id: string | null): void;
  close(): void;
}

/** Joins the scenario's presence; null where there is no EventSource (Node). */
export function joinPresence(scenarioId: string, options: PresenceOptions): PresenceLink | null {
  const openSource = options.openSource ?? (typeof EventSource === 'undefined' ? null : (url: string) => new EventSource(url) as EventSourceLike);
  if (!openSource) return null;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const path = `api/scenarios/${encodeURIComponent(scenarioId)}`;
  const source = openSource(new URL(`${path}/stream`, options.baseUrl).toString());

  let connection: string | null = null;
  let wanted: string | null = null;
  /** What the server holds for this connection (a new connection holds nothing selected). */
  let posted: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const post = () => {
    timer = null;
    if (closed || connection === null || wanted === posted) return;
    const body = { connection, selected: wanted };
    posted = wanted;
    const token = options.csrfToken();
    void fetchFn(new URL(`${path}/presence`, options.baseUrl).toString(), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { 'X-CSRF-Token': token } : {}) },
      body: JSON.stringify(body),
    })
      // A refusal (409: the stream closed meanwhile) is mended by the next `ready`, which posts again.
      .then((response) => {
        if (!response.ok && posted === body.selected) posted = null;
      })
      .catch(() => {
        if (posted === body.selected) posted = null;
      });
  };
  const schedule = () => {
    if (timer === null && !closed) timer = setTimeout(post, THROTTLE_MS);
  };

  const data = <T,>(event: MessageEvent<string>): T | null => {
    try {
      return JSON.parse(event.data) as T;
    } catch {
      return null;
    }
  };
  // A reconnect (EventSource's own) is a new connection: the selection is posted to it again.
  source.addEventListener('ready', (event) => {
    connection = data<{ connection?: string }>(event)?.connection ?? null;
    posted = null;
    if (wanted !== null) schedule();
  });
  source.addEventListener('presence', (event) => {
    const others = data<{ others?: PresentPerson[] }>(event)?.others;
    if (Array.isArray(others)) options.onOthers(others);
  });
  for (const end of ['signed-out', 'gone']) {
    source.addEventListener(end, () => {
      closed = true; // nothing to post to a stream the server ended
      link.close();
      options.onOthers([]);
    });
  }

  const link: PresenceLink = {
    select(id) {
      wanted = id;
      schedule();
    },
    close() {
      if (timer !== null) clearTimeout(timer);
      // The stream may stay open for the edits: what this page had selected is no longer shown.
      if (!closed && connection !== null && posted !== null) {
        wanted = null;
        post();
      }
      closed = true;
      source.close();
    },
  };
  return link;
}
