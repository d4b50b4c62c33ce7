// Keeps the URL hash and the store in step: the link in the address bar always reproduces the
// picture on screen. Selections push history entries (so Back walks through them); time, camera
// and filters replace the current entry (so scrubbing doesn't flood the history).
import type { StoreState, TripwireStore } from './store';
import { decodeView, encodeView, type UrlView } from './url-state';

const WRITE_DELAY_MS = 250;

export function currentViewHash(state: StoreState): string {
  return encodeView({
    // Only a scenario kept in the library can be named: a link to the built-in one needs no name.
    scenarioId: state.scenarioStored ? (state.scenario?.id ?? null) : null,
    time: state.time,
    mode: state.mode,
    windowMonths: state.windowMonths,
    scale: state.scale,
    focusFrom: state.focus ? state.focus[0] : null,
    selectedEventId: state.selectedEventId,
    camera: state.camera,
    hiddenLayers: state.hiddenLayers,
    categories: state.filters.categories,
    actors: state.filters.actors,
    statuses: state.filters.statuses,
    text: state.filters.text,
  });
}

/** Applies a decoded view; ids that don't exist are reported, not applied. */
export function applyView(store: TripwireStore, view: UrlView, knownLayerIds: readonly string[]): string[] {
  // view.scenarioId was used when the page opened (startScenario): a link opens one scenario.
  const state = store.getState();
  const problems: string[] = [];
  if (view.time !== undefined) state.setTime(view.time);
  if (view.mode) state.setMode(view.mode);
  if (view.windowMonths) state.setWindowMonths(view.windowMonths);
  if (view.scale) state.setScale(view.scale);
  if (view.focusFrom !== undefined) state.setFocus(view.focusFrom === null ? null : [view.focusFrom, Infinity]);
  if (view.hiddenLayers) {
    const unknown = view.hiddenLayers.filter((id) => !knownLayerIds.includes(id));
    if (unknown.length > 0) problems.push(`hide: no layer called ${unknown.join(', ')}`);
    for (const id of knownLayerIds) state.setLayerVisible(id, !view.hiddenLayers.includes(id));
  }
  if (view.categories || view.actors || view.statuses || view.text !== undefined) {
    state.setFilters({ categories: view.categories ?? [], actors: view.actors ?? [], statuses: view.statuses ?? [], text: view.text ?? '' });
  }
  if (view.selectedEventId !== undefined) {
    const exists = view.selectedEventId === null || state.events.some((event) => event.id === view.selectedEventId);
    if (exists) state.selectEvent(view.selectedEventId);
    else problems.push(`event: no event called "${view.selectedEventId}"`);
  }
  if (view.camera) state.requestCamera(view.camera);
  return problems;
}

function applyHash(store: TripwireStore, hash: string, knownLayerIds: () => readonly string[]) {
  const { view, ignored } = decodeView(hash);
  // A link that names no event shows none, so Back returns to "nothing selected".
  const problems = [...ignored, ...applyView(store, { selectedEventId: null, ...view }, knownLayerIds())];
  if (problems.length > 0) store.getState().addNotice(`Parts of this link were ignored and defaults used instead — ${problems.join('; ')}`);
}

/** `knownLayerIds`: the open scenario's layers, asked each time a link is applied (scenarios change). */
export function startUrlSync(store: TripwireStore, knownLayerIds: () => readonly string[]): () => void {
  applyHash(store, window.location.hash, knownLayerIds);
  let written = '';
  let timer: number | undefined;

  const write = (push: boolean) => {
    const hash = currentViewHash(store.getState());
    if (`#${hash}` === window.location.hash) return;
    written = `#${hash}`;
    if (push) window.history.pushState(null, '', written);
    else window.history.replaceState(null, '', written);
  };
  const unsubscribe = store.subscribe(
    (state) => state,
    (state, previous) => {
      window.clearTimeout(timer);
      if (state.selectedEventId !== previous.selectedEventId) write(true);
      else timer = window.setTimeout(() => write(false), WRITE_DELAY_MS);
    },
  );
  const onPopState = () => {
    if (window.location.hash !== written) applyHash(store, window.location.hash, knownLayerIds);
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener('hashchange', onPopState);
  return () => {
    unsubscribe();
    window.clearTimeout(timer);
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('hashchange', onPopState);
  };
}
