// The bridge from the store to the map: each subscription pushes one kind of change with the
// cheapest MapLibre call for it, and only when the value really changed.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { shallow } from 'zustand/shallow';
import { bbox } from '@turf/turf';
import type { StoreState, TripwireStore } from '../data/store';
import { eventVertices } from '../data/events';
import { filteredEvents, hasActiveFilters, prepareTextSearch, windowStart } from '../data/selectors';
import type { MapLayers } from '../layers';
import { EVENTS_SOURCE } from '../layers/events';
import { OUT_OF_TIME } from '../layers/expressions';
import { drawnAt, geographyChangeDays, geographyTimeAt, type GeographyDays, type GeographyTimeRule } from '../layers/geography-time';
import { geographyToCollection } from '../layers/source-data';
import { createEventsDrawer } from './events-drawer';
import { fitClear, isClearlyInView } from './clear-area';

const DAYS_PER_MONTH = 30.44;
/** In cumulative mode events fade over ten years, so the last few stand out. */
const CUMULATIVE_FADE_DAYS = 3650;

/** Which map source holds a geography feature, by its id (for feature-state). */
function sourceOfGeography(state: StoreState, layers: MapLayers, id: string): string | null {
  const module = layers.all.find(
    (layer) => layer.geographyLayer && state.geography[layer.geographyLayer]?.some((feature) => feature.properties.id === id),
  );
  return module ? Object.keys(module.sources)[0]! : null;
}

/**
 * `followCamera`: the main map obeys camera requests and reports its camera; an inset keeps
 * its own fixed frame and only mirrors data, time, filters and visibility.
 */
/**
 * store.subscribe, but a failing map call (a lost WebGL context, a map being removed) is logged
 * instead of thrown: store listeners run in a row, and one throwing would stop the panels' updates.
 */
function guardedSubscribe(store: TripwireStore) {
  return <T,>(selector: (state: StoreState) => T, listener: (value: T, previous: T) => void, options?: { equalityFn?: (a: T, b: T) => boolean; fireImmediately?: boolean }) =>
    store.subscribe(
      selector,
      (value, previous) => {
        try {
          listener(value, previous);
        } catch (error) {
          console.warn('Tripwire: the map could not apply a change', error);
        }
      },
      options,
    );
}

