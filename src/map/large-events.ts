// Large event sets (an analyst's year of incidents, 5,000+ events) are drawn by the GPU points
// layer: uploaded once, filtered by time in the shader, so moving the timeline costs one redraw
// (see BENCHMARKS.md). The article's events and small imports keep the GeoJSON layers, with hover,
// selection and labels. In the large mode hover and click go through large-events-picker.ts.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { TripwireEvent } from '../data/events';
import { EVENTS_SOURCE } from '../layers/events';
import { EMPTY_COLLECTION, eventsToCollection } from '../layers/source-data';
import { createTimePointsLayer, prepareSharedProgram, timePointsFromEvents, type TimePointsLayer, type TimeWindow } from './gpu-points';

export const LARGE_SCENARIO_EVENTS = 5_000;
export const GPU_EVENTS_LAYER = 'event-points-gpu';
/** Drawn where the GeoJSON event points are: under the labels. */
const BELOW = 'event-selected-label';

export interface EventsDrawer {
  setEvents(events: readonly TripwireEvent[], importedSets: ReadonlySet<string>): void;
  /** Whether the GPU layer draws the events (the GeoJSON event layers are then empty). */
  large(): boolean;
  setTime(window: TimeWindow): void;
  /** `matching`: the events that pass the user's filters, in `events`' order (filteredEvents); null = all. */
  setMatching(events: readonly TripwireEvent[], matching: readonly TripwireEvent[] | null): void;
  setVisible(visible: boolean): void;
  /** Events may be on their way (an import): get the GPU layer's shaders ready meanwhile. */
  prepare(): void;
}

export function createEventsDrawer(map: MapLibreMap): EventsDrawer {
  let gpu: TimePointsLayer | null = null;
  let visible = true;
  return {
    setEvents(events, importedSets) {
      const source = map.getSource<GeoJSONSource>(EVENTS_SOURCE);
      if (events.length <= LARGE_SCENARIO_EVENTS) {
        if (gpu) map.removeLayer(GPU_EVENTS_LAYER);
        gpu = null;
        source?.setData(eventsToCollection(events, importedSets));
        return;
      }
      source?.setData(EMPTY_COLLECTION);
      const points = timePointsFromEvents(events);
      if (gpu) gpu.setData(points);
      else {
        gpu = createTimePointsLayer(GPU_EVENTS_LAYER, points);
        map.addLayer(gpu, map.getLayer(BELOW) ? BELOW : undefined);
        this.setVisible(visible);
      }
    },
    large: () => gpu !== null,
    setTime(window) {
      gpu?.setTime(window);
    },
    setMatching(events, matching) {
      if (!gpu) return;
      if (!matching) return gpu.setShown(null);
      // `matching` is a subsequence of `events`: one walk, no lookups by id.
      const shown = new Uint8Array(events.length);
      for (let index = 0, next = 0; index < events.length && next < matching.length; index++) {
        if (events[index] === matching[next]) {
          shown[index] = 1;
          next++;
        }
      }
      gpu.setShown(shown);
    },
    prepare() {
      // The map's own WebGL2 context: getContext hands back the one MapLibre created.
      const gl = map.getCanvas().getContext('webgl2');
      if (gl) prepareSharedProgram(gl);
    },
    setVisible(shown) {
      visible = shown;
      if (gpu) map.setLayoutProperty(GPU_EVENTS_LAYER, 'visibility', shown ? 'visible' : 'none');
    },
  };
}
