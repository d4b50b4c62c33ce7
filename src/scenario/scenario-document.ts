// The open scenario as a document again: what "Save scenario" downloads and the library keeps.
// Normalised (key order from the schemas, events in time order within each set, every event
// naming its set), so open → save → open → save writes the same bytes.
import type { EventSet } from '../data/event-sets';
import type { TripwireEvent } from '../data/events';
import { exportedProperties } from '../data/event-properties';
import { documentHead } from '../data/open-scenario';
import { scenarioFileParts } from './scenario-file-writer';
import type { ScenarioHead } from '../data/scenario-schema';

/** An event as the document writes it: the event format's properties, then the set it belongs to. */
export const eventFeature = (event: TripwireEvent) => ({
  type: 'Feature',
  geometry: { type: event.geometry.type, coordinates: event.geometry.coordinates },
  properties: { ...exportedProperties(event), eventSet: event.eventSetId },
});

function* featuresOf(eventSets: readonly EventSet[]) {
  for (const set of eventSets) for (const event of set.events) yield eventFeature(event);
}

/** The document's text in parts, set by set (never one giant string: a million events are ~270 MB). */
export const scenarioDocumentParts = (head: ScenarioHead, eventSets: readonly EventSet[]): Iterable<string> =>
  scenarioFileParts(documentHead(head, eventSets) as unknown as Record<string, unknown>, featuresOf(eventSets));

/** "baltic-cable-incidents.tripwire.json". */
export const scenarioFileName = (head: Pick<ScenarioHead, 'id'>) => `${head.id}.tripwire.json`;
