import type { ExpressionSpecification } from 'maplibre-gl';
import type { LayerModule } from './types';
import { byInteraction, categoryColor, shownInTime } from './expressions';
import { fonts } from './palette';
import { EMPTY_COLLECTION } from './source-data';

/** The scenario's routes (LineString events); dots are drawn by the GPU points layer (src/map/events-drawer.ts). */
export const EVENTS_SOURCE = 'events';
export const EVENT_ROUTES_LAYER = 'event-routes';
/** The selected event alone, for its label: set only when the selection or its visibility changes. */
export const EVENT_LABEL_SOURCE = 'event-label';
export const EVENT_LABEL_LAYER = 'event-selected-label';
/** Where the dots are, for MapLibre's label placement only: set when the events change, not with time. */
export const EVENT_MARKERS_SOURCE = 'event-markers';
export const EVENT_KEEP_OUT_LAYER = 'event-keep-out';
/** Marks a layer that only keeps the basemap's names away (style.ts places it after the data's labels). */
export const KEEP_OUT_METADATA = 'tripwire:keep-out';
/** An invisible square as large as a dot (src/map/basemap-support.ts draws it). */
export const KEEP_OUT_IMAGE = 'event-keep-out';
/** Feature-state of a route: its recency opacity, set by the drawer on the days it changes. */
export const ROUTE_FADE = 'fade';

/**
 * The scenario's dated events. Routes follow time by feature-state (out of time: transparent, and
 * not a hit; fading with age), so moving the timeline re-lays out nothing; the dots are the GPU
 * layer's, added by the map beneath the label. Coloured by category (with the scenario's own
 * categories, `categories`).
 */
export const eventsLayerFor = (categories: Parameters<typeof categoryColor>[0] = {}): LayerModule => ({
  id: 'events',
  title: 'Events',
  source: "The scenario's sources (quotes verbatim); locations as noted per event",
  toggleable: true,
  legend: { shape: 'point', color: '#0072b2', outline: '#ffffff' },
  sources: {
    [EVENTS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' },
    [EVENT_LABEL_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
    [EVENT_MARKERS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION },
  },
  layers: [
    {
      id: EVENT_ROUTES_LAYER,
      type: 'line',
      source: EVENTS_SOURCE,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': categoryColor(categories),
        'line-width': byInteraction(2.5, 4, 5),
        'line-opacity': shownInTime(['number', ['feature-state', ROUTE_FADE], 1] as ExpressionSpecification),
        'line-dasharray': [2, 1.5],
      },
    },
    {
      // Nothing to see: it takes the dots' room in the collision index, so the basemap's names
      // (placed after it, style.ts) keep off the scenario's markers; the scenario's own labels are
      // placed before it and may sit beside their dots. Every event's dot, whatever the time, so
      // names do not jump while the timeline moves.
      id: EVENT_KEEP_OUT_LAYER,
      type: 'symbol',
      metadata: { [KEEP_OUT_METADATA]: true },
      source: EVENT_MARKERS_SOURCE,
      layout: { 'icon-image': KEEP_OUT_IMAGE, 'icon-allow-overlap': true, 'icon-ignore-placement': false },
      paint: { 'icon-opacity': 0 },
    },
    {
      id: EVENT_LABEL_LAYER,
      type: 'symbol',
      source: EVENT_LABEL_SOURCE,
      layout: {
        'text-field': ['get', 'title'],
        'text-font': fonts.bold,
        'text-size': 13,
        'text-max-width': 16,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.2,
        'text-allow-overlap': true,
        'symbol-placement': 'point',
      },
      paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ],
  interactiveLayerIds: [EVENT_ROUTES_LAYER],
});
