// Hover and click on event dots. The GPU points layer cannot be queried like MapLibre's own
// layers, so the events' anchors go into a spatial index once (KDBush, in Web Mercator like the
// layer itself), and a pointer looks up the few around it, keeping the dots the layer draws now:
// started, still in the time window, and passing the filters. Routes are MapLibre's, queried as usual.
import KDBush from 'kdbush';
import { MercatorCoordinate, type Map as MapLibreMap } from 'maplibre-gl';
import { eventAnchor, type TripwireEvent } from '../data/events';
import { isEventVisibleAt, matchesFilters, windowStart } from '../data/selectors';
import type { StoreState } from '../data/store';

export interface EventPicker {
  events: readonly TripwireEvent[];
  /** Dots drawn with their centre within `radius` pixels of `point`, nearest first, then oldest first. */
  pick(map: MapLibreMap, point: { x: number; y: number }, radius: number, state: Pick<StoreState, 'time' | 'mode' | 'windowMonths' | 'filters'>): TripwireEvent[];
}

export function createEventPicker(events: readonly TripwireEvent[]): EventPicker {
  const index = new KDBush(events.length);
  for (const event of events) {
    const [lng, lat] = eventAnchor(event);
    const { x, y } = MercatorCoordinate.fromLngLat({ lng, lat });
    index.add(x, y);
  }
  index.finish();
  return {
    events,
    pick(map, point, radius, state) {
      const corner = (dx: number, dy: number) => MercatorCoordinate.fromLngLat(map.unproject([point.x + dx, point.y + dy]));
      const topLeft = corner(-radius, -radius);
      const bottomRight = corner(radius, radius);
      // Whole days, as the map is given them (sync.ts).
      const day = Math.floor(state.time);
      const earliest = windowStart(state.time, state.mode, state.windowMonths);
      const distance = (event: TripwireEvent) => {
        const { x, y } = map.project(eventAnchor(event));
        return Math.hypot(x - point.x, y - point.y);
      };
      return index
        .range(topLeft.x, topLeft.y, bottomRight.x, bottomRight.y)
        .map((id) => events[id]!)
        .filter((event) => event.geometry.type === 'Point' && isEventVisibleAt(event, day, earliest) && matchesFilters(event, state.filters))
        .sort((a, b) => distance(a) - distance(b) || a.start - b.start);
    },
  };
}
