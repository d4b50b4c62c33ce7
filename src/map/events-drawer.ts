// Every event is drawn one way, whatever their number (the article's 37 or an import's million):
// - dots by the GPU points layer: uploaded once, filtered by time and faded in the shader, so
//   moving the timeline costs one redraw (BENCHMARKS.md); hover and selection are two more draws;
// - routes by MapLibre as dashed lines, which follow time by feature-state, set only for the routes
//   whose answer changed (no tile is laid out again);
// - the selected event's label by a one-feature source, set only when the selection or whether it
//   shows changes.
// Hover and click on the dots go through events-picker.ts.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { TripwireEvent } from '../data/events';
import { EVENT_LABEL_LAYER, EVENT_LABEL_SOURCE, EVENT_MARKERS_SOURCE, EVENTS_SOURCE, ROUTE_FADE } from '../layers/events';
import { OUT_OF_TIME } from '../layers/expressions';
import { EMPTY_COLLECTION, eventsToCollection } from '../layers/source-data';
import { createTimePointsLayer, prepareSharedProgram, timePointsFromEvents, type TimePointsLayer, type TimePointsStyle, type TimeWindow } from './gpu-points';
import { DEFAULT_TIME_POINTS_STYLE } from './gpu-points/time-points-layer';

export const GPU_EVENTS_LAYER = 'event-points-gpu';
/** From this many events on, dots are drawn small: a crowd, not a story. */
export const CROWDED_EVENTS = 5_000;
/** The article's look (MapLibre circle sizes: radius, then the outline outside it). */
const STORY_LOOK: TimePointsStyle = {
  dot: { radius: 7, strokeWidth: 1.5, strokeColor: '#ffffff' },
  ringed: { radius: 7, strokeWidth: 2.5, strokeColor: '#111111' },
  hovered: { radius: 9, strokeWidth: 2.5, strokeColor: '#222222' },
  selected: { radius: 11, strokeWidth: 3, strokeColor: '#111111' },
  opacityFloor: 0.35,
  outlineFades: false,
};
/** Routes fade to this, like the dots to theirs: a line is thinner, so it may fade further. */
const ROUTE_OPACITY_FLOOR = 0.3;
/** Route opacity in steps of 1/64: a finer fade would set feature-state on every tick for nothing visible. */
const FADE_STEPS = 64;

const lookFor = (count: number) => (count < CROWDED_EVENTS ? STORY_LOOK : DEFAULT_TIME_POINTS_STYLE);
/** Radius of a dot, outline included, in CSS pixels: what a pointer must be within to touch it. */
export const dotRadiusFor = (count: number) => lookFor(count).dot.radius + lookFor(count).dot.strokeWidth;

export interface EventsDrawer {
  setEvents(events: readonly TripwireEvent[], importedSets: ReadonlySet<string>): void;
  setTime(window: TimeWindow): void;
  /** `matching`: the events that pass the user's filters, in `events`' order (filteredEvents); null = all. */
  setMatching(events: readonly TripwireEvent[], matching: readonly TripwireEvent[] | null): void;
  /** Ids of the hovered and the selected event (drawn larger, on top; the selected one labelled). */
  setEmphasis(hovered: string | null, selected: string | null): void;
  setVisible(visible: boolean): void;
  /** Events may be on their way (an import): get the GPU layer's shaders ready meanwhile. */
  prepare(): void;
}

interface RouteState {
  id: string;
  index: number;
  /** What its feature-state says; null until set (the map may keep a state from before a setData). */
  hidden: boolean | null;
  fade: number;
}

