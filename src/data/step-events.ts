import { nextEvent, previousEvent } from './selectors';
import type { TripwireStore } from './store';

/** Moves time to the next (or previous) event and selects it: the timeline's, the clicker's and the panel's step. */
export function stepToEvent(store: TripwireStore, direction: 1 | -1): void {
  const state = store.getState();
  const target = direction === 1 ? nextEvent(state.events, state.time) : previousEvent(state.events, state.time);
  if (!target) return;
  state.setTime(target.start);
  state.selectEvent(target.id);
}
