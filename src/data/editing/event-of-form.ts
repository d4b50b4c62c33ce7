// What Save in the event form makes of its fields, in the scenario as it is now: an edited event
// keeps its id; a new one gets an id from its title and date that no event has yet, and the next
// key. Shared by the form and by the draft review's Accept, so both add events the same way.
import type { EventSet } from '../event-sets';
import type { TripwireEvent } from '../events';
import type { EventProperties } from '../schemas';
import { eventFromFormValues, idFor, type EventFormValues } from './event-form-values';
import { nextEventKey } from './event-edits';

export function eventOfForm(
  sets: readonly EventSet[],
  values: EventFormValues,
  { editing, eventSetId, extra }: { editing: TripwireEvent | null; eventSetId: string; extra?: Partial<EventProperties> | undefined },
): ReturnType<typeof eventFromFormValues> {
  const taken = new Set(sets.flatMap((set) => set.events.map((event) => event.id)));
  let id = idFor(values.title, values.date);
  for (let n = 2; !editing && taken.has(id); n += 1) id = `${idFor(values.title, values.date).slice(0, 85)}-${n}`;
  return eventFromFormValues(values, { base: editing, id, eventSetId, key: nextEventKey(sets), extra });
}
