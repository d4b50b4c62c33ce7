// Presence on the open shared scenario (docs/api.md, "Live"): while a shared scenario is open and
// someone is signed in, the page joins its presence (src/team/presence.ts), puts who else is there
// in the store (the presence slice: the header's chips, the list's markers, the map's rings), and
// posts what this person has selected as it changes. A scenario of this browser's own has none.
//
// Presence listens on the scenario's one live stream, the edits' (team-api's liveStream). A hidden
// tab leaves (and comes back when shown): the stream stays open for the edits, so the person is
// still listed, but what a hidden tab has selected is not shown.
import type { TeamConnection } from './team-actions';
import { joinPresence, type PresenceLink, type PresenceOptions } from '../team/presence';

/** Starts following the store; returns the way to stop (leaving the scenario's presence). */
export function startPresence(team: TeamConnection, options: Partial<Pick<PresenceOptions, 'fetch' | 'openSource' | 'baseUrl'>> = {}): () => void {
  const { store } = team.session;
  let link: PresenceLink | null = null;
  let joined: string | null = null;

  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';
  const follow = () => {
    const state = store.getState();
    const id = state.teamUser && state.openShared && !hidden() ? state.openShared.id : null;
    if (id === joined) return;
    link?.close();
    link = null;
    joined = id;
    state.setPresence([]);
    if (id === null) return;
    link = joinPresence(id, {
      baseUrl: options.baseUrl ?? (typeof document === 'undefined' ? 'http://localhost/' : document.baseURI),
      csrfToken: () => team.api.csrfToken,
      // Only while this is still the scenario joined: a late event of the last one is dropped.
      onOthers: (others) => {
        if (joined === id) store.getState().setPresence(others);
      },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.openSource ? { openSource: options.openSource } : typeof EventSource === 'undefined' ? {} : { openSource: () => team.api.liveStream(id)! }),
    });
    link?.select(state.selectedEventId);
  };

  const stops = [
    store.subscribe((state) => [state.teamUser?.username ?? null, state.openShared?.id ?? null] as const, follow, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] }),
    store.subscribe(
      (state) => state.selectedEventId,
      (id) => link?.select(id),
    ),
  ];
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', follow);
    stops.push(() => document.removeEventListener('visibilitychange', follow));
  }
  follow();
  return () => {
    for (const stop of stops) stop();
    link?.close();
    link = null;
    joined = null;
  };
}