export function startSync(map: MapLibreMap, store: TripwireStore, { followCamera, layers }: { followCamera: boolean; layers: MapLayers }): () => void {
  const subscribe = guardedSubscribe(store);
  const drawer = createEventsDrawer(map);
  const setFeatureFlag = (source: string | null, id: string | null, flag: string, value: boolean) => {
    if (source && id) map.setFeatureState({ source, id }, { [flag]: value });
  };

  // Geography follows time by feature-state (expressions.ts, shownInTime): on the few days the
  // geography clock moves, only the features whose answer changed get a new state, and no tile is
  // laid out again.
  let geographyChanges: number[] = [];
  let timedFeatures: { source: string; id: string; rule: GeographyTimeRule; days: GeographyDays }[] = [];
  let geographyClock: number | null = null;
  const outOfTime = new Map<string, boolean>();
  const setGeographyTime = (day: number) => {
    const clock = geographyTimeAt(geographyChanges, day);
    if (clock === geographyClock) return;
    geographyClock = clock;
    for (const { source, id, rule, days } of timedFeatures) {
      const hidden = !drawnAt(rule, days, clock);
      const key = `${source}\u0000${id}`;
      if ((outOfTime.get(key) ?? false) === hidden) continue; // a shape and its label anchor share an id
      outOfTime.set(key, hidden);
      map.setFeatureState({ source, id }, { [OUT_OF_TIME]: hidden });
    }
  };
  const applyTime = ({ time, mode, windowMonths }: Pick<StoreState, 'time' | 'mode' | 'windowMonths'>) => {
    // Whole days only: the data has no finer grain, and while playing this turns 60 style
    // updates a second into a few, so the map re-evaluates only when the day changes.
    const timeWindow = {
      time: Math.floor(time),
      windowStart: Math.max(-1e6, windowStart(time, mode, windowMonths)),
      fadeDays: mode === 'window' ? windowMonths * DAYS_PER_MONTH : CUMULATIVE_FADE_DAYS,
    };
    setGeographyTime(timeWindow.time);
    drawer.setTime(timeWindow);
  };

  const subscriptions = [
    // Data: given to the sources once per load (or import), never per tick.
    subscribe(
      (state) => state.geography,
      (geography) => {
        timedFeatures = [];
        for (const layer of layers.all) {
          const features = layer.geographyLayer ? geography[layer.geographyLayer] : undefined;
          if (!features) continue;
          const source = Object.keys(layer.sources)[0]!;
          const collection = geographyToCollection(features);
          map.getSource<GeoJSONSource>(source)?.setData(collection);
          const rule = layer.geographyTimeRule;
          if (rule) for (const { properties } of collection.features) timedFeatures.push({ source, id: String(properties!.id), rule, days: properties as GeographyDays });
        }
        geographyChanges = geographyChangeDays(geography);
        geographyClock = null; // features may be new: answer for every one again
        setGeographyTime(Math.floor(store.getState().time));
      },
      { fireImmediately: true },
    ),
    subscribe(
      (state) => state.events,
      (events) => {
        drawer.setEvents(events, new Set(store.getState().eventSets.filter((set) => set.imported).map((set) => set.id)));
        void prepareTextSearch(events); // between tasks, so a later text search takes one quick pass
      },
      { fireImmediately: true },
    ),
    // An import or restore has begun: a large one will need the GPU layer's shaders.
    subscribe((state) => state.eventsArriving, (arriving) => arriving && drawer.prepare()),
    // Time: three numbers for the GPU layer's shader, feature-state for what changed.
    subscribe((state) => [state.time, state.mode, state.windowMonths] as const, () => applyTime(store.getState()), { equalityFn: shallow, fireImmediately: true }),
    subscribe(
      (state) => [state.events, state.filters] as const,
      ([events, filters]) => {
        // One pass, shared with the list and the other maps (filteredEvents keeps its last answer),
        // and none of it when no filter is set (a million events, imported just now).
        const matching = filteredEvents(events, filters);
        // The GPU layer's per-event "shown" bytes are rewritten in place (BENCHMARKS.md).
        drawer.setMatching(events, hasActiveFilters(filters) ? matching : null);
      },
      { equalityFn: shallow, fireImmediately: true },
    ),
    // Selection and hover: the GPU layer draws those dots again on top; routes by feature-state.
    subscribe(
      (state) => [state.hoveredEventId, state.selectedEventId] as const,
      ([hovered, selected], [previousHovered, previousSelected]) => {
        setFeatureFlag(EVENTS_SOURCE, previousHovered, 'hovered', false);
        setFeatureFlag(EVENTS_SOURCE, previousSelected, 'selected', false);
        setFeatureFlag(EVENTS_SOURCE, hovered, 'hovered', true);
        setFeatureFlag(EVENTS_SOURCE, selected, 'selected', true);
        drawer.setEmphasis(hovered, selected);
      },
      { equalityFn: shallow, fireImmediately: true },
    ),
    subscribe(
      (state) => state.selectedGeographyId,
      (id, previous) => {
        const state = store.getState();
        if (previous) setFeatureFlag(sourceOfGeography(state, layers, previous), previous, 'selected', false);
        if (id) setFeatureFlag(sourceOfGeography(state, layers, id), id, 'selected', true);
      },
    ),
    // Layer toggles: visibility of every style layer of the module.
    subscribe(
      (state) => state.hiddenLayers,
      (hidden) => {
        for (const module of layers.all) {
          const visibility = hidden.includes(module.id) ? 'none' : 'visible';
          for (const layer of module.layers) {
            if (map.getLayoutProperty(layer.id, 'visibility') !== visibility) map.setLayoutProperty(layer.id, 'visibility', visibility);
          }
        }
        drawer.setVisible(!hidden.includes('events'));
      },
      { fireImmediately: true },
    ),
  ];
  if (followCamera) subscriptions.push(...startCameraSync(map, store));
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}

/**
 * Runs `fit` once the panels a change opens (the selected event's detail) are on the page: the
 * store tells the map before React draws them, and a frame clear of them needs their boxes.
 */
const afterPanelsRender = (fit: () => void) => requestAnimationFrame(() => requestAnimationFrame(fit));

/** Camera requests from the panels and the URL; the camera reported back; selections kept in view. */
function startCameraSync(map: MapLibreMap, store: TripwireStore): (() => void)[] {
  const subscribe = guardedSubscribe(store);
  const reportCamera = () => {
    const { lng, lat } = map.getCenter();
    store.getState().setCamera({ center: [lng, lat], zoom: map.getZoom(), bearing: map.getBearing() });
  };
  map.on('moveend', reportCamera);
  reportCamera();
  return [
    () => map.off('moveend', reportCamera),
    subscribe(
      (state) => state.cameraRequest,
      (request) => {
        if (request?.kind === 'bounds') {
          if (request.clearOfPanels) {
            afterPanelsRender(() => fitClear(map, request.bounds, { maxZoom: request.maxZoom, duration: 600 }));
          } else {
            const [west, south, east, north] = request.bounds;
            map.fitBounds([[west, south], [east, north]], { padding: 80, maxZoom: request.maxZoom, duration: 600 });
          }
        } else if (request?.kind === 'camera') {
          map.jumpTo(request.camera);
        }
      },
      // A request made before the map loaded (from the URL) still counts.
      { fireImmediately: true },
    ),
    // Selecting an event that is off screen or under a panel brings it into the clear part of the
    // map (at the current zoom if it can), as a briefing slide frames its event.
    subscribe(
      (state) => state.selectedEventId,
      (id) => {
        const event = store.getState().events.find((candidate) => candidate.id === id);
        if (!event) return;
        afterPanelsRender(() => {
          if (isClearlyInView(map, eventVertices(event))) return;
          fitClear(map, bbox(event.geometry) as [number, number, number, number], { maxZoom: Math.max(map.getZoom(), 4), duration: 600 });
        });
      },
    ),
  ];
}
