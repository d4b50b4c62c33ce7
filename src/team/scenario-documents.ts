// How the server storage (src/storage/server-storage.ts) writes a whole new version of a shared
// scenario: the same writer as "Save scenario", so the server reads it exactly as a file.
import type { TripwireEvent } from '../data/events';
import type { ScenarioHead } from '../data/scenario-schema';
import { eventSetOf } from '../data/open-scenario';
import { scenarioDocumentParts } from '../scenario/scenario-document';

/** The event sets of a stored head and its events (each event names its set). */
export const eventSetsOf = (head: ScenarioHead, events: readonly TripwireEvent[]) =>
  head.eventSets.map((set) => eventSetOf(head, set, events.filter((event) => event.eventSetId === set.id)));

/** A head and its events as a document, written in parts. */
export const writeScenarioDocument = (head: ScenarioHead, events: readonly TripwireEvent[]): Blob =>
  new Blob([...scenarioDocumentParts(head, eventSetsOf(head, events))], { type: 'application/json' });
