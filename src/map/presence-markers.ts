// The main map's marks of where others on a shared scenario are looking (src/layers/presence.ts).
// Added here, to the live map only: export maps (src/map/export) are made from the scenario's
// layers and never call this, so a briefing image does not show who was looking.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { shallow } from 'zustand/shallow';
import type { TripwireStore } from '../data/store';
import { PRESENCE_SOURCE, presenceCollection, presenceLayers } from '../layers/presence';

/** Adds the source and layers once the style is there; follows the store; returns the way to stop. */
export function startPresenceMarkers(map: MapLibreMap, store: TripwireStore): () => void {
  if (!map.getSource(PRESENCE_SOURCE)) map.addSource(PRESENCE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  for (const layer of presenceLayers) if (!map.getLayer(layer.id)) map.addLayer(layer);
  return store.subscribe(
    (state) => [state.events, state.presence] as const,
    ([events, presence]) => {
      try {
        map.getSource<GeoJSONSource>(PRESENCE_SOURCE)?.setData(presenceCollection(events, presence));
      } catch (error) {
        console.warn('Tripwire: the map could not show where others are looking', error);
      }
    },
    { equalityFn: shallow, fireImmediately: true },
  );
}
