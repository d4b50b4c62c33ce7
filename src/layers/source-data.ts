// Pure converters from the store's validated data to the GeoJSON each map source is given once
// (on load). Dates become day numbers here so that style expressions compare plain numbers.
import type { TripwireEvent } from '../data/events';
import { parseIsoPartialDate } from '../data/dates';
import type { GeographyFeature } from '../data/schemas';

export const EMPTY_COLLECTION: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** `importedSets`: the ids of imported event sets, whose events get a dark ring. */
export function eventsToCollection(events: readonly TripwireEvent[], importedSets: ReadonlySet<string> = new Set()): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: events.map((event) => ({
      type: 'Feature',
      geometry: event.geometry,
      properties: {
        id: event.id,
        title: event.title,
        category: event.category,
        start: event.start,
        end: event.end,
        approximate: event.locationApproximate ?? false,
        // Imported event sets are drawn with a dark ring, so two event sets shown together stay apart.
        imported: importedSets.has(event.eventSetId),
      },
    })),
  };
}

/**
 * Geography for the map: validity dates as day numbers, and a separate point (isLabelAnchor)
 * where a feature names its own label position.
 */
export function geographyToCollection(features: readonly GeographyFeature[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.flatMap(({ geometry, properties }) => {
      const mapProperties = {
        ...properties,
        labelAnchor: null,
        validFromDay: properties.validFrom ? parseIsoPartialDate(properties.validFrom)!.start : null,
        validToDay: properties.validTo ? parseIsoPartialDate(properties.validTo)!.end : null,
        startDay: properties.date ? parseIsoPartialDate(properties.date)!.start : null,
      };
      const shape: GeoJSON.Feature = { type: 'Feature', geometry: geometry as GeoJSON.Geometry, properties: mapProperties };
      if (!properties.labelAnchor) return [shape];
      const anchor: GeoJSON.Feature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: properties.labelAnchor },
        properties: { ...mapProperties, isLabelAnchor: true },
      };
      return [shape, anchor];
    }),
  };
}
