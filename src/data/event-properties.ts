// An event's properties as the event format writes them: the schema's order (so files diff
// cleanly), only the fields that are set. Shared by exports, the scenario document and the event form.
import { eventPropertiesSchema, factCheckSchema, type EventProperties } from './schemas';

/** What export needs of an event: a TripwireEvent (normalised-only fields are dropped) or a raw one. */
export type ExportableEvent = EventProperties & { geometry: GeoJSON.Point | GeoJSON.LineString };

const PROPERTY_ORDER = Object.keys(eventPropertiesSchema.shape) as (keyof EventProperties)[];
const FACT_CHECK_ORDER = Object.keys(factCheckSchema.shape);

/** The listed keys of `source` that are set, in the listed order. */
export function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const values = source as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}

export function exportedProperties(event: ExportableEvent): Record<string, unknown> {
  const properties = pick(event, PROPERTY_ORDER);
  if (event.factCheck) properties.factCheck = pick(event.factCheck, FACT_CHECK_ORDER);
  return properties;
}
