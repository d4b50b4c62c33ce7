// The app's events (from the store) as the typed arrays the points layer draws; index i of the
// arrays is events[i]. Point events are dots; routes keep a slot (so indices stay the events') but
// are not dots: MapLibre draws them as dashed lines (src/layers/events.ts).
import { eventAnchor, type TripwireEvent } from '../../data/events';
import { CATEGORIES, categoryColor, UNKNOWN_COLOR } from '../../data/vocabulary';
import { MAX_PALETTE_SIZE, paletteToFloatArray } from './palette';
import type { TimePoints } from './types';

type DrawnEvent = Pick<TripwireEvent, 'geometry' | 'start' | 'end' | 'category'> & Partial<Pick<TripwireEvent, 'eventSetId'>>;

/**
 * Category → palette index: the vocabulary's categories first (fixed indices), then the others in
 * order of appearance, each in the colour the rest of the app gives it (categoryColor, so a
 * scenario's own colours too); past the shader's palette size, the last slot, grey.
 */
function categoryPalette(events: readonly DrawnEvent[]) {
  const indices = new Map<string, number>(CATEGORIES.map((category, index) => [category, index]));
  const overflow = MAX_PALETTE_SIZE - 1;
  for (const { category } of events) if (!indices.has(category) && indices.size < overflow) indices.set(category, indices.size);
  const colors = [...indices.keys()].map(categoryColor);
  if (indices.size === overflow) colors.push(UNKNOWN_COLOR);
  return { indexOf: (category: string) => indices.get(category) ?? overflow, palette: paletteToFloatArray(colors) };
}

/** `ringedSets`: ids of imported event sets, whose dots get the dark ring. */
export function timePointsFromEvents(events: readonly DrawnEvent[], ringedSets: ReadonlySet<string> = new Set()) {
  const count = events.length;
  const { indexOf, palette } = categoryPalette(events);
  const points = {
    count,
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    start: new Float32Array(count),
    end: new Float32Array(count),
    category: new Uint8Array(count),
    palette,
    ringed: new Uint8Array(count),
    asDot: new Uint8Array(count),
  };
  events.forEach((event, index) => {
    const [lon, lat] = eventAnchor(event);
    points.lon[index] = lon;
    points.lat[index] = lat;
    points.start[index] = event.start;
    points.end[index] = event.end;
    points.category[index] = indexOf(event.category);
    points.ringed[index] = event.eventSetId !== undefined && ringedSets.has(event.eventSetId) ? 1 : 0;
    points.asDot[index] = event.geometry.type === 'Point' ? 1 : 0;
  });
  return points satisfies TimePoints;
}
