// The app's events (from the store) as the typed arrays the points layer draws. Routes are drawn
// as one point at their anchor, like every other event; index i of the arrays is events[i].
import { eventAnchor, type TripwireEvent } from '../../data/events';
import { CATEGORIES } from '../../data/vocabulary';
import { UNKNOWN_CATEGORY_INDEX } from './palette';
import type { TimePoints } from './types';

/** Imported files may use categories outside the vocabulary: those get the grey "unknown" slot. */
function categoryIndex(category: string): number {
  const index = (CATEGORIES as readonly string[]).indexOf(category);
  return index === -1 ? UNKNOWN_CATEGORY_INDEX : index;
}

export function timePointsFromEvents(events: readonly Pick<TripwireEvent, 'geometry' | 'start' | 'end' | 'category'>[]) {
  const count = events.length;
  const points = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    start: new Float32Array(count),
    end: new Float32Array(count),
    category: new Uint8Array(count),
  };
  events.forEach((event, index) => {
    const [lon, lat] = eventAnchor(event);
    points.lon[index] = lon;
    points.lat[index] = lat;
    points.start[index] = event.start;
    points.end[index] = event.end;
    points.category[index] = categoryIndex(event.category);
  });
  return points satisfies TimePoints;
}
