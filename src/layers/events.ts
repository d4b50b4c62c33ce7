import type { LayerModule } from './types';
import { byInteraction, categoryColor, eventVisibleNow, isSelectedEvent, recencyOpacity } from './expressions';
import { fonts } from './palette';
import { EMPTY_COLLECTION } from './source-data';

export const EVENTS_SOURCE = 'events';
export const EVENT_POINTS_LAYER = 'event-points';
export const EVENT_ROUTES_LAYER = 'event-routes';

/**
 * The scenario's dated events: points and routes, filtered by time through global state, coloured
 * by category (with the scenario's own categories, `categories`).
 */
export const eventsLayerFor = (categories: Parameters<typeof categoryColor>[0] = {}): LayerModule => ({
  id: 'events',
  title: 'Events',
  source: "The scenario's sources (quotes verbatim); locations as noted per event",
  toggleable: true,
  legend: { shape: 'point', color: '#0072b2', outline: '#ffffff' },
  sources: { [EVENTS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: 'id' } },
  layers: [
    {
      id: EVENT_ROUTES_LAYER,
      type: 'line',
      source: EVENTS_SOURCE,
      filter: ['all', ['==', ['geometry-type'], 'LineString'], eventVisibleNow()],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': categoryColor(categories),
        'line-width': byInteraction(2.5, 4, 5),
        'line-opacity': recencyOpacity(0.3),
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: EVENT_POINTS_LAYER,
      type: 'circle',
      source: EVENTS_SOURCE,
      filter: ['all', ['==', ['geometry-type'], 'Point'], eventVisibleNow()],
      paint: {
        'circle-color': categoryColor(categories),
        'circle-radius': byInteraction(7, 9, 11),
        'circle-opacity': recencyOpacity(),
        'circle-stroke-color': byInteraction(['case', ['get', 'imported'], '#111111', '#ffffff'], '#222222', '#111111'),
        'circle-stroke-width': byInteraction(['case', ['get', 'imported'], 2.5, 1.5], 2.5, 3),
      },
    },
    {
      id: 'event-selected-label',
      type: 'symbol',
      source: EVENTS_SOURCE,
      filter: ['all', isSelectedEvent(), eventVisibleNow()],
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
  interactiveLayerIds: [EVENT_POINTS_LAYER, EVENT_ROUTES_LAYER],
});
