// What Save in the event form makes of its fields, in the scenario as it is now: an edited event
// keeps its id; a new one gets an id from its title and date that no event has yet, and the next
// key. Shared by the form and by the draft review's Accept, so both add events the same way.
import type { EventSet } from '../event-sets';
import type { TripwireEvent } from '../events';
import type { EventProperties } from '../schemas';
import { eventFromDraft, idFor, type EventDraft } from './event-draft';
import { nextEventKey } from './event-edits';

export function eventOfForm(
  sets: readonly EventSet[],
  draft: EventDraft,
  { editing, eventSetId, extra }: { editing: TripwireEvent | null; eventSetId: string; extra?: Partial<EventProperties> | undefined },
): ReturnType<typeof eventFromDraft> {
  const taken = new Set(sets.flatMap((set) => set.events.map((event) => event.id)));
  let id = idFor(draft.title, draft.date);
  for (let n = 2; !editing && taken.has(id); n += 1) id = `${idFor(draft.title, draft.date).slice(0, 85)}-${n}`;
  return eventFromDraft(draft, { base: editing, id, eventSetId, key: nextEventKey(sets), extra });
}
