// A private copy of the store's data at one moment: what a briefing image or a deck draws. The
// export maps follow it, and a deck steps its time and selection slide by slide, while the page the
// user is looking at (its map, list, timeline and link) never changes under them.
import { createTripwireStore, type StoreState, type TripwireStore } from './store';

export function snapshotOf(store: TripwireStore): TripwireStore {
  const copy = createTripwireStore(); // no storage: nothing of it persists
  // Only the data: the original's setters are bound to the original store.
  const data = Object.fromEntries(Object.entries(store.getState()).filter(([, value]) => typeof value !== 'function')) as Partial<StoreState>;
  copy.setState(data);
  return copy;
}
