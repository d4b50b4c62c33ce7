// Three ways to filter N dated points by time on one MapLibre map, drawn alike (same dot size,
// same colours, same fade) so that the benchmark compares only how a time change is applied.
import type { CircleLayerSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { SyntheticEvents } from './synthetic-events';
import { CATEGORIES } from '../data/vocabulary';
import { categoryColor, eventVisibleNow, GLOBAL, recencyOpacity } from '../layers/expressions';
import { createTimePointsLayer, type TimePointsLayer, type TimePointsStats, type TimeWindow } from '../map/gpu-points';

export const APPROACHES = ['tripwire', 'setData', 'global-state'] as const;
export type ApproachName = (typeof APPROACHES)[number];

export interface Approach {
  setTime(window: TimeWindow): void;
  remove(): void;
  /** GPU bytes held by the points (tripwire only: MapLibre's own buffers are not visible). */
  gpuBytes(): number | null;
  /** Upload and draw-range counters of the GPU layer (tripwire only). */
  layerStats(): TimePointsStats | null;
  /** Resolves when the map has drawn all the data once (call right after starting the approach). */
  drawn(): Promise<void>;
}

const SOURCE_ID = 'bench-points';
const LAYER_ID = 'bench-points';
/** Points go under the basemap's labels, where the app draws its events. */
const BELOW_LAYER = 'basemap-city-labels';
const OPACITY_FLOOR = 0.35;
/** Dot radius 3 px and a 1 px outline outside it, in all three. */
const CIRCLE_RADIUS = 3;
const STROKE_WIDTH = 1;

function feature(events: SyntheticEvents, index: number, opacity?: number): GeoJSON.Feature<GeoJSON.Point> {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [events.lon[index]!, events.lat[index]!] },
    properties: {
      id: String(index),
      start: events.start[index]!,
      end: events.end[index]!,
      category: CATEGORIES[events.category[index]!],
      ...(opacity === undefined ? {} : { opacity }),
    },
  };
}

function circleLayer(filter: CircleLayerSpecification['filter'], opacity: CircleLayerSpecification['paint']): CircleLayerSpecification {
  return {
    id: LAYER_ID,
    type: 'circle',
    source: SOURCE_ID,
    ...(filter ? { filter } : {}),
    paint: { 'circle-color': categoryColor(), 'circle-radius': CIRCLE_RADIUS, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': STROKE_WIDTH, ...opacity },
  };
}

/** The next `idle`: MapLibre has no source, layout or placement work left. */
const idle = (map: MapLibreMap) => new Promise<void>((resolve) => map.once('idle', () => resolve()));

function removeGeoJson(map: MapLibreMap) {
  map.removeLayer(LAYER_ID);
  map.removeSource(SOURCE_ID);
}

/** The proposal: typed arrays uploaded once; time = uniforms + repaint. */
function tripwire(map: MapLibreMap, events: SyntheticEvents): Approach {
  const layer: TimePointsLayer = createTimePointsLayer(LAYER_ID, events, {
    dot: { radius: CIRCLE_RADIUS, strokeWidth: STROKE_WIDTH, strokeColor: '#ffffff' },
    opacityFloor: OPACITY_FLOOR,
  });
  map.addLayer(layer, BELOW_LAYER);
  return {
    setTime: (window) => layer.setTime(window),
    remove: () => map.removeLayer(LAYER_ID),
    gpuBytes: () => layer.stats().gpuBytes,
    layerStats: () => layer.stats(),
    drawn: () => layer.ready(),
  };
}

/** The naive way: filter on the CPU and hand the map a new GeoJSON subset on every tick. */
function setData(map: MapLibreMap, events: SyntheticEvents): Approach {
  map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const opacity = ['get', 'opacity'] as const;
  map.addLayer(circleLayer(undefined, { 'circle-opacity': [...opacity], 'circle-stroke-opacity': [...opacity] }), BELOW_LAYER);
  return {
    setTime({ time, windowStart, fadeDays }) {
      const features: GeoJSON.Feature[] = [];
      for (let i = 0; i < events.count; i++) {
        if (events.start[i]! > time || events.end[i]! < windowStart) continue;
        features.push(feature(events, i, Math.max(OPACITY_FLOOR, 1 - ((1 - OPACITY_FLOOR) * (time - events.start[i]!)) / fadeDays)));
      }
      map.getSource<GeoJSONSource>(SOURCE_ID)!.setData({ type: 'FeatureCollection', features });
    },
    remove: () => removeGeoJson(map),
    gpuBytes: () => null,
    layerStats: () => null,
    drawn: () => idle(map),
  };
}

/** How the app drew its events before the GPU layer drew them all: points given once; the style's filter and opacity read global state. */
function globalState(map: MapLibreMap, events: SyntheticEvents): Approach {
  const features = Array.from({ length: events.count }, (_, index) => feature(events, index));
  map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features } });
  map.addLayer(circleLayer(eventVisibleNow(), { 'circle-opacity': recencyOpacity(OPACITY_FLOOR), 'circle-stroke-opacity': recencyOpacity(OPACITY_FLOOR) }), BELOW_LAYER);
  // As the app did: only what changed is set, so a tick in cumulative mode sets `time` alone.
  const current = new Map<string, number>();
  const set = (name: string, value: number) => {
    if (current.get(name) === value) return;
    current.set(name, value);
    map.setGlobalStateProperty(name, value);
  };
  return {
    setTime({ time, windowStart, fadeDays }) {
      set(GLOBAL.time, time);
      set(GLOBAL.windowStart, windowStart);
      set(GLOBAL.fadeDays, fadeDays);
    },
    remove: () => removeGeoJson(map),
    gpuBytes: () => null,
    layerStats: () => null,
    drawn: () => idle(map),
  };
}

export function startApproach(map: MapLibreMap, name: ApproachName, events: SyntheticEvents): Approach {
  const start = { tripwire, setData, 'global-state': globalState }[name];
  if (!start) throw new Error(`unknown approach "${name}": one of ${APPROACHES.join(', ')}`);
  return start(map, events);
}
