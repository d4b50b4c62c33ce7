// Where others on a shared scenario are looking (src/data/slices/presence.ts): a ring round each
// event someone else has selected, and their initials beside it. Pure specs and data: the main map
// alone adds them (src/map/presence-markers.ts), never an export's map, so a briefing image does
// not show who was looking. Drawn on top of everything: a few small marks.
import type { CircleLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { TripwireEvent } from '../data/events';
import { eventAnchor } from '../data/events';
import { initialsOf, selectedBy, type PresentPerson } from '../data/slices/presence';
import { fonts } from './palette';

export const PRESENCE_SOURCE = 'presence';
export const PRESENCE_RING_LAYER = 'presence-ring';
export const PRESENCE_LABEL_LAYER = 'presence-label';
/** The header's chips and the list's markers share it (src/ui/team/presence.css). */
export const PRESENCE_COLOR = '#6a3d9a';

export const presenceLayers: readonly [CircleLayerSpecification, SymbolLayerSpecification] = [
  {
    // Wider than a selected dot (and its own ring), so both show.
    id: PRESENCE_RING_LAYER,
    type: 'circle',
    source: PRESENCE_SOURCE,
    paint: {
      'circle-radius': 13,
      'circle-opacity': 0,
      'circle-stroke-width': 2.5,
      'circle-stroke-color': PRESENCE_COLOR,
      'circle-pitch-alignment': 'map',
    },
  },
  {
    // Above and to the right of the ring: the selected event's own label is placed below, above,
    // left or right of its dot (events.ts), so a corner keeps clear of it in the usual case.
    id: PRESENCE_LABEL_LAYER,
    type: 'symbol',
    source: PRESENCE_SOURCE,
    layout: {
      'text-field': ['get', 'initials'],
      'text-font': fonts.bold,
      'text-size': 11,
      'text-anchor': 'bottom-left',
      'text-offset': [0.75, -0.75],
      // Always drawn, and the names of the map beneath keep clear of it.
      'text-allow-overlap': true,
      'text-ignore-placement': false,
    },
    paint: { 'text-color': PRESENCE_COLOR, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  },
];

/** One point per event someone else has selected, with their initials ("BO", "BO CA"). Events not loaded here are left out. */
export function presenceCollection(events: readonly Pick<TripwireEvent, 'id' | 'geometry'>[], presence: readonly PresentPerson[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const byEvent = selectedBy(presence);
  if (byEvent.size === 0) return { type: 'FeatureCollection', features: [] };
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  for (const event of events) {
    const names = byEvent.get(event.id);
    if (!names) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: eventAnchor(event) },
      properties: { id: event.id, initials: names.map(initialsOf).join(' '), names: names.join(', ') },
    });
    if (features.length === byEvent.size) break;
  }
  return { type: 'FeatureCollection', features };
}
