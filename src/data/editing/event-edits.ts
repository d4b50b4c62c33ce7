// Edits land on the store's event sets: the record with the id is replaced by the edit's
// `after` (or removed), wherever it is, and each set is kept in time order. Local edits, undo,
// redo and other tabs' journal entries all go through here.
import type { EventSet } from '../event-sets';
import type { TripwireEvent } from '../events';

export const byTime = (a: TripwireEvent, b: TripwireEvent) => a.start - b.start || a.end - b.end || a.key - b.key;

/** The sets with event `id` replaced by `after` (moved to its set if that changed), or removed when `after` is null. */
export function withEventReplaced(sets: readonly EventSet[], id: string, after: TripwireEvent | null): EventSet[] {
  return sets.map((set) => {
    const had = set.events.some((event) => event.id === id);
    const gets = after?.eventSetId === set.id;
    if (!had && !gets) return set;
    const events = had ? set.events.filter((event) => event.id !== id) : [...set.events];
    if (gets) events.push(after!);
    return { ...set, events: events.sort(byTime) };
  });
}

/** The sets holding exactly `events`, each event in the set it names, in time order. */
export function regroup(sets: readonly EventSet[], events: readonly TripwireEvent[]): EventSet[] {
  return sets.map((set) => ({ ...set, events: events.filter((event) => event.eventSetId === set.id).sort(byTime) }));
}

/** A key no event of the sets uses yet (keys break ties in time order and address map features). */
export const nextEventKey = (sets: readonly EventSet[]) => sets.reduce((max, set) => set.events.reduce((m, event) => Math.max(m, event.key), max), -1) + 1;