export function createEventsDrawer(map: MapLibreMap): EventsDrawer {
  let gpu: TimePointsLayer | null = null;
  let crowded = false;
  let visible = true;
  let events: readonly TripwireEvent[] = [];
  let shown: Uint8Array | null = null;
  let timeWindow: TimeWindow | null = null;
  let routes: RouteState[] = [];
  let hoveredId: string | null = null;
  let selectedId: string | null = null;
  /** Their indices in `events` (-1: none), looked up when they or the events change, never per tick. */
  let hoveredIndex = -1;
  let selectedIndex = -1;
  let labelled: TripwireEvent | null = null;

  const isShown = (index: number) => {
    const event = events[index]!;
    if (shown && !shown[index]) return false;
    return !timeWindow || (event.start <= timeWindow.time && event.end >= timeWindow.windowStart);
  };

  /** Routes whose visibility or fade step changed get a new feature-state; the rest keep theirs. */
  const updateRoutes = () => {
    for (const route of routes) {
      const event = events[route.index]!;
      const hidden = !isShown(route.index);
      const age = timeWindow ? (timeWindow.time - event.start) / Math.max(1, timeWindow.fadeDays) : 0;
      const fade = Math.round(Math.max(ROUTE_OPACITY_FLOOR, 1 - (1 - ROUTE_OPACITY_FLOOR) * age) * FADE_STEPS) / FADE_STEPS;
      if (hidden === route.hidden && fade === route.fade) continue;
      route.hidden = hidden;
      route.fade = fade;
      map.setFeatureState({ source: EVENTS_SOURCE, id: route.id }, { [OUT_OF_TIME]: hidden, [ROUTE_FADE]: fade });
    }
  };

  const indexOf = (id: string | null) => (id === null ? -1 : events.findIndex((event) => event.id === id));

  /** The label source holds the selected event while it shows, else nothing. */
  const updateLabel = () => {
    const next = selectedIndex >= 0 && isShown(selectedIndex) ? events[selectedIndex]! : null;
    if (next === labelled) return;
    labelled = next;
    map.getSource<GeoJSONSource>(EVENT_LABEL_SOURCE)?.setData(next ? eventsToCollection([next]) : EMPTY_COLLECTION);
  };

  const updateEmphasis = () => {
    const dot = (index: number) => (index >= 0 && events[index]!.geometry.type === 'Point' ? index : null);
    gpu?.setEmphasis({ hovered: dot(hoveredIndex), selected: dot(selectedIndex) });
  };

  return {
    setEvents(next, importedSets) {
      events = next;
      shown = null;
      labelled = null;
      routes = [];
      events.forEach((event, index) => {
        if (event.geometry.type === 'LineString') routes.push({ id: event.id, index, hidden: null, fade: 1 });
      });
      map.getSource<GeoJSONSource>(EVENTS_SOURCE)?.setData(eventsToCollection(routes.map((route) => events[route.index]!), importedSets));
      const points = timePointsFromEvents(events, importedSets);
      const nowCrowded = events.length >= CROWDED_EVENTS;
      // A crowd of dots is a texture, not a set of markers to keep names off.
      map.getSource<GeoJSONSource>(EVENT_MARKERS_SOURCE)?.setData(nowCrowded ? EMPTY_COLLECTION : markerPositions(events));
      if (gpu && nowCrowded === crowded) gpu.setData(points);
      else {
        if (gpu) map.removeLayer(GPU_EVENTS_LAYER);
        crowded = nowCrowded;
        gpu = createTimePointsLayer(GPU_EVENTS_LAYER, points, lookFor(events.length));
        map.addLayer(gpu, map.getLayer(EVENT_LABEL_LAYER) ? EVENT_LABEL_LAYER : undefined);
        this.setVisible(visible);
      }
      if (timeWindow) gpu.setTime(timeWindow);
      hoveredIndex = indexOf(hoveredId);
      selectedIndex = indexOf(selectedId);
      updateRoutes();
      updateEmphasis();
      updateLabel();
    },
    setTime(next) {
      timeWindow = next;
      gpu?.setTime(next);
      updateRoutes();
      updateLabel();
    },
    setMatching(all, matching) {
      if (all !== events) return;
      if (!matching) shown = null;
      else {
        // `matching` is a subsequence of `events`: one walk, no lookups by id.
        shown = new Uint8Array(events.length);
        for (let index = 0, next = 0; index < events.length && next < matching.length; index++) {
          if (events[index] === matching[next]) {
            shown[index] = 1;
            next++;
          }
        }
      }
      gpu?.setShown(shown);
      updateRoutes();
      updateLabel();
    },
    setEmphasis(hovered, selected) {
      if (hovered !== hoveredId) hoveredIndex = indexOf((hoveredId = hovered));
      if (selected !== selectedId) selectedIndex = indexOf((selectedId = selected));
      updateEmphasis();
      updateLabel();
    },
    prepare() {
      // The map's own WebGL2 context: getContext hands back the one MapLibre created.
      const gl = map.getCanvas().getContext('webgl2');
      if (gl) prepareSharedProgram(gl);
    },
    setVisible(next) {
      visible = next;
      if (gpu) map.setLayoutProperty(GPU_EVENTS_LAYER, 'visibility', next ? 'visible' : 'none');
    },
  };
}

/** The dots' positions alone (no properties): all the keep-out layer needs. */
function markerPositions(events: readonly TripwireEvent[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: events.flatMap((event) => (event.geometry.type === 'Point' ? [{ type: 'Feature' as const, properties: {}, geometry: event.geometry }] : [])),
  };
}
